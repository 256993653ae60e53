#pragma once
// Small, valid input stacks for tests: a window of the national grid filled with simple, closed-form
// content that exercises every land-use class, organic soils, forests and land-use change. Tests that
// need a faulty file write a valid one and then overwrite one variable (see `overwrite_*`).

#include <cstdint>
#include <functional>
#include <string>

#include "grid/grid_window.hpp"
#include "parallel/comm.hpp"

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
void overwrite_cell_f32(const std::string& path, const std::string& var, std::int32_t row, std::int32_t col, float value);
void overwrite_cell_u8(const std::string& path, const std::string& var, std::int32_t row, std::int32_t col,
                       std::uint8_t value, std::size_t map_year_index = 0);

}  // namespace polder::testing
