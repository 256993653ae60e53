#pragma once
// What the inventory records of the policy measures and of the baseline projection (/measures,
// /projection; schema in output_schema.cpp): per measure its definition, what its allocation came to
// and the programme's targets, and per year and measure the area of its active cells and their net
// emissions, computed with the CRT arithmetic of the rows; the projection's conversion rates.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "solver/model/year_totals.hpp"
#include "solver/reporting/inventory_data.hpp"

namespace polder::reporting {

struct MeasureSummary {
  std::string id, name, action, source, file;
  std::int32_t start_year = 0, target_year = 0;
  double qualifying_ha = 0.0;                                        ///< area that qualifies
  double requested_ha = 0.0;                                         ///< the measure's target by its target year
  double planned_ha = 0.0;                                           ///< taken by the target year
  double planted_ha = 0.0;                                           ///< taken by the run's last year
  double established_ha = 0.0;                                       ///< of which established (survival)
  double taken_earlier_ha = 0.0;                                     ///< qualifies, but earlier measures took it
  std::string shortfall;                                             ///< "" or what the qualifying area could not meet
  double target_area_ha = std::numeric_limits<double>::quiet_NaN();  ///< programme target, NaN if none
  double target_kt_co2e = std::numeric_limits<double>::quiet_NaN();
  std::int32_t target_effect_year = 0;
  std::string target_source;
};

struct ProjectionSummary {
  bool enabled = false;
  std::int32_t from_year = 0, to_year = 0, first_year = 0;
  std::vector<double> rate_per_yr;  ///< [province][from land use][to land use]
  std::vector<std::int64_t> cells;  ///< the counts the rates come from, same layout
};

/// The measures and projection of a run, as the inventory records them.
struct ScenarioSummary {
  std::vector<MeasureSummary> measures;
  ProjectionSummary projection;
};

/// Net emissions (kt CO2-eq) of measure m (1-based) in year y: the measure's books through the CRT
/// arithmetic.
double measure_co2e_kt(const model::YearTotals& y, std::size_t m);

/// Adds /measures (when there are measures) to `data`.
void add_measures(InventoryData& data, const std::vector<model::YearTotals>& years,
                  const std::vector<MeasureSummary>& measures);
/// Adds /projection.
void add_projection(InventoryData& data, const ProjectionSummary& projection);

}  // namespace polder::reporting
