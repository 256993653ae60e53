#pragma once
// `polder compare`: several inventories side by side, each run's net emissions and its difference from
// the first (the base). Runs are comparable only when they share the input stack and climate file (by
// digest), the grid (tile size, active cells, region) and the years; runs that differ in scenario,
// measures or parameters are what the comparison is for, and their header says how they differ. Pure:
// the inventories are read by io/hdf5, the parameter digest hashed by the program.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "solver/reporting/inventory_data.hpp"
#include "solver/reporting/report_filter.hpp"
#include "solver/reporting/report_table.hpp"

namespace polder::reporting {

/// What a comparison checks and shows of one run, from its /provenance and root attributes.
struct RunFacts {
  std::string source;  ///< the file
  std::string label;   ///< short name for the CSV (file stem, made unique)
  std::string title;
  std::string scenario;
  std::string region;
  std::string input_digest;    ///< /provenance/inputs/digest of the role "input stack"
  std::string climate_digest;  ///< ... of the role "climate"
  std::optional<std::int64_t> tile_size;
  std::optional<std::int64_t> active_cells;
  std::string seed;
  std::vector<std::int32_t> years;
  /// /provenance attribute measure_files (newline separated); nullopt for an inventory written before
  /// measures were recorded, empty for a run without measures.
  std::optional<std::vector<std::string>> measure_files;
  std::string parameters_digest;  ///< sha256 of the parameter values (filled by the caller)
};

/// The facts of an inventory (all but parameters_digest and label).
RunFacts run_facts(const InventoryData& data);
/// Labels for the runs: file stems, made unique with "#N" where two are the same.
std::vector<std::string> run_labels(const std::vector<std::string>& sources);

/// What differs between a base and another run that makes them not comparable, one line each
/// ("input stack digest differs: BASE a1b2c3d4e5f6... vs OTHER c3d4..."). Years must be the same list
/// unless `common_years`, then they must overlap.
std::vector<std::string> comparability_problems(const RunFacts& base, const RunFacts& other, bool common_years);

/// The years the runs are compared over: the base's years, or with `common_years` the years every run
/// has. Throws InputError naming each run and everything that differs if the runs are not comparable.
std::vector<std::int32_t> check_comparable(const std::vector<RunFacts>& runs, bool common_years);

/// The tables compare can show.
enum class ComparedQuantity : std::uint8_t {
  summary,  ///< net emissions per CRT category 4.A ... 4.G and the total (/inventory/net_kt_co2e)
  crt,      ///< net emissions per CRT row (/crt/net_kt_co2e)
};
/// "summary" or "crt"; ConfigError with a suggestion otherwise.
ComparedQuantity parse_compared_quantity(const std::string& key);
/// The keys parse_compared_quantity accepts, for --help.
const std::vector<std::string>& compared_quantity_keys();

struct ComparisonRow {
  std::string code;   ///< "4.A", "4" (the total, as in CRT Table 4), "4.A.2.1"
  std::string label;  ///< "Forest land", "Total LULUCF", ...
  int level = 0;
};

/// Values of every run in every selected year and row, kt CO2-eq. The base is run 0.
struct Comparison {
  std::string title;
  std::string units = "kt CO2-eq";
  std::string note;
  std::vector<RunFacts> runs;
  std::vector<std::int32_t> years;  ///< selected years
  std::vector<ComparisonRow> rows;
  std::vector<double> values;  ///< [run][year][row]

  double value(std::size_t run, std::size_t year, std::size_t row) const {
    return values[(run * years.size() + year) * rows.size() + row];
  }
  /// Run minus base, computed as the one subtraction other - base (exactly 0 for equal values).
  double difference(std::size_t run, std::size_t year, std::size_t row) const {
    return value(run, year, row) - value(0, year, row);
  }
};

struct ComparisonRequest {
  ComparedQuantity quantity = ComparedQuantity::summary;
  ReportFilter filter;  ///< years (within the compared years), category, province
};

/// Builds the comparison of `data` (one per run, base first, with their facts) over `years` (from
/// check_comparable). ConfigError for a filter the quantity cannot apply (4.G has no CRT rows) or years
/// outside the compared ones.
Comparison compare_runs(const std::vector<const InventoryData*>& data, const std::vector<RunFacts>& facts,
                        const std::vector<std::int32_t>& years, const ComparisonRequest& request);

/// The comparison as a report table for the terminal: one block per year, the rows as in the
/// comparison, columns "1 base", then "2", "2 - 1", "3", "3 - 1", ...
ReportTable comparison_table(const Comparison& c);

/// The policy goals a comparison reports each run against, with their sources.
struct PolicyTargets {
  /// Dutch 2030 goal for land use (parameter nl.land_use_goal_2030), kt CO2-eq: net <= goal.
  std::optional<double> nl_goal_2030_kt;
  std::string nl_source;
  /// EU 2030 value for NL (Annex IIa column D, parameter eu.annex_iia.value_2030), kt CO2-eq.
  std::optional<double> eu_value_2030_kt;
  std::string eu_source;
};
/// The goals recorded in an inventory's /provenance/parameters (those of its parameter files).
PolicyTargets targets_in_provenance(const InventoryData& data);

/// Per run: the net total in 2030 against both goals, the EU Art. 4(3) test of the inventory's own
/// accounting where it is computed, and the net total in 2050. Years a run lacks are "not in run".
ReportTable targets_table(const std::vector<const InventoryData*>& data, const std::vector<RunFacts>& facts,
                          const PolicyTargets& targets);

}  // namespace polder::reporting
