#include <gtest/gtest.h>
#include <mpi.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "io/netcdf/map_grid.hpp"
#include "io/netcdf/map_writer.hpp"
#include "io/netcdf/nc_file.hpp"

using namespace polder;

namespace {

// A small window, cut into national tiles of 16 cells (corners at multiples of 16), with holes.
constexpr grid::GridWindow k_window{10, 6, 30, 26};
constexpr std::int32_t k_tile = 16;

bool active(std::int32_t row, std::int32_t col) { return (row * 7 + col * 3) % 5 != 0; }
/// Values that add exactly in any order (quarters) or values that do not (`rough`).
float value(std::int32_t row, std::int32_t col, bool rough) {
  if (rough) return static_cast<float>(std::sin(row * 0.37 + col * 1.3) * 123.456);
  return static_cast<float>((row * 3 + col) % 17) * 0.25F;
}
float code(std::int32_t row, std::int32_t col) { return static_cast<float>(1 + (row + col) % 4); }

struct Cells {
  std::vector<io::MapTile> tiles;
  std::vector<std::vector<std::uint16_t>> index;
  std::vector<std::vector<float>> values, codes;
};

/// The tiles of the window that `owner(tile number)` gives to `rank`.
template <typename Owner>
Cells cells_of(int rank, Owner owner, bool rough) {
  Cells c;
  int n = 0;
  for (std::int32_t tr = k_window.row0 / k_tile; tr * k_tile < k_window.row1(); ++tr) {
    for (std::int32_t tc = k_window.col0 / k_tile; tc * k_tile < k_window.col1(); ++tc, ++n) {
      if (owner(n) != rank) continue;
      std::vector<std::uint16_t> li;
      std::vector<float> v, k;
      for (std::int32_t r = 0; r < k_tile; ++r)
        for (std::int32_t col = 0; col < k_tile; ++col) {
          const std::int32_t row = tr * k_tile + r, cc = tc * k_tile + col;
          if (!k_window.contains(row, cc) || !active(row, cc)) continue;
          li.push_back(static_cast<std::uint16_t>(r * k_tile + col));
          v.push_back(value(row, cc, rough));
          k.push_back(code(row, cc));
        }
      if (li.empty()) continue;
      c.tiles.push_back(io::MapTile{tr * k_tile, tc * k_tile, {}});
      c.index.push_back(std::move(li));
      c.values.push_back(std::move(v));
      c.codes.push_back(std::move(k));
    }
  }
  for (std::size_t t = 0; t < c.tiles.size(); ++t) c.tiles[t].local_index = c.index[t];
  return c;
}

std::vector<io::MapFieldSpec> fields() {
  return {{"soc_stock", "t ha-1", "soil organic carbon", io::MapAggregation::mean, false, "", ""},
          {"land_use", "1", "land-use class", io::MapAggregation::majority, true, "1 2 3 4", "a b c d"}};
}

template <typename Owner>
void write_file(const parallel::Comm& comm, const std::string& path, std::int32_t resolution, Owner owner, bool rough) {
  const Cells c = cells_of(comm.rank(), owner, rough);
  io::MapWriter w(comm, path, k_window, k_tile, resolution, {2020, 2021}, fields(), {{"polder_run", "test"}});
  std::vector<std::span<const float>> v(c.values.begin(), c.values.end()), k(c.codes.begin(), c.codes.end());
  for (const std::int32_t year : {2020, 2021}) {
    w.write(0, year, c.tiles, v);
    w.write(1, year, c.tiles, k);
  }
  w.close();
}

struct Contents {
  std::vector<float> soc;
  std::vector<std::uint8_t> land_use;
  std::vector<std::int32_t> counts;
  std::vector<double> x, y;
};

Contents read_all(const parallel::Comm& self, const std::string& path) {
  io::NcFile f(self, path, io::NcFile::Mode::read);
  const std::size_t ny = f.dim_length("y"), nx = f.dim_length("x");
  Contents c;
  c.soc.resize(2 * ny * nx);
  c.land_use.resize(2 * ny * nx);
  c.counts.resize(ny * nx);
  c.x.resize(nx);
  c.y.resize(ny);
  f.read<float>("soc_stock", {0, 0, 0}, {2, ny, nx}, c.soc);
  f.read<std::uint8_t>("land_use", {0, 0, 0}, {2, ny, nx}, c.land_use);
  f.read<std::int32_t>("active_cells", {0, 0}, {ny, nx}, c.counts);
  f.read<double>("x", {0}, {nx}, c.x);
  f.read<double>("y", {0}, {ny}, c.y);
  return c;
}

}  // namespace

TEST(MapWriter, AggregatesByMeanAndMajorityAsComputedByHand) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_WORLD);
  const auto self = comm.split(comm.rank());
  for (const std::int32_t res : {25, 100, 250}) {
    const std::string path = "mpi_test_maps_" + std::to_string(res) + ".nc";
    write_file(
        comm, path, res, [&comm](int n) { return n % comm.size(); }, false);
    comm.barrier();
    const auto grid = io::MapGrid::covering(k_window, res);
    const Contents c = read_all(self, path);
    // By hand: per map cell, the plain mean of the quarters (exact) and the most frequent code, the
    // lowest of equally frequent ones (the map iterates codes in ascending order).
    std::map<std::int64_t, std::pair<double, int>> mean;
    std::map<std::int64_t, std::map<int, int>> votes;
    for (std::int32_t row = k_window.row0; row < k_window.row1(); ++row)
      for (std::int32_t col = k_window.col0; col < k_window.col1(); ++col) {
        if (!active(row, col)) continue;
        const auto m = grid.map_cell(row, col);
        mean[m].first += static_cast<double>(value(row, col, false));
        mean[m].second += 1;
        votes[m][static_cast<int>(code(row, col))] += 1;
      }
    ASSERT_EQ(c.counts.size(), static_cast<std::size_t>(grid.n_rows * grid.n_cols));
    for (std::int64_t m = 0; m < grid.n_rows * grid.n_cols; ++m) {
      const auto k = static_cast<std::size_t>(m);
      const auto it = mean.find(m);
      if (it == mean.end()) {
        EXPECT_EQ(c.counts[k], 0);
        EXPECT_EQ(c.soc[k], -9999.0F);
        EXPECT_EQ(c.land_use[k], 0);
        continue;
      }
      EXPECT_EQ(c.counts[k], it->second.second) << "map cell " << m << " at " << res << " m";
      EXPECT_EQ(c.soc[k], static_cast<float>(it->second.first / it->second.second)) << "map cell " << m;
      int best = 0, best_n = 0;
      for (const auto& [code_value, n] : votes[m])
        if (n > best_n) best = code_value, best_n = n;
      EXPECT_EQ(c.land_use[k], best) << "map cell " << m << " at " << res << " m";
      EXPECT_EQ(c.soc[k + c.counts.size()], c.soc[k]);  // the second year, same values
    }
    EXPECT_DOUBLE_EQ(c.x[0], grid.col0 * res + res / 2.0);
    EXPECT_DOUBLE_EQ(c.y[0], 640000.0 - grid.row0 * res - res / 2.0);
    EXPECT_LT(c.y[1], c.y[0]);  // north-up
    comm.barrier();
    if (comm.is_root()) std::filesystem::remove(path);
  }
}

TEST(MapWriter, SameDataForAnyRankCountAndTileOwnership) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_WORLD);
  const auto self = comm.split(comm.rank());
  for (const std::int32_t res : {25, 250}) {
    std::vector<std::string> paths;
    for (int k = 1; k <= comm.size(); ++k) {
      const auto group = comm.split(comm.rank() < k ? 0 : 1);
      for (int variant = 0; variant < 2; ++variant) {
        const std::string path = "mpi_test_maps_same_" + std::to_string(res) + "_" + std::to_string(k) + "_" +
                                 std::to_string(variant) + ".nc";
        paths.push_back(path);
        if (comm.rank() >= k) continue;
        if (variant == 0) {
          write_file(
              group, path, res, [k](int n) { return n % k; }, true);
        } else {
          write_file(
              group, path, res, [k](int n) { return k - 1 - std::min(k - 1, n / 2); }, true);
        }
      }
    }
    comm.barrier();
    if (comm.is_root()) {
      const Contents first = read_all(self, paths.front());
      for (const auto& p : paths) {
        const Contents c = read_all(self, p);
        EXPECT_EQ(c.soc, first.soc) << p;
        EXPECT_EQ(c.land_use, first.land_use) << p;
        EXPECT_EQ(c.counts, first.counts) << p;
      }
      for (const auto& p : paths) std::filesystem::remove(p);
    }
    comm.barrier();
  }
}

TEST(MapWriter, LeavesNoFileWithoutClose) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_WORLD);
  const std::string path = "mpi_test_maps_unclosed.nc";
  { io::MapWriter w(comm, path, k_window, k_tile, 100, {2020}, fields(), {}); }
  comm.barrier();
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}
