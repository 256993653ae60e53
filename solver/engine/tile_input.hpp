#pragma once
// What a run keeps of the input stack, one tile at a time, in a compact form: the static attributes of
// every active cell, the land-use sequence of the map years as a list of change events, and the
// attributes only some cells need (forest stands, organic soils, coastal marshes) for those cells
// only. It is read once, checked, and kept for the whole run, so any number of members (scenarios,
// Monte Carlo draws) can be started from it without reading the stack again (docs/architecture.md).

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace polder::engine {

/// A change of a cell's mapped land use: the map sequence (changes spread over each map interval) and
/// the seagrass establishment year. `map_change` is 1 when the year is the change year of a map
/// interval whose two maps differ for the cell (even if the mapped class stays the same).
struct TileEvent {
  std::int16_t year = 0;
  std::uint16_t cell = 0;  ///< offset in the tile's cells
  std::uint8_t land_use = 0;
  std::uint8_t map_change = 0;
  friend bool operator<(const TileEvent& a, const TileEvent& b) {
    return a.year != b.year ? a.year < b.year : a.cell < b.cell;
  }
};

/// Forest attributes of the reference year (input variables forest_species, yield_class, forest_age,
/// standing_volume), for cells with a stand in the input.
struct ForestAttributes {
  std::uint16_t cell = 0;
  std::uint8_t species = 0;
  std::uint8_t yield_class = 0;
  std::int16_t age_ref = -1;
  float volume_ref_m3_ha = 0.0F;
};

/// Organic-soil attributes (peat_thickness, glg, ghg, ditch_fraction), for cells on peat or peaty soil.
struct OrganicAttributes {
  std::uint16_t cell = 0;
  float peat_thickness_cm = 0.0F;
  float ditch_fraction = 0.0F;
  double wtd_base_cm = 0.0;  ///< (GLG + GHG) / 2: exact in double for two float inputs
};

/// Coastal attributes (marsh_elevation) of cells that are salt marsh or seagrass in some year.
struct CoastalAttributes {
  std::uint16_t cell = 0;
  float elevation_cm = 0.0F;
};

/// Cell counts the cost model of the decomposition weighs (engine/work_model.hpp).
struct TileWork {
  std::int64_t active = 0;
  std::int64_t organic = 0;                 ///< cells on organic soil
  std::int64_t events = 0;                  ///< land-use events
  std::array<std::int32_t, 18> last_map{};  ///< cells per land-use class in the last map
};

struct TileInput {
  std::int32_t tile = -1;  ///< national tile id
  // Dense, one entry per active cell in row-major order inside the tile.
  std::vector<std::uint16_t> local_index;   ///< row * tile_size + col inside the tile
  std::vector<std::uint8_t> province;       ///< 1..12
  std::vector<std::uint8_t> soil;           ///< soil class of the input
  std::vector<std::uint8_t> land_use_base;  ///< mapped land use before any event (the first map)
  // Sparse.
  std::vector<TileEvent> events;  ///< sorted by (year, cell)
  std::vector<ForestAttributes> forest;
  std::vector<OrganicAttributes> organic;
  std::vector<CoastalAttributes> coastal;
  TileWork work;

  std::size_t n_cells() const { return local_index.size(); }

  /// Appends the tile to `out` as bytes, and reads one back from `in` (advancing it).
  void serialise(std::vector<std::byte>& out) const;
  static TileInput deserialise(std::span<const std::byte>& in);
  std::size_t bytes() const;
};

}  // namespace polder::engine
