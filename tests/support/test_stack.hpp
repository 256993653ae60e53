#pragma once
// Small, valid input stacks for tests: a window of the national grid filled with simple, closed-form
// content that exercises every land-use class, organic soils, forests and land-use change. Tests that
// need a faulty file write a valid one and then overwrite one variable (see `overwrite_*`).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "solver/grid/grid_window.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::testing {

struct TestStackOptions {
  grid::GridWindow window{5000, 5000, 160, 200};  ///< national rows/cols (near Utrecht by default)
  std::uint32_t seed = 1;
  /// Fraction of cells (0–1) outside the territory, in a band along the west edge.
  double outside_fraction = 0.1;
};

/// Writes a valid stack to `path` (collective over `comm`).
void write_test_stack(const parallel::Comm& comm, const std::string& path, const TestStackOptions& options = {});

/// Re-opens `path` and overwrites one cell (window-relative row/col) of a float or byte variable
/// (map-year index for `land_use`). Serial helper: call on one rank only with a self communicator.
void overwrite_cell_f32(const std::string& path, const std::string& var, std::int32_t row, std::int32_t col,
                        float value);
void overwrite_cell_u8(const std::string& path, const std::string& var, std::int32_t row, std::int32_t col,
                       std::uint8_t value, std::size_t map_year_index = 0);
void overwrite_cell_i16(const std::string& path, const std::string& var, std::int32_t row, std::int32_t col,
                        std::int16_t value);

// ---- breaking metadata (serial helpers, like overwrite_*) ------------------------------------------
/// Sets (creates or replaces) a text / numeric attribute; var "" is the global attributes.
void set_attribute_text(const std::string& path, const std::string& var, const std::string& name,
                        const std::string& text);
void set_attribute_double(const std::string& path, const std::string& var, const std::string& name, double value);
void delete_attribute(const std::string& path, const std::string& var, const std::string& name);
/// Overwrites one value of the `x` or `y` coordinate, or adds `offset_m` to all of them.
void overwrite_coordinate(const std::string& path, const std::string& axis, std::size_t index, double value);
void shift_coordinate(const std::string& path, const std::string& axis, double offset_m);
/// Overwrites one value of the `map_year` coordinate, or of any 1-d int32 variable.
void overwrite_map_year(const std::string& path, std::size_t index, std::int32_t year);
void overwrite_int32(const std::string& path, const std::string& var, std::size_t index, std::int32_t value);
/// Renames a variable (e.g. to make a required one disappear).
void rename_variable(const std::string& path, const std::string& from, const std::string& to);
/// Replaces `var` by a new, empty variable of NetCDF type `nc_type` (e.g. NC_SHORT) over `dims`; the
/// old one is kept under the name `var + "_replaced"`.
void replace_variable(const std::string& path, const std::string& var, int nc_type,
                      const std::vector<std::string>& dims);

// ---- climate forcing ----------------------------------------------------------------------------
struct TestClimateOptions {
  std::int32_t first_year = 1990;
  std::int32_t last_year = 2030;
  std::int32_t last_observed_year = 2024;
  /// Climate cells: `n_x` x `n_y` cells of `cell_m` metres, north-west corner at (x0, y1).
  std::int32_t n_x = 5, n_y = 4;
  double cell_m = 12000, x0_m = 120000, y1_m = 520000;
};
/// Writes a valid climate forcing file (six KNMI'23 scenarios, smooth closed-form fields). Collective.
void write_test_climate(const parallel::Comm& comm, const std::string& path, const TestClimateOptions& options = {});
/// Overwrites one value of a gridded climate variable (scenario, year, y, x indices). Serial helper.
void overwrite_climate_value(const std::string& path, const std::string& var, std::size_t scenario,
                             std::size_t year_index, std::size_t y, std::size_t x, float value);

}  // namespace polder::testing
