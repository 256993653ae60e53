#pragma once
// The one table of the inventory's datasets: path, type, shape, units, description (and, for the EU
// accounting terms, the legal source and the formula). The HDF5 writer writes exactly these datasets
// with these attributes, the reader checks a file against them, `polder info` describes a file with
// them and docs/output-format.md is checked against `schema_markdown` (tests/reporting), so the four
// cannot disagree.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "solver/reporting/inventory_data.hpp"

namespace polder::reporting {

/// Named dimensions. Fixed ones have a size from solver/model; year, input and parameter depend on the run.
enum class Dim : std::uint8_t {
  year,
  category,             ///< CRT categories 4.A ... 4.G (7)
  row,                  ///< CRT rows, to x 6 + from (36)
  land_category,        ///< forest ... other land (6)
  province,             ///< CBS provinces (12)
  product,              ///< HWP product classes (3)
  quantity,             ///< ledger quantities (29)
  accounting_category,  ///< EU land accounting categories 2021-2025 (6)
  hwp_origin,           ///< origin of harvested wood (3)
  budget_year,          ///< 2026 ... 2029 (4)
  input,                ///< input files of the run
  parameter,            ///< science parameters of the run
  one,                  ///< a list of one string
  measure,              ///< policy measures of the run (/measures/ids)
  land_use,             ///< land-use classes (18, model/land_use.hpp)
  member,               ///< ensemble members in the file (/ensemble/members/index)
  scenario,             ///< scenario entries of the ensemble (/ensemble/scenarios)
  sampled,              ///< sampled quantities of the ensemble (/ensemble/parameter_names)
  draw,                 ///< Monte Carlo draws 1..N (/uncertainty/convergence/draws)
  eu_test,              ///< the EU compliance tests (3: no debit 2021-2025, budget 2026-2029, 2030 target)
  wetland_subrow,       ///< sub-rows of 4.D by land-use class (5, model/wetland_subrow.hpp)
};

struct DatasetSpec {
  std::string path;
  ValueType type = ValueType::f64;
  std::vector<Dim> dims;     ///< empty: a scalar
  std::string units;         ///< written as the `units` attribute (none if empty)
  std::string description;   ///< written as the `description` attribute (none if empty)
  std::string note;          ///< extra text for the documentation only
  std::string legal_source;  ///< EU accounting: article / annex, written as `legal_source`
  std::string formula;       ///< EU accounting: how the term is computed, written as `formula`
  bool optional = false;     ///< may be absent (written only by some runs)
};

struct GroupAttribute {
  std::string group;
  std::string name;
  std::string value;
};

/// Every dataset of an inventory, in writing order.
const std::vector<DatasetSpec>& inventory_schema();
/// Fixed attributes of groups (the root attributes come from the provenance).
const std::vector<GroupAttribute>& group_attributes();
/// The spec of a path; nullptr if the schema has none.
const DatasetSpec* find_spec(std::string_view path);
/// The spec of a path; InternalError if the schema has none (a programming error).
const DatasetSpec& spec(std::string_view path);

/// Size of a fixed dimension, nothing for the run-dependent ones (year, input, parameter, measure, ensemble).
std::optional<std::size_t> fixed_size(Dim d);
std::string_view dim_label(Dim d);
/// "float64 [year][category]", "string [7]", "float64 scalar".
std::string shape_text(const DatasetSpec& s);

/// Sizes of the run-dependent dimensions.
struct RunDims {
  std::size_t years = 0;
  std::size_t inputs = 0;
  std::size_t parameters = 0;
  std::size_t measures = 0;
  std::size_t members = 0;
  std::size_t scenarios = 0;
  std::size_t sampled = 0;
  std::size_t draws = 0;
};
/// Checks a dataset against its spec; returns what is wrong ("" if nothing).
std::string check_dataset(const DatasetSpec& s, const Dataset& d, const RunDims& dims);
/// The shape a spec has in a run.
std::vector<std::size_t> expected_shape(const DatasetSpec& s, const RunDims& dims);

/// Top-level groups in schema order: "/inventory", "/crt", ...
std::vector<std::string> schema_groups();
/// The Markdown table of one group for docs/output-format.md.
std::string schema_markdown(std::string_view group);

}  // namespace polder::reporting
