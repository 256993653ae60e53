// The span kernels against the per-cell kernels they replace: the same values, bit for bit, for random
// stands and organic-soil cells and for the edge cases (a stand renewed in its planting year, trees
// outside forest, a stand at rotation age in a projection year, peat used up within the year,
// rewetted and Tier 1 cells, a water table at or above the surface).
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "io/config/parameter_set.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/kernels/forest_span.hpp"
#include "solver/kernels/organic_span.hpp"
#include "tests/engine/engine_fixture.hpp"

using namespace polder;

namespace {

const engine::ModelParameters& parameters() {
  static const auto p = engine::read_model_parameters(io::ParameterSet::load({polder::testing::parameter_file()}));
  return p;
}

}  // namespace

TEST(SpanKernels, ForestYearsEqualsForestYearStandByStand) {
  const auto& fp = parameters().forest;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  constexpr std::size_t n = 3001;
  std::vector<std::uint8_t> species(n), yield(n), harvested(n), draw(n);
  std::vector<double> gf(n), df(n), def(n), b(n), dw(n), lit(n), out[8], scratch(5 * n);
  std::vector<float> age(n), harvest(n);
  for (auto& o : out) o.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    species[i] = static_cast<std::uint8_t>(1 + rng() % 9);
    yield[i] = static_cast<std::uint8_t>(rng() % 6);
    harvested[i] = (i % 5 != 0) ? 1 : 0;  // every fifth stand is trees outside forest
    gf[i] = 0.5 + 0.5 * u(rng);
    df[i] = 0.6 + 0.8 * u(rng);
    def[i] = 400.0 * u(rng);
    // Ages: negative (old stand renewed later), -1 (renewed this year), young, old, past rotation.
    const double pick = u(rng);
    age[i] = pick < 0.1    ? static_cast<float>(-1 - static_cast<int>(rng() % 30))
             : pick < 0.15 ? -1.0F
                           : static_cast<float>(rng() % 180);
    b[i] = i % 97 == 0 ? 0.0 : 200.0 * u(rng);
    dw[i] = 20.0 * u(rng);
    lit[i] = 15.0 * u(rng);
    harvest[i] = i % 3 == 0 ? 1.0F : static_cast<float>(0.5 + u(rng));  // harvest measures on some stands
  }
  for (const bool projection : {false, true}) {
    auto age2 = age;
    auto b2 = b, dw2 = dw, lit2 = lit;
    kernels::StandSpan s;
    s.n = n;
    s.species = species.data();
    s.yield_class = yield.data();
    s.harvested = harvested.data();
    s.growth_factor = gf.data();
    s.decomposition_factor = df.data();
    s.deficit_mm = def.data();
    s.harvest_factor = harvest.data();
    s.age = age2.data();
    s.biomass_c = b2.data();
    s.dead_wood_c = dw2.data();
    s.litter_c = lit2.data();
    s.lb_gain = out[0].data();
    s.lb_loss = out[1].data();
    s.dead_wood_change = out[2].data();
    s.litter_change = out[3].data();
    s.roundwood_c = out[4].data();
    s.increment_m3 = out[5].data();
    s.fellings_m3 = out[6].data();
    s.standing_volume_m3 = out[7].data();
    s.needs_draw = draw.data();
    s.scratch = scratch.data();
    kernels::forest_years(fp, s, projection);
    std::size_t flagged = 0;
    for (std::size_t i = 0; i < n; ++i) {
      kernels::StandState st{species[i], yield[i], age[i], b[i], dw[i], lit[i]};
      kernels::StandYearInput in;
      in.growth_factor = gf[i];
      in.decomposition_factor = df[i];
      in.deficit_mm = def[i];
      in.growth_scale = harvested[i] ? 1.0 : fp.trees_outside_forest_factor;
      in.harvested = harvested[i] != 0;
      in.renew_at_rotation = projection;
      in.felling_draw = 1.0;  // the span kernel leaves the draw to the caller
      in.harvest_factor = static_cast<double>(harvest[i]);
      const auto f = kernels::forest_year(fp, st, in);
      const auto books = kernels::stand_books(f);
      ASSERT_EQ(out[0][i], books.lb_gain) << i;
      ASSERT_EQ(out[1][i], books.lb_loss) << i;
      ASSERT_EQ(out[2][i], books.dead_wood_change) << i;
      ASSERT_EQ(out[3][i], books.litter_change) << i;
      ASSERT_EQ(out[4][i], f.roundwood_c) << i;
      ASSERT_EQ(out[5][i], f.increment_m3) << i;
      ASSERT_EQ(out[6][i], f.fellings_m3) << i;
      ASSERT_EQ(b2[i], (b[i] + books.lb_gain) - books.lb_loss) << i;
      ASSERT_EQ(dw2[i], dw[i] + books.dead_wood_change) << i;
      ASSERT_EQ(lit2[i], lit[i] + books.litter_change) << i;
      ASSERT_EQ(age2[i], static_cast<float>(f.new_age)) << i;
      ASSERT_EQ(out[7][i], std::max(b2[i], 0.0) / kernels::carbon_per_m3(fp, species[i])) << i;
      // Flagged exactly where a felling draw could renew the stand.
      const bool could = projection && harvested[i] && age[i] >= 0.0F &&
                         static_cast<double>(age[i]) + 1.0 >= fp.species[species[i]].rotation_age_yr;
      ASSERT_EQ(draw[i] != 0, could) << i;
      flagged += draw[i];
    }
    if (projection) {
      EXPECT_GT(flagged, 0U);
    }
  }
}

TEST(SpanKernels, OrganicSoilYearsEqualsOrganicSoilFluxCellByCell) {
  auto op = parameters().organic;
  op.tier1[static_cast<std::size_t>(model::LandCategory::cropland)] = true;  // one category on Tier 1
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  constexpr std::size_t n = 2501;
  std::vector<std::uint8_t> cat(n), wet(n);
  std::vector<double> base(n), gw(n), ft(n), peat(n), out[6];
  std::vector<float> ditch(n), raise(n);
  for (auto& o : out) o.resize(n);
  // Categories in runs of 1 to 40 cells (the kernel takes a run's factors once), the first half of the
  // cells in short runs.
  for (std::size_t i = 0; i < n;) {
    const std::size_t run = 1 + rng() % (i < n / 2 ? 3 : 40);
    const auto c = static_cast<std::uint8_t>(rng() % 6);
    for (std::size_t j = i; j < std::min(n, i + run); ++j) cat[j] = c;
    i += run;
  }
  for (std::size_t i = 0; i < n; ++i) {
    wet[i] = i % 7 == 0 ? 1 : 0;
    base[i] = i % 53 == 0 ? -5.0 : 120.0 * u(rng);  // some water tables above the surface
    gw[i] = 40.0 * (u(rng) - 0.5);
    ft[i] = 0.8 + 0.5 * u(rng);
    peat[i] = i % 11 == 0 ? 0.5 * u(rng) : 1000.0 * u(rng);  // some layers used up this year
    ditch[i] = static_cast<float>(0.1 * u(rng));
    raise[i] = i % 4 == 0 ? static_cast<float>(30.0 * u(rng)) : 0.0F;  // water-table measures on some cells
  }
  kernels::OrganicSpan s;
  s.n = n;
  s.category = cat.data();
  s.rewetted = wet.data();
  s.wtd_base_cm = base.data();
  s.gw_anomaly_cm = gw.data();
  s.temperature_factor = ft.data();
  s.ditch_fraction = ditch.data();
  s.peat_c = peat.data();
  s.raise_cm = raise.data();
  s.onsite_c = out[0].data();
  s.doc_c = out[1].data();
  s.ch4_kg = out[2].data();
  s.n2o_kg = out[3].data();
  s.subsidence_cm = out[4].data();
  s.wtd_cm = out[5].data();
  kernels::organic_soil_years(op, s);
  std::size_t limited = 0;
  for (std::size_t i = 0; i < n; ++i) {
    // water_table_depth_cm: (GLG + GHG) / 2 + w_a x anomaly + offset - raise, the first term precomputed.
    const double wtd_exact = (base[i] + op.anomaly_weight * gw[i] + op.wtd_offset_cm) - static_cast<double>(raise[i]);
    const auto f =
        kernels::organic_soil_flux(op, cat[i], wet[i] != 0, static_cast<double>(ditch[i]), wtd_exact, ft[i], peat[i]);
    ASSERT_EQ(out[0][i], f.onsite_c_t_ha) << i;
    ASSERT_EQ(out[1][i], f.doc_c_t_ha) << i;
    ASSERT_EQ(out[2][i], f.ch4_kg_ha) << i;
    ASSERT_EQ(out[3][i], f.n2o_kg_ha) << i;
    ASSERT_EQ(out[4][i], f.subsidence_cm) << i;
    ASSERT_EQ(out[5][i], wtd_exact) << i;
    limited += (f.onsite_c_t_ha + f.doc_c_t_ha >= peat[i] - 1e-12) ? 1 : 0;
  }
  EXPECT_GT(limited, 0U) << "the test should include layers used up within the year";
}

TEST(SpanKernels, OrganicSoilYearsOverAnEmptyListWritesNothing) {
  kernels::OrganicSpan s;  // n = 0, every pointer null: nothing may be read or written
  kernels::organic_soil_years(parameters().organic, s);
  SUCCEED();
}
