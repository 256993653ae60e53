#pragma once
// The per-rank state of a run: dense arrays over this rank's active cells (tiles in global Hilbert
// order, cells row-major inside a tile) for what every cell carries, and per tile the cell lists of
// each process with the fields only those cells carry (process_lists.hpp). The static attributes of
// the cells (position, province, the input's forest, soil and coastal attributes) stay in the kept
// input (tile_input.hpp), which the state points to.
//
// The cell-field table below and the column tables of process_lists.hpp are the one list of per-cell
// fields: allocation, first touch, checkpoints and the memory report are generated from them.
//
// Mineral-soil carbon is stored as an anchor: SOC(y) = anchor + SOC_eq(soil, land use) * x(climate
// cell, y), where x is the relative climate offset of kernels/climate_response.hpp. The climate
// response of every mineral cell is then booked from cell counts per (reporting key, soil, land use,
// climate cell) instead of a sweep over every cell (area_book.hpp); transitions, burial and peat left
// over move the anchor itself.

#include <cstdint>
#include <span>
#include <vector>

#include "solver/engine/process_lists.hpp"
#include "solver/engine/tile_input.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::engine {

// clang-format off
/// Dense dynamic fields: type, name, checkpoint dataset, valid low and high, unit, meaning.
#define POLDER_DENSE_FIELDS(X)                                                                                        \
  X(std::uint8_t, land_use,       "land_use",       1, 17,     "1",        "land-use code (model/land_use.hpp)")        \
  X(std::uint8_t, soil,           "soil",           0, 6,      "1",        "soil class; peat -> peaty -> mineral as peat is used up") \
  X(std::uint8_t, converted_from, "converted_from", 0, 5,      "1",        "land category before the last category change") \
  X(std::int16_t, converted_year, "converted_year", 0, 9999,   "yr",       "year of the last category change (0: none)") \
  X(double,       soc_anchor,     "soc_anchor",     -1e6, 1e6, "t C ha-1", "mineral-soil carbon minus SOC_eq * x (see above)") \
  X(std::uint8_t, measure,        "measure",        0, 255,    "1",        "policy measure of the cell: index m (reserved) or m + 128 (active), 0 none")
// clang-format on

struct CellState {
  const std::vector<TileInput>* input = nullptr;  ///< the kept input, one per local tile
  std::int32_t tile_size = 256;
  std::vector<std::int32_t> tiles;      ///< national tile ids of this rank, global order
  std::vector<std::size_t> tile_begin;  ///< tiles.size() + 1 offsets into the dense arrays
  std::vector<std::int32_t> tile_row0;  ///< national row and column of each local tile's corner
  std::vector<std::int32_t> tile_col0;
  std::int32_t forest_reference_year = 0;
  std::vector<std::uint16_t> climate_cell;  ///< static: climate cell holding each cell's centre
  std::vector<std::uint8_t> row_in_tile;    ///< local index -> row inside the tile (no division per cell)
  std::vector<std::uint8_t> col_in_tile;    ///< local index -> column inside the tile

#define POLDER_DECLARE_FIELD(type, name, checkpoint, low, high, unit, doc) std::vector<type> name;
  POLDER_DENSE_FIELDS(POLDER_DECLARE_FIELD)
#undef POLDER_DECLARE_FIELD

  std::vector<TileProcesses> processes;  ///< per local tile

  std::size_t n_cells() const { return tile_begin.empty() ? 0 : tile_begin.back(); }
  std::size_t n_tiles() const { return tiles.size(); }
  std::size_t begin(std::size_t t) const { return tile_begin[t]; }
  std::size_t end(std::size_t t) const { return tile_begin[t + 1]; }
  const TileInput& tile_input(std::size_t t) const { return (*input)[t]; }
  /// National row, column and cell id of cell `i` (rank index) of local tile `t`.
  std::int32_t row_of(std::size_t t, std::size_t i) const {
    return tile_row0[t] + row_in_tile[tile_input(t).local_index[i - begin(t)]];
  }
  std::int32_t col_of(std::size_t t, std::size_t i) const {
    return tile_col0[t] + col_in_tile[tile_input(t).local_index[i - begin(t)]];
  }
  std::int64_t cell_id(std::size_t t, std::size_t i) const {
    return grid::NationalGrid::cell_id(row_of(t, i), col_of(t, i));
  }
  std::uint8_t province(std::size_t t, std::size_t i) const { return tile_input(t).province[i - begin(t)]; }

  /// Calls v(ColumnInfo, vector&) for every dense field.
  template <typename V>
  void visit_dense(V&& v) {
#define POLDER_VISIT_FIELD(type, name, checkpoint, low, high, unit, doc) \
  v(ColumnInfo{#name, checkpoint, static_cast<double>(low), static_cast<double>(high), unit}, name);
    POLDER_DENSE_FIELDS(POLDER_VISIT_FIELD)
#undef POLDER_VISIT_FIELD
  }

  /// Sizes every dense field for the tiles of `kept` (values zero), faulting the memory in from all
  /// threads, and empties the process lists.
  void allocate(const std::vector<TileInput>& kept, const std::vector<std::size_t>& begin,
                std::int32_t tile_size_cells);

  /// Bytes held by the state: dense fields and process lists.
  std::size_t bytes();
};

}  // namespace polder::engine
