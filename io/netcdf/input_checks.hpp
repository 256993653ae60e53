#pragma once
// Strict checks on Polder input files (docs/input-format.md, section "Input checks"). Metadata checks
// read only attributes and coordinates and give the same answer on every rank; value checks look at
// one block of cells at a time and return the first bad cell; raise_first_violation agrees over all
// ranks on the lowest bad cell and throws the same InputError everywhere, so `main` exits with code 2
// and no MPI abort.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "io/netcdf/nc_file.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "solver/grid/grid_window.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io {

/// What the metadata of a valid input stack says.
struct StackInfo {
  grid::GridWindow window;              ///< from the x/y coordinates
  std::vector<std::int32_t> map_years;  ///< strictly increasing
  std::int32_t forest_reference_year = 0;
  std::string region;
};

/// Checks format/version, the `crs` grid mapping (EPSG:28992), x/y on the national 25 m lattice,
/// dimensions, every schema variable (presence, type, dims, grid_mapping) and the map years.
/// Throws InputError naming the file, the variable or attribute, and what is wrong. Every rank of the
/// file's Comm must call it (it reads the coordinates collectively); every rank gets the same answer.
StackInfo check_stack_metadata(const NcFile& file);

/// Throws InputError unless the file's `crs` variable describes RD New (EPSG:28992): through
/// `epsg_code`, a WKT (`crs_wkt`/`spatial_ref`) naming EPSG:28992, or CF oblique_stereographic
/// parameters equal to RD New's. Any of them that names something else is an error.
void check_rd_new_crs(const NcFile& file);

/// One bad cell.
struct Violation {
  std::int64_t cell_id = 0;  ///< national cell id (row * 11400 + col)
  std::int32_t row = 0;      ///< national row
  std::int32_t col = 0;      ///< national column
  std::string variable;
  std::int32_t map_year = 0;  ///< 0 for variables without a map-year dimension
  double value = 0;
  std::string expected;  ///< the rule the value breaks, for the message
};

/// Checks one block (a national window, row-major values) of one variable against its spec:
/// inside the territory (territory == 1) class codes must be listed codes, numbers finite and within
/// [valid_min, valid_max] (seagrass_since: 0 or 1900–2100); outside (territory == 0) every variable
/// must hold its fill value. `territory` holds the territory flags of the same block; for the
/// `territory` variable itself pass the values twice (values must then be 0 or 1). Returns the first
/// violation in national cell-id order.
template <typename T>
std::optional<Violation> first_violation(const VariableSpec& spec, std::span<const T> values,
                                         const grid::GridWindow& block, std::span<const std::uint8_t> territory,
                                         std::int32_t map_year = 0);

/// The variables the cross-variable rules read, for one block. An empty span skips the rules that
/// need it.
struct CrossVariableBlock {
  std::span<const std::uint8_t> territory;
  std::span<const std::uint8_t> soil;
  std::span<const float> peat_thickness;
  std::span<const float> glg;
  std::span<const float> ghg;
  std::span<const std::uint8_t> forest_species;
  std::span<const std::int16_t> forest_age;
  std::span<const std::uint8_t> yield_class;
  std::span<const float> standing_volume;
};

/// Rules between variables, inside the territory: ghg <= glg; peat_thickness >= 40 cm on peat soil
/// (5), 5–40 cm on peaty soil (6), 0 on mineral soils (1–4); a forest stand (forest_species > 0) has
/// forest_age 0–300 and yield_class 1–5, no stand (species 0) has age -1, yield class 0 and volume 0.
/// Returns the first violation in cell-id order (the rules are tried in that order for each cell).
std::optional<Violation> first_cross_violation(const CrossVariableBlock& block, const grid::GridWindow& window);

/// Collective over `comm`: finds the violation with the lowest cell id over all ranks and throws the
/// same InputError on every rank, naming `path`, the variable (and map year), the cell's centre in RD
/// coordinates and national row/col, the value and what was expected. Returns if no rank has one.
void raise_first_violation(const parallel::Comm& comm, const std::string& path, const std::optional<Violation>& mine);

/// The message raise_first_violation throws for `v` in `path`.
std::string violation_message(const std::string& path, const Violation& v);

/// Collective over `comm`: if any rank passes an error (sort key, message), every rank throws
/// InputError with the message of the lowest key (lowest rank on ties). Returns if none has one.
void raise_first_error(const parallel::Comm& comm, const std::optional<std::pair<std::int64_t, std::string>>& mine);

/// Collective: reads every variable of an input stack in row blocks shared out over the file's ranks
/// and raises the first violation (variables in schema order, each at its lowest cell id; the
/// cross-variable rules last). The answer does not depend on the number of ranks.
void check_stack_values(const NcFile& file, const StackInfo& info, const parallel::Comm& comm);

// ---- climate forcing -------------------------------------------------------------------------------

struct ClimateInfo {
  std::vector<std::string> scenarios;  ///< in dimension order
  std::vector<std::int32_t> years;     ///< contiguous
  std::int32_t last_observed_year = 0;
  std::vector<double> x;  ///< RD x of climate-cell centres, increasing
  std::vector<double> y;  ///< RD y of climate-cell centres, decreasing
  double cell_width_m = 0;
  double cell_height_m = 0;
};

/// Per-cell climate variables (scenario, year, y, x) and the coastal sea-level series (scenario, year).
struct ClimateVariableSpec {
  std::string name;
  bool gridded;  ///< dims (scenario, year, y, x); else (scenario, year)
  std::string units;
  double plausible_min;  ///< values outside are rejected as corrupt
  double plausible_max;
};
const std::vector<ClimateVariableSpec>& climate_variables();

/// Checks format/version, crs, dims, coordinates (uniform spacing, north-up), every variable (type
/// float32, dims), contiguous years, the scenario list and last_observed_year. Same on every rank.
ClimateInfo check_climate_metadata(const NcFile& file);

/// Collective: values finite and plausible, and identical in every scenario up to last_observed_year.
void check_climate_values(const NcFile& file, const ClimateInfo& info, const parallel::Comm& comm);

/// Throws InputError unless the climate grid's cells cover every cell centre of `window`.
void check_climate_covers(const ClimateInfo& info, const grid::GridWindow& window, const std::string& path);

}  // namespace polder::io
