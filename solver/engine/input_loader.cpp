#include "solver/engine/input_loader.hpp"

#include <optional>

#include "io/netcdf/row_blocks.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"

namespace polder::engine {
namespace {

void keep_first(std::optional<io::Violation>& first, std::optional<io::Violation> v) {
  if (v && (!first || v->cell_id < first->cell_id)) first = std::move(v);
}

/// One band of tile rows: the block this rank reads (the columns spanned by its tiles in the band) and,
/// for each of its tiles there, where the tile's cells go.
struct BandTile {
  std::size_t local_tile;
  grid::GridWindow window;  ///< tile window clipped to the file window
};

}  // namespace

std::vector<std::int64_t> count_active_cells(const parallel::Comm& comm, const io::NcFile& file,
                                             const grid::GridWindow& window, const grid::TileLayout& layout) {
  std::vector<std::int64_t> counts(static_cast<std::size_t>(layout.n_tiles()), 0);
  const io::RowBlocks blocks(window, comm, layout.tile_size());
  std::vector<std::uint8_t> band;
  std::optional<io::Violation> first;
  for (std::size_t round = 0; round < blocks.rounds(); ++round) {
    const auto block = blocks.block(round);
    io::read_block<std::uint8_t>(file, "territory", window, block, std::nullopt, band);
    if (block.empty()) continue;
    keep_first(first, io::first_violation<std::uint8_t>(io::stack_variable("territory"), band, block, band));
    for (std::int32_t r = 0; r < block.n_rows; ++r) {
      const std::int32_t row = block.row0 + r;
      for (std::int32_t c = 0; c < block.n_cols; ++c) {
        if (band[static_cast<std::size_t>(r) * block.n_cols + c] == 1)
          ++counts[static_cast<std::size_t>(layout.tile_of_cell(row, block.col0 + c))];
      }
    }
  }
  io::raise_first_violation(comm, file.path(), first);
  comm.allreduce_sum(counts);
  return counts;
}

LoadedInput load_input(const parallel::Comm& comm, const std::string& path, std::int32_t tile_size) {
  LoadedInput in;
  const io::NcFile file(comm, path, io::NcFile::Mode::read);
  in.info = io::check_stack_metadata(file);
  const auto& fw = in.info.window;

  in.layout = std::make_unique<grid::TileLayout>(tile_size);
  auto counts = count_active_cells(comm, file, fw, *in.layout);
  in.layout = std::make_unique<grid::TileLayout>(tile_size, std::move(counts));
  if (in.layout->total_active() == 0)
    throw InputError(cat("input stack '", path, "' has no active cells (variable 'territory' is 0 everywhere)"));
  in.decomposition = std::make_unique<parallel::Decomposition>(*in.layout, comm.size());
  const auto& layout = *in.layout;

  CellState& s = in.state;
  s.tile_size = tile_size;
  s.tiles = in.decomposition->tiles_of(comm.rank());
  s.map_years = in.info.map_years;
  const std::size_t n_maps = s.map_years.size();
  s.resize(static_cast<std::size_t>(in.decomposition->cells_of(comm.rank())), n_maps);
  s.tile_begin.assign(1, 0);
  for (const auto t : s.tiles)
    s.tile_begin.push_back(s.tile_begin.back() + static_cast<std::size_t>(layout.active_count(t)));
  in.start.forest_reference_year = in.info.forest_reference_year;
  in.start.forest_age_in_reference_year.assign(s.n_cells(), -1);
  in.start.standing_volume_m3_ha.assign(s.n_cells(), 0.0F);
  in.start.peat_thickness_cm.assign(s.n_cells(), 0.0F);

  // Bands of tile rows crossing the file window. Every rank reads every band collectively (reads of
  // compressed variables must be collective), each the columns its own tiles span in that band.
  const std::int32_t tr0 = fw.row0 / tile_size, tr1 = (fw.row1() - 1) / tile_size;
  std::vector<std::vector<BandTile>> band_tiles(static_cast<std::size_t>(tr1 - tr0 + 1));
  for (std::size_t k = 0; k < s.tiles.size(); ++k) {
    const auto g = layout.geometry(s.tiles[k]);
    band_tiles[static_cast<std::size_t>(g.tile_row - tr0)].push_back({k, g.window.intersect(fw)});
  }

  std::optional<io::Violation> first;
  std::vector<std::uint8_t> territory, province, soil, species, yield, lu;
  std::vector<float> peat, glg, ghg, ditch, volume, marsh;
  std::vector<std::int16_t> age, seagrass;
  for (std::int32_t tr = tr0; tr <= tr1; ++tr) {
    const auto& tiles = band_tiles[static_cast<std::size_t>(tr - tr0)];
    grid::GridWindow block{0, 0, 0, 0};
    if (!tiles.empty()) {
      std::int32_t c0 = tiles.front().window.col0, c1 = tiles.front().window.col1();
      for (const auto& bt : tiles) {
        c0 = std::min(c0, bt.window.col0);
        c1 = std::max(c1, bt.window.col1());
      }
      const grid::GridWindow rows{tr * tile_size, c0, tile_size, c1 - c0};
      block = rows.intersect(fw);
    }
    const auto read = [&](const char* var, auto& buffer, std::optional<std::size_t> year = std::nullopt,
                          std::int32_t map_year = 0) {
      using T = typename std::decay_t<decltype(buffer)>::value_type;
      io::read_block<T>(file, var, fw, block, year, buffer);
      if (!block.empty())
        keep_first(first, io::first_violation<T>(io::stack_variable(var), buffer, block, territory, map_year));
    };
    io::read_block<std::uint8_t>(file, "territory", fw, block, std::nullopt, territory);
    // Visits the active cells of each of this band's tiles in row-major order: (cell index, block index).
    const auto for_active = [&](auto&& visit) {
      for (const auto& bt : tiles) {
        std::size_t at = s.tile_begin[bt.local_tile];
        for (std::int32_t r = bt.window.row0; r < bt.window.row1(); ++r)
          for (std::int32_t c = bt.window.col0; c < bt.window.col1(); ++c) {
            const auto b = static_cast<std::size_t>(r - block.row0) * static_cast<std::size_t>(block.n_cols) +
                           static_cast<std::size_t>(c - block.col0);
            if (territory[b] == 1) visit(at++, b, r, c);
          }
        POLDER_VERIFY(at == s.tile_begin[bt.local_tile + 1], "tile ", s.tiles[bt.local_tile],
                      " active count changed between passes");
      }
    };
    for_active([&](std::size_t i, std::size_t, std::int32_t r, std::int32_t c) {
      const std::int32_t tile_row0 = tr * tile_size, tile_col0 = (c / tile_size) * tile_size;
      s.local_index[i] = static_cast<std::uint16_t>((r - tile_row0) * tile_size + (c - tile_col0));
    });
    const auto pack = [&](const auto& buffer, auto& dst) {
      using D = typename std::decay_t<decltype(dst)>::value_type;
      for_active([&](std::size_t i, std::size_t b, std::int32_t, std::int32_t) { dst[i] = static_cast<D>(buffer[b]); });
    };
    read("province", province);
    pack(province, s.province);
    for (std::size_t m = 0; m < n_maps; ++m) {
      read("land_use", lu, m, s.map_years[m]);
      pack(lu, s.land_use_map[m]);
    }
    read("soil", soil);
    pack(soil, s.soil);
    read("peat_thickness", peat);
    pack(peat, in.start.peat_thickness_cm);
    read("glg", glg);
    pack(glg, s.glg_cm);
    read("ghg", ghg);
    pack(ghg, s.ghg_cm);
    read("ditch_fraction", ditch);
    pack(ditch, s.ditch_fraction);
    read("forest_species", species);
    pack(species, s.species);
    read("forest_age", age);
    pack(age, in.start.forest_age_in_reference_year);
    read("yield_class", yield);
    pack(yield, s.yield_class);
    read("standing_volume", volume);
    pack(volume, in.start.standing_volume_m3_ha);
    read("marsh_elevation", marsh);
    pack(marsh, s.marsh_elevation_cm);
    read("seagrass_since", seagrass);
    pack(seagrass, s.seagrass_since);
    if (!block.empty()) {
      io::CrossVariableBlock cross;
      cross.territory = territory;
      cross.soil = soil;
      cross.peat_thickness = peat;
      cross.glg = glg;
      cross.ghg = ghg;
      cross.forest_species = species;
      cross.forest_age = age;
      cross.yield_class = yield;
      cross.standing_volume = volume;
      keep_first(first, io::first_cross_violation(cross, block));
    }
  }
  io::raise_first_violation(comm, path, first);
  log::debug(cat("rank ", comm.rank(), ": ", s.n_tiles(), " tiles, ", s.n_cells(), " active cells"));
  return in;
}

}  // namespace polder::engine
