// Wildfire spread across tile and rank boundaries: the burnt cells of several years are the same at
// any number of ranks as on one rank, and at more than one rank fires burn adjacent cells that belong
// to different ranks (the fire crossed a rank boundary through the halo exchange).
#include <gtest/gtest.h>
#include <mpi.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "solver/engine/fire_process.hpp"
#include "solver/engine/input_loader.hpp"
#include "solver/engine/process_records.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/kernels/fire.hpp"
#include "tests/support/test_stack.hpp"

using namespace polder;

namespace {

constexpr std::int32_t k_tile = 16;
constexpr std::int32_t k_years = 4;

engine::ModelParameters fire_parameters() {
  engine::ModelParameters p;
  auto& f = p.fire;
  for (const auto lu : {model::LandUse::heath, model::LandUse::forest, model::LandUse::grassland_nature,
                        model::LandUse::trees_outside_forest, model::LandUse::sand_dunes}) {
    f.ignition_per_ha_yr[static_cast<std::size_t>(lu)] = 0.05;
    f.spread_probability[static_cast<std::size_t>(lu)] = 0.6;
  }
  f.max_spread_steps = 40;
  return p;
}

/// Burnt cells (national id, owning rank) of k_years years, gathered on rank 0 of `comm`.
std::vector<std::pair<std::int64_t, int>> burnt_cells(const parallel::Comm& comm, const std::string& stack) {
  const auto input = engine::load_input(comm, stack, k_tile, [](const engine::TileWork& w) { return w.active; });
  const auto params = fire_parameters();
  // The state fire reads: the land use of the last map, one climate cell, the flammable lists.
  engine::CellState s;
  s.allocate(input.tiles, input.tile_begin, k_tile);
  s.climate_cell.assign(s.n_cells(), 0);
  for (std::size_t t = 0; t < s.n_tiles(); ++t) {
    const auto g = input.layout->geometry(s.tiles[t]);
    s.tile_row0.push_back(g.tile_row * k_tile);
    s.tile_col0.push_back(g.tile_col * k_tile);
    const auto& in = s.tile_input(t);
    std::vector<std::uint8_t> lu(in.land_use_base);
    for (const auto& e : in.events) lu[e.cell] = e.land_use;
    for (std::size_t c = 0; c < lu.size(); ++c) {
      s.land_use[s.begin(t) + c] = lu[c];
      if (params.fire.ignition_per_ha_yr[lu[c]] > 0.0)
        engine::add_flammable(s, t, s.begin(t) + c, 0, s.processes[t].flammable);
    }
  }
  engine::ClimateTables climate;
  climate.fire_drought = {kernels::drought_factor(params.fire, 250.0)};
  engine::FireProcess fire(comm, *input.layout, *input.decomposition, s);
  std::vector<std::int64_t> mine;
  std::vector<std::vector<std::uint32_t>> burnt;
  for (std::int32_t y = 0; y < k_years; ++y) {
    engine::YearContext ctx;
    ctx.year = 2000 + y;
    ctx.parameters = &params;
    ctx.layout = input.layout.get();
    ctx.climate = &climate;
    ctx.seed = 20261128;
    fire.run(ctx, s, burnt);
    for (std::size_t t = 0; t < s.n_tiles(); ++t)
      for (const std::uint32_t i : burnt[t]) mine.push_back(s.cell_id(t, i) * k_years + y);
  }
  // Gather (cell-year key, rank) on rank 0.
  const int n = static_cast<int>(mine.size());
  std::vector<int> counts(static_cast<std::size_t>(comm.size())), offsets(static_cast<std::size_t>(comm.size()));
  MPI_Gather(&n, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, comm.raw());
  int total = 0;
  for (int r = 0; r < comm.size(); ++r) {
    offsets[static_cast<std::size_t>(r)] = total;
    total += counts[static_cast<std::size_t>(r)];
  }
  std::vector<std::int64_t> all(static_cast<std::size_t>(comm.is_root() ? total : 0));
  MPI_Gatherv(mine.data(), n, MPI_INT64_T, all.data(), counts.data(), offsets.data(), MPI_INT64_T, 0, comm.raw());
  std::vector<std::pair<std::int64_t, int>> out;
  for (int r = 0; r < comm.size() && comm.is_root(); ++r)
    for (int k = 0; k < counts[static_cast<std::size_t>(r)]; ++k)
      out.emplace_back(all[static_cast<std::size_t>(offsets[static_cast<std::size_t>(r)] + k)], r);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(FireSpread, SameBurntCellsOnOneRankAndOnAllRanks) {
  const auto world = parallel::Comm::borrow(MPI_COMM_WORLD);
  std::string stack = "/tmp/polder_mpi_fire_spread_" + std::to_string(::getpid()) + ".nc";
  world.broadcast(stack);
  polder::testing::TestStackOptions opt;
  opt.window = {5000, 5000, 96, 128};
  opt.outside_fraction = 0.0;
  polder::testing::write_test_stack(world, stack, opt);

  const auto parallel_run = burnt_cells(world, stack);
  const auto single = world.split(world.rank());  // every rank alone; rank 0's run is the reference
  const auto serial_run = burnt_cells(single, stack);
  world.barrier();
  if (world.is_root()) std::remove(stack.c_str());
  if (!world.is_root()) return;

  ASSERT_EQ(parallel_run.size(), serial_run.size());
  for (std::size_t k = 0; k < parallel_run.size(); ++k) ASSERT_EQ(parallel_run[k].first, serial_run[k].first);
  EXPECT_GT(parallel_run.size(), 200U) << "fires should spread";

  if (world.size() > 1) {
    // Some burnt cell has a burnt 8-neighbour (same year) owned by another rank.
    std::set<std::int64_t> keys;
    for (const auto& [key, rank] : parallel_run) keys.insert(key);
    bool crossed = false;
    for (const auto& [key, rank] : parallel_run) {
      const std::int64_t id = key / k_years, y = key % k_years;
      const std::int64_t row = id / grid::NationalGrid::n_cols, col = id % grid::NationalGrid::n_cols;
      for (int dr = -1; dr <= 1 && !crossed; ++dr)
        for (int dc = -1; dc <= 1 && !crossed; ++dc) {
          const std::int64_t nk = ((row + dr) * grid::NationalGrid::n_cols + col + dc) * k_years + y;
          if ((dr != 0 || dc != 0) && keys.count(nk) != 0) {
            const auto it = std::lower_bound(parallel_run.begin(), parallel_run.end(), std::make_pair(nk, -1));
            crossed = it != parallel_run.end() && it->first == nk && it->second != rank;
          }
        }
      if (crossed) break;
    }
    EXPECT_TRUE(crossed) << "no fire crossed a rank boundary";
  }
}
