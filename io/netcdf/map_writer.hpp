#pragma once
// Per-cell maps of a run as one CF-1.8 NetCDF-4 file on the national grid (EPSG:28992), written
// collectively by all ranks: the fields `[output] maps` names, in the years `[output] map_years` names,
// at 25 m or aggregated to 100, 250 or 1000 m (`[output] map_resolution`). The engine hands each rank's
// cells tile by tile (tile corner, positions inside the tile, one value per cell); the writer knows
// formats and geometry, no science. Schema: docs/output-format.md, "Maps".

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "solver/grid/grid_window.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io {

inline constexpr const char* k_maps_format = "polder-maps";
inline constexpr int k_maps_format_version = 1;

/// How cells are combined into a coarser map cell.
enum class MapAggregation {
  mean,      ///< area-weighted mean over the active cells of the map cell (per-hectare quantities)
  majority,  ///< the most frequent value, ties to the lowest (class codes)
};

/// One field a map file holds.
struct MapFieldSpec {
  std::string name;       ///< NetCDF variable name, e.g. "net_co2e"
  std::string units;      ///< UDUNITS string, e.g. "t ha-1 yr-1"
  std::string long_name;  ///< what it holds
  MapAggregation aggregation = MapAggregation::mean;
  bool integer_codes = false;  ///< stored as uint8 class codes (with flag_values), else float32
  std::string flag_values;     ///< for codes: "1 2 3 ..."
  std::string flag_meanings;   ///< for codes: "forest trees_outside_forest ..."
};

/// The cells of one local tile: the national row and column of its corner, the position of every
/// active cell inside it (row * tile_size + col, ascending), and the tile size.
struct MapTile {
  std::int32_t row0 = 0;
  std::int32_t col0 = 0;
  std::span<const std::uint16_t> local_index;
};

class MapWriter {
 public:
  /// Collective. Creates `path` under a temporary name (renamed by `close`), covering `window` (the
  /// input stack's window of the national grid) at `resolution_m` (25, 100, 250 or 1000), with one
  /// time step per entry of `years` and one variable per field. `provenance` attributes (name -> text)
  /// go on the root group.
  MapWriter(const parallel::Comm& comm, const std::string& path, const grid::GridWindow& window, std::int32_t tile_size,
            std::int32_t resolution_m, std::vector<std::int32_t> years, std::vector<MapFieldSpec> fields,
            const std::vector<std::pair<std::string, std::string>>& provenance);
  ~MapWriter();
  MapWriter(const MapWriter&) = delete;
  MapWriter& operator=(const MapWriter&) = delete;

  /// Collective: writes field `field` (index into the specs) of year `year` (one of `years`) from this
  /// rank's tiles; `values[t]` has one value per cell of tiles[t]. Cells not active stay at the fill
  /// value. The file is the same bytes of data for any decomposition.
  void write(std::size_t field, std::int32_t year, std::span<const MapTile> tiles,
             std::span<const std::span<const float>> values);

  /// Collective: closes the file and gives it its final name. Without close (an exception), the
  /// temporary file is removed by the destructor.
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace polder::io
