#include "io/netcdf/map_writer.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "io/netcdf/cf_time.hpp"
#include "io/netcdf/map_grid.hpp"
#include "io/netcdf/nc_file.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "solver/core/error.hpp"

namespace polder::io {
namespace {

namespace fs = std::filesystem;

constexpr std::uint8_t k_code_fill = 0;

/// Part of one map cell's mean from one tile: summed in the tile's cell order, so it is a function of
/// the tile alone; the parts of a map cell are then added in tile order (see combine_means).
struct MeanPart {
  std::int64_t map_cell = 0;  ///< row-major index in the map grid
  std::int32_t tile_key = 0;  ///< national tile order (row0, col0) packed: decomposition-free
  std::int32_t count = 0;
  double sum = 0.0;
};

/// Count of one class code in one map cell from one tile (integers: order does not matter).
struct CodePart {
  std::int64_t map_cell = 0;
  std::int32_t count = 0;
  std::uint8_t code = 0;
};

/// One 25 m value sent to the rank writing its row (no aggregation).
struct CellValue {
  std::int64_t map_cell = 0;
  float value = 0.0F;
};

template <typename T>
void append(std::vector<std::byte>& out, const T& v) {
  const auto* p = reinterpret_cast<const std::byte*>(&v);
  out.insert(out.end(), p, p + sizeof(T));
}

template <typename T>
std::vector<T> unpack(const std::vector<std::byte>& in) {
  POLDER_VERIFY(in.size() % sizeof(T) == 0, "map writer: message of ", in.size(), " bytes");
  std::vector<T> out(in.size() / sizeof(T));
  if (!out.empty()) std::memcpy(out.data(), in.data(), in.size());
  return out;
}

std::string temporary_name(const parallel::Comm& comm, const std::string& path) {
  std::string tmp = path + ".partial";
  comm.broadcast(tmp);
  return tmp;
}

}  // namespace

struct MapWriter::Impl {
  const parallel::Comm& comm;
  std::string path;
  std::string tmp_path;
  MapGrid grid;
  std::int32_t tile_size = 0;
  std::vector<std::int32_t> years;
  std::vector<MapFieldSpec> fields;
  NcFile file;
  bool counts_written = false;
  bool closed = false;

  Impl(const parallel::Comm& c, std::string p, const MapGrid& g, std::int32_t ts, std::vector<std::int32_t> y,
       std::vector<MapFieldSpec> f)
      : comm(c),
        path(std::move(p)),
        tmp_path(temporary_name(c, path)),
        grid(g),
        tile_size(ts),
        years(std::move(y)),
        fields(std::move(f)),
        file(c, tmp_path, NcFile::Mode::create) {}

  /// The map rows this rank writes: contiguous bands of equal height in rank order.
  std::int32_t band_begin(int rank) const {
    return static_cast<std::int32_t>(std::int64_t{grid.n_rows} * rank / comm.size());
  }
  int band_owner(std::int32_t map_row) const {
    // The last rank r with band_begin(r) <= map_row.
    int r = static_cast<int>(std::int64_t{map_row} * comm.size() / grid.n_rows);
    while (r + 1 < comm.size() && band_begin(r + 1) <= map_row) ++r;
    while (r > 0 && band_begin(r) > map_row) --r;
    return r;
  }

  void define(const std::vector<std::pair<std::string, std::string>>& provenance);
  void write_band(const std::string& var, std::size_t year_index, const void* values, bool codes);
  void write_counts(const std::vector<std::int32_t>& counts);
};

void MapWriter::Impl::define(const std::vector<std::pair<std::string, std::string>>& provenance) {
  auto& f = file;
  f.put_att("", "Conventions", std::string("CF-1.8"));
  f.put_att("", "title", std::string("Polder per-cell maps"));
  f.put_att("", "institution", std::string("Polder national LULUCF engine"));
  f.put_att("", "polder_format", std::string(k_maps_format));
  const std::int32_t version = k_maps_format_version, res = grid.resolution_m;
  f.put_att_int("", "polder_format_version", std::span<const std::int32_t>(&version, 1));
  f.put_att_int("", "polder_map_resolution_m", std::span<const std::int32_t>(&res, 1));
  for (const auto& [name, text] : provenance) f.put_att("", name, text);

  f.define_dim("time", years.size());
  f.define_dim("y", static_cast<std::size_t>(grid.n_rows));
  f.define_dim("x", static_cast<std::size_t>(grid.n_cols));
  f.define_var("time", NcType::f64, {"time"});
  f.put_att("time", "standard_name", std::string("time"));
  f.put_att("time", "long_name", std::string("end of the inventory year (31 December)"));
  f.put_att("time", "units", std::string("days since 1850-01-01 00:00:00"));
  f.put_att("time", "calendar", std::string("proleptic_gregorian"));
  f.put_att("time", "axis", std::string("T"));
  f.define_var("year", NcType::i32, {"time"});
  f.put_att("year", "long_name", std::string("inventory year"));
  f.put_att("year", "units", std::string("1"));
  f.define_var("y", NcType::f64, {"y"});
  f.put_att("y", "standard_name", std::string("projection_y_coordinate"));
  f.put_att("y", "long_name", std::string("RD New y of map-cell centre"));
  f.put_att("y", "units", std::string("m"));
  f.put_att("y", "axis", std::string("Y"));
  f.define_var("x", NcType::f64, {"x"});
  f.put_att("x", "standard_name", std::string("projection_x_coordinate"));
  f.put_att("x", "long_name", std::string("RD New x of map-cell centre"));
  f.put_att("x", "units", std::string("m"));
  f.put_att("x", "axis", std::string("X"));
  define_rd_new_crs(f, grid.x_west_m(), grid.y_north_m(), grid.resolution_m);

  const std::size_t cy = static_cast<std::size_t>(std::min(grid.n_rows, 256));
  const std::size_t cx = static_cast<std::size_t>(std::min(grid.n_cols, 256));
  f.define_var("active_cells", NcType::i32, {"y", "x"}, {cy, cx}, 1);
  f.set_fill("active_cells", 0.0);
  f.put_att("active_cells", "long_name", std::string("number of active 25 m cells in the map cell"));
  f.put_att("active_cells", "units", std::string("1"));
  f.put_att("active_cells", "grid_mapping", std::string("crs"));
  for (const auto& s : fields) {
    f.define_var(s.name, s.integer_codes ? NcType::u8 : NcType::f32, {"time", "y", "x"}, {1, cy, cx}, 1);
    f.put_att(s.name, "long_name", s.long_name);
    f.put_att(s.name, "units", s.units);
    f.put_att(s.name, "grid_mapping", std::string("crs"));
    f.put_att(s.name, "coordinates", std::string("year"));
    if (s.integer_codes) {
      f.set_fill(s.name, k_code_fill);
      std::vector<std::uint8_t> flags;
      for (const auto v : parse_flag_values(s.flag_values)) flags.push_back(static_cast<std::uint8_t>(v));
      f.put_att_u8(s.name, "flag_values", flags);
      f.put_att(s.name, "flag_meanings", s.flag_meanings);
    } else {
      f.set_fill(s.name, static_cast<double>(k_float_fill));
    }
    if (grid.factor > 1)
      f.put_att(
          s.name, "cell_methods",
          std::string(s.aggregation == MapAggregation::mean ? "area: mean where active" : "area: mode where active"));
  }
  f.end_define();

  std::vector<double> xs, ys, times;
  std::vector<std::int32_t> year_values;
  if (comm.is_root()) {
    for (std::int32_t c = 0; c < grid.n_cols; ++c) xs.push_back(grid.x_center(c));
    for (std::int32_t r = 0; r < grid.n_rows; ++r) ys.push_back(grid.y_center(r));
    for (const auto y : years) times.push_back(static_cast<double>(days_since_1850(y, 12, 31)));
    year_values = years;
  }
  f.write<double>("x", {0}, {xs.size()}, xs);
  f.write<double>("y", {0}, {ys.size()}, ys);
  f.write<double>("time", {0}, {times.size()}, times);
  f.write<std::int32_t>("year", {0}, {year_values.size()}, year_values);
}

void MapWriter::Impl::write_band(const std::string& var, std::size_t year_index, const void* values, bool codes) {
  const std::int32_t r0 = band_begin(comm.rank()), r1 = band_begin(comm.rank() + 1);
  const std::size_t rows = static_cast<std::size_t>(r1 - r0), cols = static_cast<std::size_t>(grid.n_cols);
  const std::vector<std::size_t> start = {year_index, static_cast<std::size_t>(r0), 0};
  const std::vector<std::size_t> count = {1, rows, rows == 0 ? 0 : cols};
  const std::size_t n = rows * cols;
  if (codes) {
    file.write<std::uint8_t>(var, start, count,
                             std::span<const std::uint8_t>(static_cast<const std::uint8_t*>(values), n));
  } else {
    file.write<float>(var, start, count, std::span<const float>(static_cast<const float*>(values), n));
  }
}

void MapWriter::Impl::write_counts(const std::vector<std::int32_t>& counts) {
  const std::int32_t r0 = band_begin(comm.rank()), r1 = band_begin(comm.rank() + 1);
  const std::size_t rows = static_cast<std::size_t>(r1 - r0);
  file.write<std::int32_t>("active_cells", {static_cast<std::size_t>(r0), 0},
                           {rows, rows == 0 ? 0 : static_cast<std::size_t>(grid.n_cols)}, counts);
  counts_written = true;
}

MapWriter::MapWriter(const parallel::Comm& comm, const std::string& path, const grid::GridWindow& window,
                     std::int32_t tile_size, std::int32_t resolution_m, std::vector<std::int32_t> years,
                     std::vector<MapFieldSpec> fields,
                     const std::vector<std::pair<std::string, std::string>>& provenance) {
  POLDER_VERIFY(tile_size > 0 && tile_size <= 256, "map writer: tile size ", tile_size);
  POLDER_VERIFY(!years.empty() && !fields.empty(), "map writer: no years or no fields");
  for (const auto& f : fields)
    POLDER_VERIFY(f.integer_codes == (f.aggregation == MapAggregation::majority), "map writer: field ", f.name,
                  ": class codes are aggregated by majority, values by mean");
  const MapGrid grid = MapGrid::covering(window, resolution_m);
  m_impl = std::make_unique<Impl>(comm, path, grid, tile_size, std::move(years), std::move(fields));
  m_impl->define(provenance);
}

MapWriter::~MapWriter() {
  if (!m_impl || m_impl->closed) return;
  try {
    m_impl->file.close();
  } catch (...) {  // the file is removed below in any case
  }
  if (m_impl->comm.is_root()) {
    std::error_code ec;
    fs::remove(m_impl->tmp_path, ec);
  }
}

void MapWriter::close() {
  auto& m = *m_impl;
  m.file.close();
  // Every rank has closed before rank 0 renames; the outcome is shared so every rank fails alike.
  std::string error;
  if (m.comm.is_root()) {
    std::error_code ec;
    fs::rename(m.tmp_path, m.path, ec);
    if (ec) {
      error = cat("cannot rename '", m.tmp_path, "' to '", m.path, "': ", ec.message());
      fs::remove(m.tmp_path, ec);
    }
  }
  m.comm.broadcast(error);
  m.closed = true;
  if (!error.empty()) throw OutputError(error);
}

void MapWriter::write(std::size_t field, std::int32_t year, std::span<const MapTile> tiles,
                      std::span<const std::span<const float>> values) {
  auto& m = *m_impl;
  POLDER_VERIFY(field < m.fields.size(), "map writer: field ", field, " of ", m.fields.size());
  const auto it = std::find(m.years.begin(), m.years.end(), year);
  POLDER_VERIFY(it != m.years.end(), "map writer: year ", year, " is not a map year");
  POLDER_VERIFY(tiles.size() == values.size(), "map writer: ", tiles.size(), " tiles but ", values.size(),
                " value arrays");
  const auto year_index = static_cast<std::size_t>(it - m.years.begin());
  const MapFieldSpec& spec = m.fields[field];
  const MapGrid& g = m.grid;
  const auto ts = static_cast<std::uint32_t>(m.tile_size);
  const int ranks = m.comm.size();

  // Each cell's map cell, per tile in the tile's cell order.
  const auto map_cell_of = [&](const MapTile& tile, std::uint16_t li) {
    const std::int32_t row = tile.row0 + static_cast<std::int32_t>(li / ts);
    const std::int32_t col = tile.col0 + static_cast<std::int32_t>(li % ts);
    return g.map_cell(row, col);
  };
  const auto owner_of = [&](std::int64_t map_cell) {
    return m.band_owner(static_cast<std::int32_t>(map_cell / g.n_cols));
  };

  const std::int32_t r0 = m.band_begin(m.comm.rank());
  const std::size_t band_cells =
      static_cast<std::size_t>(m.band_begin(m.comm.rank() + 1) - r0) * static_cast<std::size_t>(g.n_cols);
  const std::int64_t band_offset = std::int64_t{r0} * g.n_cols;
  std::vector<std::int32_t> counts(m.counts_written ? 0 : band_cells, 0);
  std::vector<std::vector<std::byte>> to(static_cast<std::size_t>(ranks));

  if (spec.integer_codes) {
    // Majority: per tile, (map cell, code) pairs sorted and counted; counts add as integers.
    std::vector<std::uint64_t> keys;
    for (std::size_t t = 0; t < tiles.size(); ++t) {
      const auto& li = tiles[t].local_index;
      POLDER_VERIFY(values[t].size() == li.size(), "map writer: tile ", t, " has ", li.size(), " cells but ",
                    values[t].size(), " values");
      keys.clear();
      for (std::size_t i = 0; i < li.size(); ++i) {
        const auto code = static_cast<std::uint64_t>(std::clamp(values[t][i], 0.0F, 255.0F));
        keys.push_back(static_cast<std::uint64_t>(map_cell_of(tiles[t], li[i])) << 8 | code);
      }
      std::sort(keys.begin(), keys.end());
      for (std::size_t i = 0; i < keys.size();) {
        std::size_t j = i;
        while (j < keys.size() && keys[j] == keys[i]) ++j;
        const CodePart part{static_cast<std::int64_t>(keys[i] >> 8), static_cast<std::int32_t>(j - i),
                            static_cast<std::uint8_t>(keys[i] & 0xFF)};
        append(to[static_cast<std::size_t>(owner_of(part.map_cell))], part);
        i = j;
      }
    }
    auto parts = unpack<CodePart>(m.comm.alltoallv(to));
    std::sort(parts.begin(), parts.end(), [](const CodePart& a, const CodePart& b) {
      return a.map_cell != b.map_cell ? a.map_cell < b.map_cell : a.code < b.code;
    });
    std::vector<std::uint8_t> band(band_cells, k_code_fill);
    for (std::size_t i = 0; i < parts.size();) {
      const std::int64_t cell = parts[i].map_cell;
      std::int64_t best_count = 0, total = 0;
      std::uint8_t best = k_code_fill;
      while (i < parts.size() && parts[i].map_cell == cell) {
        const std::uint8_t code = parts[i].code;
        std::int64_t n = 0;
        for (; i < parts.size() && parts[i].map_cell == cell && parts[i].code == code; ++i) n += parts[i].count;
        total += n;
        if (n > best_count) {  // codes ascend: a tie keeps the lower code
          best_count = n;
          best = code;
        }
      }
      const auto local = static_cast<std::size_t>(cell - band_offset);
      band[local] = best;
      if (!counts.empty()) counts[local] = static_cast<std::int32_t>(total);
    }
    if (!m.counts_written) m.write_counts(counts);
    m.write_band(spec.name, year_index, band.data(), spec.integer_codes);
    return;
  }

  std::vector<float> band(band_cells, k_float_fill);
  if (g.factor == 1) {
    // 25 m: every map cell is one cell of one tile; the value is sent as it is.
    for (std::size_t t = 0; t < tiles.size(); ++t) {
      const auto& li = tiles[t].local_index;
      POLDER_VERIFY(values[t].size() == li.size(), "map writer: tile ", t, " has ", li.size(), " cells but ",
                    values[t].size(), " values");
      for (std::size_t i = 0; i < li.size(); ++i) {
        const CellValue v{map_cell_of(tiles[t], li[i]), values[t][i]};
        append(to[static_cast<std::size_t>(owner_of(v.map_cell))], v);
      }
    }
    for (const auto& v : unpack<CellValue>(m.comm.alltoallv(to))) {
      const auto local = static_cast<std::size_t>(v.map_cell - band_offset);
      band[local] = v.value;
      if (!counts.empty()) counts[local] = 1;
    }
  } else {
    // Coarser: per tile, a sum and a count per map cell in the tile's cell order; then the parts of a
    // map cell are added in national tile order, so the bits do not depend on who owned which tile.
    // A tile spans at most `span` map cells a side; its parts are kept densely over that box.
    const std::int32_t span = (m.tile_size - 1) / g.factor + 2;
    std::vector<double> sums(static_cast<std::size_t>(span) * static_cast<std::size_t>(span));
    std::vector<std::int32_t> ns(sums.size());
    for (std::size_t t = 0; t < tiles.size(); ++t) {
      const auto& li = tiles[t].local_index;
      POLDER_VERIFY(values[t].size() == li.size(), "map writer: tile ", t, " has ", li.size(), " cells but ",
                    values[t].size(), " values");
      const std::int32_t tile_key = tiles[t].row0 / m.tile_size * 65536 + tiles[t].col0 / m.tile_size;
      const std::int32_t box_row = tiles[t].row0 / g.factor, box_col = tiles[t].col0 / g.factor;
      std::fill(sums.begin(), sums.end(), 0.0);
      std::fill(ns.begin(), ns.end(), 0);
      for (std::size_t i = 0; i < li.size(); ++i) {
        const std::int32_t row = tiles[t].row0 + static_cast<std::int32_t>(li[i] / ts);
        const std::int32_t col = tiles[t].col0 + static_cast<std::int32_t>(li[i] % ts);
        const std::int64_t k64 = std::int64_t{row / g.factor - box_row} * span + (col / g.factor - box_col);
        const auto k = static_cast<std::size_t>(k64);
        sums[k] += static_cast<double>(values[t][i]);
        ++ns[k];
      }
      for (std::size_t k = 0; k < sums.size(); ++k) {
        if (ns[k] == 0) continue;
        const auto box_r = static_cast<std::int32_t>(k) / span, box_c = static_cast<std::int32_t>(k) % span;
        const MeanPart p{g.map_cell((box_row + box_r) * g.factor, (box_col + box_c) * g.factor), tile_key, ns[k],
                         sums[k]};
        append(to[static_cast<std::size_t>(owner_of(p.map_cell))], p);
      }
    }
    auto parts = unpack<MeanPart>(m.comm.alltoallv(to));
    std::sort(parts.begin(), parts.end(), [](const MeanPart& a, const MeanPart& b) {
      return a.map_cell != b.map_cell ? a.map_cell < b.map_cell : a.tile_key < b.tile_key;
    });
    for (std::size_t i = 0; i < parts.size();) {
      const std::int64_t cell = parts[i].map_cell;
      double sum = 0.0;
      std::int64_t n = 0;
      for (; i < parts.size() && parts[i].map_cell == cell; ++i) {
        sum += parts[i].sum;
        n += parts[i].count;
      }
      const auto at = static_cast<std::size_t>(cell - band_offset);
      band[at] = static_cast<float>(sum / static_cast<double>(n));
      if (!counts.empty()) counts[at] = static_cast<std::int32_t>(n);
    }
  }
  if (!m.counts_written) m.write_counts(counts);
  m.write_band(spec.name, year_index, band.data(), false);
}

}  // namespace polder::io
