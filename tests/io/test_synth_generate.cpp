// Decomposition independence of the synthetic country (serial part): a cell's values do not depend on
// the window it is generated in, on the region, or on the thread count, and every value passes the
// input-stack rules. The calibration runs once for the whole file (it takes a few seconds).
#include <gtest/gtest.h>
#include <mpi.h>
#include <omp.h>

#include <memory>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "io/synth/synthesizer.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/soil_class.hpp"

using namespace polder;
using namespace polder::io::synth;

namespace {

class SynthGenerate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    comm = std::make_unique<parallel::Comm>(parallel::Comm::borrow(MPI_COMM_SELF));
    synth = std::make_unique<Synthesizer>(*comm, k_default_seed);
  }
  static void TearDownTestSuite() {
    synth.reset();
    comm.reset();
  }
  static std::unique_ptr<parallel::Comm> comm;
  static std::unique_ptr<Synthesizer> synth;
};
std::unique_ptr<parallel::Comm> SynthGenerate::comm;
std::unique_ptr<Synthesizer> SynthGenerate::synth;

/// Index of national cell (row, col) in a block.
std::size_t at(const SynthBlock& b, std::int32_t row, std::int32_t col) {
  return static_cast<std::size_t>(row - b.window.row0) * static_cast<std::size_t>(b.window.n_cols) +
         static_cast<std::size_t>(col - b.window.col0);
}

/// Every layer of `small` equals `big` on small's window (big must contain it).
void expect_same_cells(const SynthBlock& small, const SynthBlock& big, const grid::GridWindow& w) {
  std::int64_t compared = 0;
  for (std::int32_t r = w.row0; r < w.row1(); ++r)
    for (std::int32_t c = w.col0; c < w.col1(); ++c) {
      const std::size_t i = at(small, r, c), j = at(big, r, c);
      ASSERT_EQ(small.territory[i], big.territory[j]) << r << "," << c;
      for (int y = 0; y < k_map_years; ++y)
        ASSERT_EQ(small.land_use[static_cast<std::size_t>(y)][i], big.land_use[static_cast<std::size_t>(y)][j])
            << r << "," << c;
      ASSERT_EQ(small.province[i], big.province[j]);
      ASSERT_EQ(small.soil[i], big.soil[j]);
      ASSERT_EQ(small.peat_thickness[i], big.peat_thickness[j]);
      ASSERT_EQ(small.glg[i], big.glg[j]);
      ASSERT_EQ(small.ghg[i], big.ghg[j]);
      ASSERT_EQ(small.ditch_fraction[i], big.ditch_fraction[j]);
      ASSERT_EQ(small.forest_species[i], big.forest_species[j]);
      ASSERT_EQ(small.forest_age[i], big.forest_age[j]);
      ASSERT_EQ(small.yield_class[i], big.yield_class[j]);
      ASSERT_EQ(small.standing_volume[i], big.standing_volume[j]);
      ASSERT_EQ(small.marsh_elevation[i], big.marsh_elevation[j]);
      ASSERT_EQ(small.seagrass_since[i], big.seagrass_since[j]);
      ++compared;
    }
  EXPECT_EQ(compared, w.size());
}

}  // namespace

TEST_F(SynthGenerate, CellValuesDoNotDependOnTheWindow) {
  // A window that straddles 256-cell blocks, generated alone and inside a larger, offset window
  // (Utrecht: the Heuvelrug forest, towns and peat meadows).
  const grid::GridWindow small{7100, 5300, 300, 260};
  const grid::GridWindow big{6950, 5111, 700, 700};
  SynthBlock a, b;
  synth->generate(small, 0, a);
  synth->generate(big, 0, b);
  expect_same_cells(a, b, small);
}

TEST_F(SynthGenerate, CellValuesDoNotDependOnTheThreadCount) {
  const grid::GridWindow w{7000, 5200, 520, 530};
  SynthBlock one, two;
  const int threads = omp_get_max_threads();
  omp_set_num_threads(1);
  synth->generate(w, 0, one);
  omp_set_num_threads(2);
  synth->generate(w, 0, two);
  omp_set_num_threads(threads);
  expect_same_cells(one, two, w);
}

TEST_F(SynthGenerate, ARegionIsTheNationalStackCroppedToItsCells) {
  // The coast of Zeeland and Zuid-Holland (waters assigned to the nearest province) around the
  // Haringvliet; province 9 = Zuid-Holland.
  const grid::GridWindow w{8400, 2200, 512, 600};
  SynthBlock national, region;
  synth->generate(w, 0, national);
  synth->generate(w, 9, region);
  std::int64_t inside = 0, outside = 0;
  for (std::size_t i = 0; i < national.territory.size(); ++i) {
    if (national.province[i] == 9) {
      ++inside;
      ASSERT_EQ(region.territory[i], 1);
      ASSERT_EQ(region.land_use[6][i], national.land_use[6][i]);
      ASSERT_EQ(region.soil[i], national.soil[i]);
      ASSERT_EQ(region.glg[i], national.glg[i]);
      ASSERT_EQ(region.standing_volume[i], national.standing_volume[i]);
    } else {
      ++outside;
      ASSERT_EQ(region.territory[i], 0);
      ASSERT_EQ(region.land_use[0][i], 0);
      ASSERT_EQ(region.glg[i], io::k_float_fill);
      ASSERT_EQ(region.forest_age[i], -1);
    }
  }
  EXPECT_GT(inside, 10000);
  EXPECT_GT(outside, 10000);
}

TEST_F(SynthGenerate, EveryValuePassesTheInputStackRules) {
  // Veluwe edge with Apeldoorn, the IJssel and the Wadden coast of Friesland: forests, soils, water.
  for (const grid::GridWindow w : {grid::GridWindow{7000, 7000, 400, 400}, grid::GridWindow{2000, 6000, 400, 500}}) {
    SynthBlock b;
    synth->generate(w, 0, b);
    const std::span<const std::uint8_t> terr(b.territory);
    const auto check = [&](const std::string& name, const auto& values, std::int32_t year = 0) {
      using T = typename std::decay_t<decltype(values)>::value_type;
      const auto v = io::first_violation<T>(io::stack_variable(name), std::span<const T>(values), w, terr, year);
      EXPECT_FALSE(v.has_value()) << (v ? io::violation_message("synth", *v) : std::string());
    };
    check("territory", b.territory);
    check("province", b.province);
    for (int y = 0; y < k_map_years; ++y)
      check("land_use", b.land_use[static_cast<std::size_t>(y)], k_synth_map_years[static_cast<std::size_t>(y)]);
    check("soil", b.soil);
    check("peat_thickness", b.peat_thickness);
    check("glg", b.glg);
    check("ghg", b.ghg);
    check("ditch_fraction", b.ditch_fraction);
    check("forest_species", b.forest_species);
    check("forest_age", b.forest_age);
    check("yield_class", b.yield_class);
    check("standing_volume", b.standing_volume);
    check("marsh_elevation", b.marsh_elevation);
    check("seagrass_since", b.seagrass_since);
    io::CrossVariableBlock cross{terr,         b.soil,        b.peat_thickness, b.glg, b.ghg, b.forest_species,
                                 b.forest_age, b.yield_class, b.standing_volume};
    const auto v = io::first_cross_violation(cross, w);
    EXPECT_FALSE(v.has_value()) << (v ? io::violation_message("synth", *v) : std::string());
  }
}

TEST_F(SynthGenerate, TheSeedChangesTheCountryButNotItsCalibration) {
  const auto& t = synth->thresholds();
  EXPECT_LT(t.settle[6], t.settle[0]);  // towns grow: the settlement threshold falls over the years
  EXPECT_GT(t.volume_scale, 0.0);
  // Another seed draws other patterns (one cell of the drivers differs somewhere in a row).
  const DriverModel other(k_default_seed + 1, Territory::national(), Geography::national());
  int differ = 0;
  for (std::int32_t c = 5000; c < 5100; ++c) {
    const CellDrivers a = synth->model().evaluate(7000, c, 7, 0), b = other.evaluate(7000, c, 7, 0);
    differ += a.settle != b.settle ? 1 : 0;
  }
  EXPECT_GT(differ, 50);
  // The seagrass meadow near Griend follows the reported areas: 30 ha (2018), 276 ha (2021), 1,668 ha (2024).
  const auto& per_year = synth->seagrass().cells_per_year();
  EXPECT_EQ(per_year.front(), 480);
  EXPECT_EQ(per_year[3], 4416);
  EXPECT_EQ(per_year.back(), 26688);
}

TEST_F(SynthGenerate, ArableOnPeatLastsAndPeatyLayersFollowTheSurvey) {
  // The Groene Hart peat district around Gouda (assumption A35 and the peaty-layer range of
  // docs/synthetic-netherlands.md): a share of the peat parcels are arable farms that stay arable from
  // map to map, so cropland emissions sit on peat that lasts; peaty layers are 15-40 cm.
  const grid::GridWindow w{7500, 4000, 500, 600};
  SynthBlock b;
  synth->generate(w, 0, b);
  using model::LandUse;
  const auto is = [](std::uint8_t code, auto value) { return code == static_cast<std::uint8_t>(value); };
  const auto arable = [&](std::uint8_t lu) { return is(lu, LandUse::arable) || is(lu, LandUse::orchard); };
  const auto farmland = [&](std::uint8_t lu) { return arable(lu) || is(lu, LandUse::grassland_agri); };
  std::int64_t peat_farmland = 0, peat_arable = 0, kept = 0, peaty = 0;
  for (std::size_t i = 0; i < b.territory.size(); ++i) {
    if (is(b.soil[i], model::SoilClass::peaty)) {
      ++peaty;
      ASSERT_GE(b.peat_thickness[i], 15.0F) << i;
      ASSERT_LT(b.peat_thickness[i], 40.0F) << i;
    }
    if (!is(b.soil[i], model::SoilClass::peat) || !farmland(b.land_use[1][i]) || !farmland(b.land_use[6][i])) continue;
    ++peat_farmland;
    if (!arable(b.land_use[1][i])) continue;
    ++peat_arable;
    kept += arable(b.land_use[6][i]) ? 1 : 0;
  }
  ASSERT_GT(peat_farmland, 20000);
  EXPECT_GT(peaty, 100);
  const double share = static_cast<double>(peat_arable) / static_cast<double>(peat_farmland);
  EXPECT_GT(share, 0.2) << peat_arable << " of " << peat_farmland;
  EXPECT_LT(share, 0.5) << peat_arable << " of " << peat_farmland;
  EXPECT_GT(static_cast<double>(kept) / static_cast<double>(peat_arable), 0.9) << kept << " of " << peat_arable;
}
