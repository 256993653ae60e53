#include "solver/engine/input_loader.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <map>
#include <optional>

#include "io/netcdf/chunk_reader.hpp"
#include "io/netcdf/row_blocks.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/kernels/land_use_schedule.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/soil_class.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::engine {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

constexpr auto k_salt_marsh = static_cast<std::uint8_t>(model::LandUse::salt_marsh);
constexpr auto k_seagrass = static_cast<std::uint8_t>(model::LandUse::seagrass);

void keep_first(std::optional<io::Violation>& first, std::optional<io::Violation> v) {
  if (v && (!first || v->cell_id < first->cell_id)) first = std::move(v);
}

/// A band of whole national tile rows [tile_row0, tile_row1) clipped to the file window, full width.
struct Band {
  grid::GridWindow block;
  std::int32_t tile_row0 = 0;
  std::int32_t tile_row1 = 0;
};

/// Bands of at least 256 rows (the chunk height of an input stack) made of whole tile rows.
std::vector<Band> make_bands(const grid::GridWindow& fw, std::int32_t tile_size) {
  std::vector<Band> out;
  if (fw.empty()) return out;
  const std::int32_t per = std::max(1, 256 / tile_size);
  const std::int32_t first = fw.row0 / tile_size, last = (fw.row1() - 1) / tile_size;
  for (std::int32_t tr = first; tr <= last; tr += per) {
    const std::int32_t tr1 = std::min(tr + per, last + 1);
    const grid::GridWindow rows{tr * tile_size, fw.col0, (tr1 - tr) * tile_size, fw.n_cols};
    out.push_back({rows.intersect(fw), tr, tr1});
  }
  return out;
}

/// Every variable of one band, row-major over the band's block.
struct BandData {
  std::vector<std::uint8_t> territory, province, soil, species, yield;
  std::vector<std::vector<std::uint8_t>> land_use;  ///< per map year
  std::vector<float> peat, glg, ghg, ditch, volume, marsh;
  std::vector<std::int16_t> age, seagrass;
};

/// io::first_violation over a band, its rows split over the threads; the first violation in cell-id
/// order, as the serial check gives.
template <typename T>
std::optional<io::Violation> first_violation_parallel(const io::VariableSpec& spec, std::span<const T> values,
                                                      const grid::GridWindow& block,
                                                      std::span<const std::uint8_t> territory, std::int32_t map_year) {
  constexpr std::int32_t rows_per_part = 32;
  const auto parts = static_cast<std::size_t>((block.n_rows + rows_per_part - 1) / rows_per_part);
  std::vector<std::optional<io::Violation>> found(parts);
  parallel::for_each_tile(parts, [&](std::size_t k) {
    const std::int32_t r0 = static_cast<std::int32_t>(k) * rows_per_part;
    const std::int32_t n = std::min(rows_per_part, block.n_rows - r0);
    const grid::GridWindow part{block.row0 + r0, block.col0, n, block.n_cols};
    const auto offset = static_cast<std::size_t>(r0) * static_cast<std::size_t>(block.n_cols);
    const auto size = static_cast<std::size_t>(n) * static_cast<std::size_t>(block.n_cols);
    found[k] =
        io::first_violation<T>(spec, values.subspan(offset, size), part, territory.subspan(offset, size), map_year);
  });
  for (auto& f : found)
    if (f) return f;
  return std::nullopt;
}

/// Collective: reads `block` of every variable and keeps the first bad value. Variables the chunk
/// reader supports are read by this rank alone, their chunks decoded on all threads; others through
/// a collective NetCDF read (every rank calls, with an empty block when it has none).
void read_band(const io::NcFile& file, io::ChunkReader& chunks, const std::vector<std::uint8_t>& direct,
               const grid::GridWindow& fw, const grid::GridWindow& block, const std::vector<std::int32_t>& map_years,
               BandData& d, std::optional<io::Violation>& first, std::optional<std::string>& read_error,
               double& check_s) {
  std::size_t var_index = 0;
  const auto read = [&](const char* var, auto& buffer, std::optional<std::size_t> year = std::nullopt,
                        std::int32_t map_year = 0) {
    using T = typename std::decay_t<decltype(buffer)>::value_type;
    // A damaged chunk fails on the rank that reads it only: keep the message and go on with the
    // collective reads, so that every rank reaches the point where the error is raised together.
    try {
      if (direct[var_index++]) {
        if (!block.empty()) chunks.read_rows<T>(var, year, block.row0 - fw.row0, block.n_rows, buffer);
      } else {
        io::read_block<T>(file, var, fw, block, year, buffer);
      }
    } catch (const InputError& e) {
      if (!read_error) read_error = e.what();
      buffer.assign(block.empty() ? 0 : static_cast<std::size_t>(block.size()), T{});
      return;
    }
    if (block.empty() || read_error) return;
    const auto t0 = Clock::now();
    keep_first(first, first_violation_parallel<T>(io::stack_variable(var), buffer, block, d.territory, map_year));
    check_s += seconds_since(t0);
  };
  read("territory", d.territory);
  read("province", d.province);
  d.land_use.resize(map_years.size());
  for (std::size_t m = 0; m < map_years.size(); ++m) read("land_use", d.land_use[m], m, map_years[m]);
  read("soil", d.soil);
  read("peat_thickness", d.peat);
  read("glg", d.glg);
  read("ghg", d.ghg);
  read("ditch_fraction", d.ditch);
  read("forest_species", d.species);
  read("forest_age", d.age);
  read("yield_class", d.yield);
  read("standing_volume", d.volume);
  read("marsh_elevation", d.marsh);
  read("seagrass_since", d.seagrass);
  if (block.empty() || read_error) return;
  const auto t0 = Clock::now();
  io::CrossVariableBlock cross;
  cross.territory = d.territory;
  cross.soil = d.soil;
  cross.peat_thickness = d.peat;
  cross.glg = d.glg;
  cross.ghg = d.ghg;
  cross.forest_species = d.species;
  cross.forest_age = d.age;
  cross.yield_class = d.yield;
  cross.standing_volume = d.volume;
  keep_first(first, io::first_cross_violation(cross, block));
  check_s += seconds_since(t0);
}

/// The land-use events of one cell: every change year of a map interval whose maps differ, and the
/// seagrass year, with the mapped class from that year on (kernels/land_use_schedule.hpp), so that
/// replaying them from the base class gives the class of any year.
void cell_events(std::span<const std::uint8_t> codes, std::span<const std::int32_t> years, std::int16_t since,
                 std::int64_t id, std::uint16_t cell, std::uint8_t& base, std::vector<TileEvent>& out) {
  std::array<std::pair<std::int32_t, std::uint8_t>, 24> cand{};
  std::size_t n = 0;
  for (std::size_t k = 0; k + 1 < codes.size(); ++k)
    if (codes[k] != codes[k + 1]) cand[n++] = {kernels::change_year(years[k], years[k + 1], id), 1};
  if (since > 0) cand[n++] = {since, 0};
  std::sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(n));
  base = kernels::with_seagrass(codes[0], since, 0);  // before every map and seagrass year
  std::uint8_t prev = base;
  for (std::size_t i = 0; i < n;) {
    const std::int32_t y = cand[i].first;
    std::uint8_t flag = 0;
    for (; i < n && cand[i].first == y; ++i) flag = static_cast<std::uint8_t>(flag | cand[i].second);
    const std::uint8_t v = kernels::with_seagrass(kernels::land_use_in_year(codes, years, y, id), since, y);
    if (v != prev || flag != 0) out.push_back({static_cast<std::int16_t>(y), cell, v, flag});
    prev = v;
  }
}

/// The TileInput of national tile (tile_row, tile_col) from its band's data; empty if it has no cells.
TileInput build_tile(const grid::TileLayout& layout, const grid::GridWindow& block, std::int32_t tile_row,
                     std::int32_t tile_col, const BandData& d, std::span<const std::int32_t> map_years) {
  TileInput t;
  const std::int32_t T = layout.tile_size();
  t.tile = tile_row * layout.n_tile_cols() + tile_col;
  const auto win = layout.geometry(t.tile).window.intersect(block);
  const std::size_t n_maps = map_years.size();
  std::size_t active = 0;
  for (std::int32_t r = win.row0; r < win.row1(); ++r) {
    const std::uint8_t* row = d.territory.data() +
                              static_cast<std::size_t>(r - block.row0) * static_cast<std::size_t>(block.n_cols) +
                              static_cast<std::size_t>(win.col0 - block.col0);
    for (std::int32_t c = 0; c < win.n_cols; ++c) active += row[c] == 1 ? 1 : 0;
  }
  if (active == 0) return t;
  t.local_index.reserve(active);
  t.province.reserve(active);
  t.soil.reserve(active);
  t.land_use_base.reserve(active);
  std::array<std::uint8_t, 16> codes{};
  for (std::int32_t r = win.row0; r < win.row1(); ++r) {
    for (std::int32_t c = win.col0; c < win.col1(); ++c) {
      const auto b = static_cast<std::size_t>(r - block.row0) * static_cast<std::size_t>(block.n_cols) +
                     static_cast<std::size_t>(c - block.col0);
      if (d.territory[b] != 1) continue;
      const auto cell = static_cast<std::uint16_t>(t.local_index.size());
      t.local_index.push_back(static_cast<std::uint16_t>((r - tile_row * T) * T + (c - tile_col * T)));
      t.province.push_back(d.province[b]);
      t.soil.push_back(d.soil[b]);
      bool marsh_or_seagrass = d.seagrass[b] > 0;
      for (std::size_t m = 0; m < n_maps; ++m) {
        codes[m] = d.land_use[m][b];
        marsh_or_seagrass = marsh_or_seagrass || codes[m] == k_salt_marsh || codes[m] == k_seagrass;
      }
      std::uint8_t base = codes[0];
      const std::size_t before = t.events.size();
      bool changes = d.seagrass[b] > 0;
      for (std::size_t m = 1; m < n_maps; ++m) changes = changes || codes[m] != codes[0];
      if (changes)  // most cells keep one class in every map and have no events
        cell_events(std::span<const std::uint8_t>(codes.data(), n_maps), map_years, d.seagrass[b],
                    grid::NationalGrid::cell_id(r, c), cell, base, t.events);
      t.land_use_base.push_back(base);
      t.work.events += static_cast<std::int64_t>(t.events.size() - before);
      ++t.work.last_map[codes[n_maps - 1] < t.work.last_map.size() ? codes[n_maps - 1] : 0];
      if (d.species[b] != 0) t.forest.push_back({cell, d.species[b], d.yield[b], d.age[b], d.volume[b]});
      if (model::is_organic(static_cast<model::SoilClass>(d.soil[b]))) {
        t.organic.push_back(
            {cell, d.peat[b], d.ditch[b], 0.5 * (static_cast<double>(d.glg[b]) + static_cast<double>(d.ghg[b]))});
        ++t.work.organic;
      }
      if (marsh_or_seagrass) t.coastal.push_back({cell, d.marsh[b]});
    }
  }
  t.work.active = static_cast<std::int64_t>(t.local_index.size());
  // Events were made cell by cell: a stable counting sort by year gives (year, cell) order in linear
  // time.
  if (!t.events.empty()) {
    const auto [lo, hi] = std::minmax_element(t.events.begin(), t.events.end(),
                                              [](const TileEvent& a, const TileEvent& b) { return a.year < b.year; });
    const std::int32_t y0 = lo->year;
    std::vector<std::size_t> start(static_cast<std::size_t>(hi->year - y0) + 2, 0);
    for (const auto& e : t.events) ++start[static_cast<std::size_t>(e.year - y0) + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<TileEvent> sorted(t.events.size());
    for (const auto& e : t.events) sorted[start[static_cast<std::size_t>(e.year - y0)]++] = e;
    t.events.swap(sorted);
  }
  return t;
}

}  // namespace

std::size_t KeptInput::bytes() const {
  std::size_t b = tile_begin.capacity() * sizeof(std::size_t);
  for (const auto& t : tiles) b += t.bytes();
  return b;
}

KeptInput load_input(const parallel::Comm& comm, const std::string& path, std::int32_t tile_size,
                     const TileCost& cost) {
  KeptInput in;
  in.tile_size = tile_size;
  auto t0 = Clock::now();
  const io::NcFile file(comm, path, io::NcFile::Mode::read);
  in.info = io::check_stack_metadata(file);
  const auto& fw = in.info.window;
  const grid::TileLayout geometry(tile_size);

  // 1. Bands shared out over the ranks in contiguous runs; every rank makes the same number of
  //    collective reads, with an empty block once its bands are done.
  const auto bands = make_bands(fw, tile_size);
  const auto n_bands = static_cast<std::int64_t>(bands.size());
  const auto band0 = static_cast<std::size_t>(n_bands * comm.rank() / comm.size());
  const auto band1 = static_cast<std::size_t>(n_bands * (comm.rank() + 1) / comm.size());
  const std::size_t rounds = static_cast<std::size_t>((n_bands + comm.size() - 1) / comm.size());
  std::optional<io::Violation> first;
  std::optional<std::string> read_error;
  std::vector<TileInput> mine;
  BandData data;
  // Which variables are read by direct chunk reads (the same answer on every rank: it depends on the
  // file's storage only), in the order read_band reads them.
  io::ChunkReader chunks(path);
  std::vector<std::uint8_t> direct;
  const auto decide = [&](const char* var, std::size_t size) { direct.push_back(chunks.supported(var, size) ? 1 : 0); };
  decide("territory", 1);
  decide("province", 1);
  for (std::size_t m = 0; m < in.info.map_years.size(); ++m) decide("land_use", 1);
  for (const char* var : {"soil"}) decide(var, 1);
  for (const char* var : {"peat_thickness", "glg", "ghg", "ditch_fraction"}) decide(var, 4);
  decide("forest_species", 1);
  decide("forest_age", 2);
  decide("yield_class", 1);
  decide("standing_volume", 4);
  decide("marsh_elevation", 4);
  decide("seagrass_since", 2);
  double check_s = 0.0, build_s = 0.0;
  for (std::size_t round = 0; round < rounds; ++round) {
    const std::size_t k = band0 + round;
    const bool have = k < band1;
    const grid::GridWindow block = have ? bands[k].block : grid::GridWindow{fw.row0, fw.col0, 0, 0};
    read_band(file, chunks, direct, fw, block, in.info.map_years, data, first, read_error, check_s);
    if (!have || first || read_error) continue;  // after a bad value, read on (collective) but build nothing
    const auto tb = Clock::now();
    const std::int32_t tc0 = block.col0 / tile_size, tc1 = (block.col1() - 1) / tile_size + 1;
    std::vector<std::pair<std::int32_t, std::int32_t>> tiles;
    for (std::int32_t tr = bands[k].tile_row0; tr < bands[k].tile_row1; ++tr)
      for (std::int32_t tc = tc0; tc < tc1; ++tc) tiles.emplace_back(tr, tc);
    std::vector<TileInput> built(tiles.size());
    parallel::for_each_tile(tiles.size(), [&](std::size_t i) {
      built[i] = build_tile(geometry, block, tiles[i].first, tiles[i].second, data, in.info.map_years);
    });
    for (auto& t : built)
      if (t.n_cells() > 0) mine.push_back(std::move(t));
    build_s += seconds_since(tb);
  }
  std::optional<std::pair<std::int64_t, std::string>> unreadable;
  if (read_error) unreadable.emplace(0, *read_error);
  io::raise_first_error(comm, unreadable);
  io::raise_first_violation(comm, path, first);
  data = BandData{};
  in.timings.read_s = seconds_since(t0) - check_s - build_s;
  in.timings.check_s = check_s + build_s;

  // 2. Counts and work of every tile, gathered on every rank: the layout and the decomposition.
  t0 = Clock::now();
  std::vector<std::byte> summary;
  for (const auto& t : mine) {
    const auto* p = reinterpret_cast<const std::byte*>(&t.tile);
    summary.insert(summary.end(), p, p + sizeof t.tile);
    const auto* w = reinterpret_cast<const std::byte*>(&t.work);
    summary.insert(summary.end(), w, w + sizeof t.work);
  }
  const auto all = comm.allgatherv(summary);
  std::vector<std::int64_t> counts(static_cast<std::size_t>(geometry.n_tiles()), 0);
  std::vector<std::int64_t> weights(counts.size(), 0);
  constexpr std::size_t record = sizeof(std::int32_t) + sizeof(TileWork);
  POLDER_VERIFY(all.size() % record == 0, "tile summary of ", all.size(), " bytes");
  for (std::size_t off = 0; off < all.size(); off += record) {
    std::int32_t tile = 0;
    TileWork work;
    std::memcpy(&tile, all.data() + off, sizeof tile);
    std::memcpy(&work, all.data() + off + sizeof tile, sizeof work);
    counts[static_cast<std::size_t>(tile)] = work.active;
    weights[static_cast<std::size_t>(tile)] = std::max<std::int64_t>(1, cost(work));
  }
  in.layout = std::make_unique<grid::TileLayout>(tile_size, std::move(counts));
  if (in.layout->total_active() == 0)
    throw InputError(cat("input stack '", path, "' has no active cells (variable 'territory' is 0 everywhere)"));
  in.decomposition = std::make_unique<parallel::Decomposition>(*in.layout, comm.size(), weights);

  // 3. Each tile to its owner.
  // Tiles that stay on this rank are moved, not copied; only the others are serialised and sent.
  std::vector<std::vector<std::byte>> outgoing(static_cast<std::size_t>(comm.size()));
  std::map<std::int32_t, TileInput> received;
  for (auto& t : mine) {
    const int owner = in.decomposition->owner(t.tile);
    if (owner == comm.rank()) {
      const std::int32_t id = t.tile;
      received.emplace(id, std::move(t));
    } else {
      t.serialise(outgoing[static_cast<std::size_t>(owner)]);
    }
    t = TileInput{};
  }
  mine.clear();
  const auto incoming = comm.alltoallv(outgoing);
  outgoing.clear();
  std::span<const std::byte> rest(incoming);
  while (!rest.empty()) {
    TileInput t = TileInput::deserialise(rest);
    const std::int32_t id = t.tile;
    received.emplace(id, std::move(t));
  }
  const auto owned = in.decomposition->tiles_of(comm.rank());
  POLDER_VERIFY(received.size() == owned.size(), "rank ", comm.rank(), " received ", received.size(), " tiles, owns ",
                owned.size());
  in.tile_begin.assign(1, 0);
  for (const std::int32_t id : owned) {
    auto it = received.find(id);
    POLDER_VERIFY(it != received.end(), "tile ", id, " was not received by its owner");
    POLDER_VERIFY(static_cast<std::int64_t>(it->second.n_cells()) == in.layout->active_count(id), "tile ", id,
                  " cell count changed in transit");
    in.tile_begin.push_back(in.tile_begin.back() + it->second.n_cells());
    in.tiles.push_back(std::move(it->second));
  }
  in.timings.distribute_s = seconds_since(t0);
  log::debug(cat("rank ", comm.rank(), ": ", in.tiles.size(), " tiles, ", in.n_cells(), " active cells"));
  return in;
}

}  // namespace polder::engine
