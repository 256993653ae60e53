// Forest stands: yield curve, carbon per m3, the yearly flows (growth, thinning, mortality,
// litterfall, decay), final felling and regeneration, and the managed-volume table.
#include <gtest/gtest.h>

#include <cmath>

#include "solver/kernels/counter_hash.hpp"
#include "solver/kernels/forest.hpp"

using namespace polder;

namespace {

constexpr std::uint8_t k_pine = static_cast<std::uint8_t>(model::ForestSpecies::scots_pine);

kernels::ForestParams params() {
  kernels::ForestParams p;
  auto& s = p.species[k_pine];
  s.production_max_m3_ha = 960.0;
  s.k_per_yr = 0.02326;
  s.p_shape = 3.0;
  s.bcef_t_dm_m3 = 0.70;
  s.wood_density_t_dm_m3 = 0.42;
  s.root_shoot = 0.29;
  s.rotation_age_yr = 110.0;
  kernels::build_growth_table(p);
  return p;
}

kernels::StandState stand(const kernels::ForestParams& p, double age, double volume) {
  kernels::StandState st;
  st.species = k_pine;
  st.yield_class = 3;
  st.age = age;
  st.biomass_c = volume * kernels::carbon_per_m3(p, k_pine);
  st.dead_wood_c = 10.0;
  st.litter_c = 20.0;
  return st;
}

}  // namespace

TEST(Forest, ChapmanRichardsProduction) {
  const auto p = params();
  const double x = 1.0 - std::exp(-0.02326 * 65.0);  // the test curve, not the calibrated one
  EXPECT_NEAR(kernels::gross_production(p, k_pine, 3, 65.0), 960.0 * x * x * x, 1e-9);
  EXPECT_EQ(kernels::gross_production(p, k_pine, 3, 0.0), 0.0);
  // Mean annual increment culminates near 1.5122 / k = 65 years at about 0.3134 A k = 7.0 m3/ha/yr.
  EXPECT_NEAR(kernels::gross_production(p, k_pine, 3, 65.0) / 65.0, 7.0, 0.01);
}

TEST(Forest, CarbonPerCubicMetre) {
  const auto p = params();
  // BCEF 0.70 t dm/m3 x (1 + R 0.29) x CF 0.47 = 0.42441 t C/m3
  EXPECT_NEAR(kernels::carbon_per_m3(p, k_pine), 0.70 * 1.29 * 0.47, 1e-15);
  // roundwood: WD 0.42 x CF 0.47 x removal 0.9
  EXPECT_NEAR(kernels::roundwood_carbon_per_m3(p, k_pine), 0.42 * 0.47 * 0.9, 1e-15);
}

TEST(Forest, YearlyFlowsOfAThinnedStand) {
  const auto p = params();
  const double vm = kernels::managed_volume(p, k_pine, 3, 60.0);
  const auto st = stand(p, 60.0, vm);  // on the managed curve: relative stocking 1
  kernels::StandYearInput in;
  const auto f = kernels::forest_year(p, st, in);
  const double inc = kernels::gross_production(p, k_pine, 3, 61.0) - kernels::gross_production(p, k_pine, 3, 60.0);
  const double c = kernels::carbon_per_m3(p, k_pine);
  EXPECT_NEAR(f.increment_m3, inc, 1e-9);
  EXPECT_NEAR(f.fellings_m3, p.harvest_fraction * inc, 1e-12);
  EXPECT_NEAR(f.growth_c, inc * c, 1e-12);
  EXPECT_NEAR(f.harvest_c, p.harvest_fraction * inc * c, 1e-12);
  EXPECT_NEAR(f.mortality_c, p.mortality_rate * vm * c, 1e-12);
  EXPECT_NEAR(f.roundwood_c, f.fellings_m3 * kernels::roundwood_carbon_per_m3(p, k_pine), 1e-12);
  EXPECT_LT(f.roundwood_c, f.harvest_c);  // branches, roots and left stem wood stay as residues
  EXPECT_NEAR(f.litterfall_c, p.litterfall_rate * st.biomass_c, 1e-12);
  EXPECT_NEAR(f.dead_wood_decay_c, p.dead_wood_decay * 10.0, 1e-12);
  EXPECT_NEAR(f.litter_decay_c, p.litter_decay * 20.0, 1e-12);
  EXPECT_EQ(f.new_age, 61.0);
  EXPECT_FALSE(f.renewed);
}

TEST(Forest, DroughtReducesGrowthAndKillsTrees) {
  const auto p = params();
  const auto st = stand(p, 60.0, kernels::managed_volume(p, k_pine, 3, 60.0));
  kernels::StandYearInput normal, dry;
  dry.growth_factor = 0.5;
  dry.deficit_mm = p.drought_mortality_reference_mm + 100.0;
  const auto a = kernels::forest_year(p, st, normal);
  const auto b = kernels::forest_year(p, st, dry);
  EXPECT_NEAR(b.increment_m3, 0.5 * a.increment_m3, 1e-12);
  EXPECT_NEAR(b.mortality_c, (p.mortality_rate + p.drought_mortality) * st.biomass_c, 1e-12);
}

TEST(Forest, OldStandIsFelledAndRegenerated) {
  const auto p = params();
  const double volume = kernels::managed_volume(p, k_pine, 3, 109.0);  // an old stand of age rotation - 1
  const auto st = stand(p, -1.0, volume);                              // renewed this year
  const auto f = kernels::forest_year(p, st, kernels::StandYearInput{});
  EXPECT_TRUE(f.renewed);
  EXPECT_EQ(f.new_age, 0.0);
  EXPECT_NEAR(f.fellings_m3, volume + f.increment_m3 - f.mortality_c / kernels::carbon_per_m3(p, k_pine), 1e-9);
  // Everything standing is felled: biomass after the year is zero.
  EXPECT_NEAR(st.biomass_c + f.growth_c - f.harvest_c - f.mortality_c, 0.0, 1e-9);
  // The old stand grows with the increment of age rotation - 1.
  const double inc = kernels::gross_production(p, k_pine, 3, 110.0) - kernels::gross_production(p, k_pine, 3, 109.0);
  EXPECT_NEAR(f.increment_m3, inc, 1e-9);
}

TEST(Forest, RotationOnlyInProjections) {
  auto p = params();
  p.final_felling_rate = 0.02;
  const auto st = stand(p, 109.0, 300.0);
  kernels::StandYearInput history, projection;
  history.felling_draw = 0.0;  // even a draw that would fell it: no rotation fellings in inventory years
  projection.renew_at_rotation = true;
  projection.felling_draw = 0.019;
  EXPECT_FALSE(kernels::forest_year(p, st, history).renewed);
  EXPECT_TRUE(kernels::forest_year(p, st, projection).renewed);
  projection.felling_draw = 0.021;  // not drawn this year
  EXPECT_FALSE(kernels::forest_year(p, st, projection).renewed);
}

TEST(Forest, StandsPastRotationAreFelledAtTheFinalFellingRate) {
  auto p = params();
  p.final_felling_rate = 0.015;
  kernels::StandYearInput projection;
  projection.renew_at_rotation = true;
  projection.felling_draw = 0.01;
  EXPECT_TRUE(kernels::forest_year(p, stand(p, 150.0, 400.0), projection).renewed);  // long past rotation
  EXPECT_FALSE(kernels::forest_year(p, stand(p, 50.0, 200.0), projection).renewed);  // too young
  EXPECT_FALSE(kernels::forest_year(p, stand(p, -5.0, 200.0), projection).renewed);  // scheduled in 5 years
  p.final_felling_rate = 0.0;                                                        // no final fellings at all
  EXPECT_FALSE(kernels::forest_year(p, stand(p, 150.0, 400.0), projection).renewed);
  // Over many cells the felled share of eligible stands is the rate.
  p.final_felling_rate = 0.015;
  int felled = 0;
  const int n = 200000;
  for (int id = 0; id < n; ++id) {
    projection.felling_draw = kernels::uniform01(9, kernels::RandomStream::final_felling, 2030, id);
    felled += kernels::forest_year(p, stand(p, 130.0, 400.0), projection).renewed ? 1 : 0;
  }
  EXPECT_NEAR(static_cast<double>(felled) / n, 0.015, 0.0015);
}

TEST(Forest, WoodedPatchesAreNotHarvested) {
  const auto p = params();
  const auto st = stand(p, -1.0, kernels::managed_volume(p, k_pine, 3, 109.0));
  kernels::StandYearInput in;
  in.harvested = false;
  in.growth_scale = 0.6;
  const auto f = kernels::forest_year(p, st, in);
  EXPECT_EQ(f.harvest_c, 0.0);
  EXPECT_FALSE(f.renewed);
  const double inc = kernels::gross_production(p, k_pine, 3, 110.0) - kernels::gross_production(p, k_pine, 3, 109.0);
  EXPECT_NEAR(f.increment_m3, 0.6 * inc, 1e-9);
}

TEST(Forest, ManagedVolumeFollowsTheRecursion) {
  const auto p = params();
  EXPECT_EQ(kernels::managed_volume(p, k_pine, 3, 0.0), 0.0);
  double v = 0.0;
  for (int a = 0; a < 80; ++a) {
    const double inc = kernels::gross_production(p, k_pine, 3, a + 1.0) - kernels::gross_production(p, k_pine, 3, a);
    v += (1.0 - p.yield_table_harvest_fraction) * inc - p.mortality_rate * v;
  }
  EXPECT_NEAR(kernels::managed_volume(p, k_pine, 3, 80.0), v, 1e-9);
  // Beyond the table the last entry holds.
  EXPECT_EQ(kernels::managed_volume(p, k_pine, 3, 1000.0),
            kernels::managed_volume(p, k_pine, 3, kernels::k_forest_table_ages));
}

TEST(Forest, StockingRatioScalesTheIncrement) {
  const auto p = params();
  const double vm = kernels::managed_volume(p, k_pine, 3, 60.0);
  const auto normal = kernels::forest_year(p, stand(p, 60.0, vm), kernels::StandYearInput{});
  const auto dense = kernels::forest_year(p, stand(p, 60.0, 1.5 * vm), kernels::StandYearInput{});
  const auto sparse = kernels::forest_year(p, stand(p, 60.0, 0.1 * vm), kernels::StandYearInput{});
  EXPECT_NEAR(dense.increment_m3, 1.5 * normal.increment_m3, 1e-9);
  EXPECT_NEAR(sparse.increment_m3, p.stocking_min * normal.increment_m3, 1e-9);  // floor
  EXPECT_EQ(kernels::stocking_ratio(p, 0.0, 5.0), 1.0);  // young stand below the reference volume
}

TEST(Forest, SteadyDeadOrganicMatterBalancesInputsAndDecay) {
  const auto p = params();
  const double biomass = 100.0, increment = 7.0;
  const auto dom = kernels::steady_dead_organic_matter(p, k_pine, biomass, increment, true);
  const double c = kernels::carbon_per_m3(p, k_pine);
  const double residues = p.harvest_fraction * increment * (c - kernels::roundwood_carbon_per_m3(p, k_pine));
  EXPECT_NEAR(p.dead_wood_decay * dom.dead_wood_c, p.mortality_rate * biomass + residues, 1e-12);
  EXPECT_NEAR(p.litter_decay * dom.litter_c, p.litterfall_rate * biomass, 1e-12);
}
