// Decomposition independence of `polder synth` across ranks: the calibration gives the same thresholds
// on every rank count as on one rank, and a stack written collectively equals the cells generated in
// memory. The written stack and climate file pass the strict input checks.
#include <gtest/gtest.h>
#include <mpi.h>

#include <filesystem>
#include <memory>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/nc_file.hpp"
#include "io/synth/climate_series.hpp"
#include "io/synth/climate_writer.hpp"
#include "io/synth/synthesizer.hpp"

using namespace polder;
using namespace polder::io::synth;

namespace {

const Synthesizer& world_synthesizer() {
  static const auto comm = std::make_unique<parallel::Comm>(parallel::Comm::borrow(MPI_COMM_WORLD));
  static const Synthesizer synth(*comm, k_default_seed);
  return synth;
}

template <typename T>
std::vector<T> read_all(const io::NcFile& f, const std::string& var, const grid::GridWindow& w, std::size_t year = 0,
                        bool per_year = false) {
  std::vector<T> out(static_cast<std::size_t>(w.size()));
  if (per_year) {
    f.read<T>(var, {year, 0, 0}, {1, static_cast<std::size_t>(w.n_rows), static_cast<std::size_t>(w.n_cols)},
              std::span<T>(out));
  } else {
    f.read<T>(var, {0, 0}, {static_cast<std::size_t>(w.n_rows), static_cast<std::size_t>(w.n_cols)}, std::span<T>(out));
  }
  return out;
}

}  // namespace

TEST(SynthStack, CalibrationIsTheSameOnEveryRankCount) {
  const auto world = parallel::Comm::borrow(MPI_COMM_WORLD);
  const Thresholds& t = world_synthesizer().thresholds();
  if (world.size() == 1) GTEST_SKIP() << "one rank: nothing to compare";
  // Rank 0 repeats the calibration alone and must find identical thresholds.
  if (world.is_root()) {
    const auto self = parallel::Comm::borrow(MPI_COMM_SELF);
    const Synthesizer alone(self, k_default_seed);
    const Thresholds& s = alone.thresholds();
    EXPECT_EQ(s.marsh, t.marsh);
    EXPECT_EQ(s.tidal_flat, t.tidal_flat);
    EXPECT_EQ(s.peat, t.peat);
    EXPECT_EQ(s.peaty, t.peaty);
    EXPECT_EQ(s.forest_1970, t.forest_1970);
    EXPECT_EQ(s.settle, t.settle);
    EXPECT_EQ(s.wet, t.wet);
    EXPECT_EQ(s.defor, t.defor);
    EXPECT_EQ(s.afforest, t.afforest);
    EXPECT_EQ(s.other, t.other);
    EXPECT_EQ(s.nature, t.nature);
    EXPECT_EQ(s.heath, t.heath);
    EXPECT_EQ(s.orchard, t.orchard);
    EXPECT_EQ(s.arable, t.arable);
    EXPECT_EQ(s.tof, t.tof);
    EXPECT_EQ(s.green, t.green);
    EXPECT_EQ(s.volume_scale, t.volume_scale);
  }
  world.barrier();
}

TEST(SynthStack, ACollectivelyWrittenRegionEqualsTheCellsGeneratedInMemory) {
  const auto world = parallel::Comm::borrow(MPI_COMM_WORLD);
  const Synthesizer& synth = world_synthesizer();
  const Region region = parse_region("Utrecht");
  const grid::GridWindow window = region_window(Territory::national(), region);
  const std::string path = "mpi_test_synth_" + std::to_string(world.size()) + ".nc";
  synth.write_stack(world, path, region, window);

  {
    io::NcFile f(world, path, io::NcFile::Mode::read);
    const io::StackInfo info = io::check_stack_metadata(f);
    EXPECT_EQ(info.window, window);
    EXPECT_EQ(info.region, "utrecht");
    io::check_stack_values(f, info, world);  // throws InputError on the first bad cell
    // Every rank reads the whole file back (collectively) and compares with its own generation.
    SynthBlock expected;
    synth.generate(window, region.province, expected);
    EXPECT_EQ(read_all<std::uint8_t>(f, "territory", window), expected.territory);
    EXPECT_EQ(read_all<std::uint8_t>(f, "province", window), expected.province);
    for (std::size_t y = 0; y < static_cast<std::size_t>(k_map_years); ++y)
      EXPECT_EQ(read_all<std::uint8_t>(f, "land_use", window, y, true), expected.land_use[y]) << "map year " << y;
    EXPECT_EQ(read_all<std::uint8_t>(f, "soil", window), expected.soil);
    EXPECT_EQ(read_all<float>(f, "peat_thickness", window), expected.peat_thickness);
    EXPECT_EQ(read_all<float>(f, "glg", window), expected.glg);
    EXPECT_EQ(read_all<float>(f, "ghg", window), expected.ghg);
    EXPECT_EQ(read_all<float>(f, "ditch_fraction", window), expected.ditch_fraction);
    EXPECT_EQ(read_all<std::uint8_t>(f, "forest_species", window), expected.forest_species);
    EXPECT_EQ(read_all<std::int16_t>(f, "forest_age", window), expected.forest_age);
    EXPECT_EQ(read_all<std::uint8_t>(f, "yield_class", window), expected.yield_class);
    EXPECT_EQ(read_all<float>(f, "standing_volume", window), expected.standing_volume);
    EXPECT_EQ(read_all<float>(f, "marsh_elevation", window), expected.marsh_elevation);
    EXPECT_EQ(read_all<std::int16_t>(f, "seagrass_since", window), expected.seagrass_since);
  }
  world.barrier();
  if (world.is_root()) std::filesystem::remove(path);
}

TEST(SynthStack, TheClimateFilePassesTheClimateChecks) {
  const auto world = parallel::Comm::borrow(MPI_COMM_WORLD);
  const std::string path = "mpi_test_synth_climate_" + std::to_string(world.size()) + ".nc";
  write_climate_file(world, path, k_default_seed);
  {
    io::NcFile f(world, path, io::NcFile::Mode::read);
    const io::ClimateInfo info = io::check_climate_metadata(f);
    io::check_climate_values(f, info, world);
    EXPECT_EQ(info.scenarios.size(), 6U);
    EXPECT_EQ(info.last_observed_year, k_last_observed_year);
    EXPECT_EQ(info.years.front(), 1990);
    EXPECT_EQ(info.years.back(), 2100);
    EXPECT_DOUBLE_EQ(info.cell_width_m, 12000.0);
    // Observed years are identical in every scenario.
    const std::size_t n = info.x.size() * info.y.size() * static_cast<std::size_t>(k_last_observed_year - 1990 + 1);
    std::vector<float> a(n), b(n);
    f.read<float>("tas", {0, 0, 0, 0}, {1, n / (info.x.size() * info.y.size()), info.y.size(), info.x.size()},
                  std::span<float>(a));
    f.read<float>("tas", {5, 0, 0, 0}, {1, n / (info.x.size() * info.y.size()), info.y.size(), info.x.size()},
                  std::span<float>(b));
    EXPECT_EQ(a, b);
  }
  world.barrier();
  if (world.is_root()) std::filesystem::remove(path);
}
