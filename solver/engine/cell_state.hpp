#pragma once
// The per-rank data: structure of arrays over this rank's active cells only, grouped by tile in the
// global (Hilbert) tile order. Carbon pools are double so that every tonne moved between pools and
// the atmosphere can be booked and checked to 1e-9; descriptive attributes are compact.

#include <cstdint>
#include <span>
#include <vector>

#include "solver/grid/tile_layout.hpp"

namespace polder::engine {

struct CellState {
  // ---- layout ------------------------------------------------------------------------------------
  std::int32_t tile_size = 256;
  std::vector<std::int32_t> tiles;         ///< national tile ids of this rank, global order
  std::vector<std::size_t> tile_begin;     ///< tiles.size() + 1 offsets into the cell arrays
  std::vector<std::uint16_t> local_index;  ///< row * tile_size + col inside the tile
  std::vector<std::int32_t> map_years;     ///< years of the land-use maps (input order)
  std::int32_t forest_reference_year = 0;  ///< year the input forest attributes describe; later years are
                                           ///< projections in which stands are renewed at rotation age

  // ---- attributes from the input stack (static unless noted) --------------------------------------
  std::vector<std::uint8_t> province;                   ///< 1..12
  std::vector<std::vector<std::uint8_t>> land_use_map;  ///< [map year][cell] land-use codes
  std::vector<std::uint8_t> soil;                       ///< soil class; peat -> peaty -> mineral as peat is used up
  std::vector<float> glg_cm;                            ///< mean lowest groundwater level, cm below surface
  std::vector<float> ghg_cm;                            ///< mean highest groundwater level, cm below surface
  std::vector<float> ditch_fraction;                    ///< fraction of the cell that is ditch water
  std::vector<std::uint8_t> species;                    ///< forest species group (0 none)
  std::vector<std::uint8_t> yield_class;                ///< 1 best .. 5 poorest (0 none)
  std::vector<float> marsh_elevation_cm;                ///< relative to mean high water (dynamic)
  std::vector<std::int16_t> seagrass_since;             ///< year a seagrass meadow established (0 never)
  std::vector<std::uint16_t> climate_cell;              ///< index of the climate cell holding the cell centre

  // ---- dynamic state ------------------------------------------------------------------------------
  std::vector<std::uint8_t> land_use;        ///< current land-use code
  std::vector<std::uint8_t> converted_from;  ///< category before the last conversion
  std::vector<std::int16_t> converted_year;  ///< year of the last category change (0: none known)
  std::vector<double> biomass_c;             ///< living biomass (above + below ground), t C ha-1
  std::vector<double> dead_wood_c;           ///< t C ha-1
  std::vector<double> litter_c;              ///< t C ha-1
  std::vector<double> mineral_soc_c;         ///< mineral soil organic carbon 0-30 cm, t C ha-1
  std::vector<double> peat_c;                ///< organic-soil carbon above the mineral substrate, t C ha-1
  std::vector<float> soc_rate;               ///< t C ha-1 yr-1 of the running 20-year transition
  std::vector<std::uint8_t> soc_years_left;  ///< years left in that transition
  std::vector<float> stand_age;              ///< forest stand age, years (0 where no stand); -n: an old stand
                                             ///< that is felled and regenerated in n years (initial state)
  std::vector<std::int16_t> burnt_year;      ///< year of the last fire (0: none)
  std::vector<std::uint8_t> rewetted;        ///< 1 where organic soil is rewetted (measure)

  std::size_t n_cells() const { return local_index.size(); }
  std::size_t n_tiles() const { return tiles.size(); }
  std::size_t begin(std::size_t t) const { return tile_begin[t]; }
  std::size_t end(std::size_t t) const { return tile_begin[t + 1]; }

  /// Allocates every array for `n` cells (values zero).
  void resize(std::size_t n, std::size_t n_map_years);
  /// Bytes held per active cell (for the memory report).
  std::size_t bytes_per_cell() const;

 private:
  std::size_t m_bytes_per_cell = 0;  ///< set by resize()
};

}  // namespace polder::engine
