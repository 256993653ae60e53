#pragma once
// The Member-State figures the EU accounting needs, with their sources. Read from the parameter files
// (configs/parameters/eu_lulucf_nl.ini, io/config/eu_parameter_reader.hpp); a figure the files do not
// give is "not given" and every term that needs it is reported as missing, never as zero.

#include <array>
#include <limits>
#include <string>
#include <utility>

namespace polder::reporting {

struct EuParameter {
  explicit EuParameter(std::string parameter_name = {}) : name(std::move(parameter_name)) {}
  std::string name;  ///< parameter name, e.g. "eu.forest_reference_level"
  double value = std::numeric_limits<double>::quiet_NaN();
  bool given = false;
  bool verified = false;  ///< false when the source marks the value as an assumption or unverified
  std::string source;
};

struct EuParameters {
  EuParameter forest_reference_level{"eu.forest_reference_level"};            ///< kt CO2-eq yr-1 (Annex IV)
  EuParameter base_year_emissions{"eu.base_year_emissions"};                  ///< kt CO2-eq yr-1 (Annex III)
  EuParameter annex_iia_average_2016_2018{"eu.annex_iia.average_2016_2018"};  ///< column B, kt CO2-eq yr-1
  EuParameter annex_iia_target_change{"eu.annex_iia.target_change"};          ///< column C, kt CO2-eq yr-1
  EuParameter annex_iia_value_2030{"eu.annex_iia.value_2030"};                ///< column D, kt CO2-eq yr-1
  EuParameter managed_wetland_elected{"eu.managed_wetland_elected"};          ///< 1 or 0
  /// Not EU law: the Dutch 2030 goal for land use (Kamerbrief 2 Feb 2024, kst-28625-356), kt CO2-eq
  /// yr-1. Read here so the file that holds the EU figures can hold it; `polder compare` reports each
  /// run against it (from the inventory's /provenance/parameters). The accounting does not use it.
  EuParameter nl_land_use_goal_2030{"nl.land_use_goal_2030"};
  /// HWP half-lives (sawnwood, panels, paper), yr: the run's hwp.half_life.* (Annex V defaults 35, 25, 2).
  std::array<double, 3> hwp_half_life_yr = {std::numeric_limits<double>::quiet_NaN(),
                                            std::numeric_limits<double>::quiet_NaN(),
                                            std::numeric_limits<double>::quiet_NaN()};
};

/// True when a parameter source marks its value as not verified ("assumption ..." or "unverified ...").
bool source_is_unverified(const std::string& source);

}  // namespace polder::reporting
