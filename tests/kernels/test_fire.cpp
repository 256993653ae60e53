// Wildfire kernel: drought scaling, probabilities and their caps, combustion and the gases of
// IPCC 2006 Eq. 2.27 (hand-computed).
#include <gtest/gtest.h>

#include "solver/kernels/fire.hpp"

using namespace polder;

namespace {
constexpr auto k_forest = static_cast<std::uint8_t>(model::LandUse::forest);
constexpr auto k_heath = static_cast<std::uint8_t>(model::LandUse::heath);

kernels::FireParams params() {
  kernels::FireParams p;
  p.drought_reference_mm = 150.0;
  p.drought_exponent = 3.0;
  p.spread_drought_exponent = 0.5;
  p.ignition_per_ha_yr[k_heath] = 2e-4;
  p.spread_probability[k_heath] = 0.35;
  p.combusted_biomass[k_forest] = 0.15;
  p.combusted_biomass[k_heath] = 0.7;
  p.mortality[k_forest] = 0.2;
  p.ef_co2_g_kg[k_forest] = 1569.0;
  p.ef_ch4_g_kg[k_forest] = 4.7;
  p.ef_n2o_g_kg[k_forest] = 0.26;
  return p;
}
}  // namespace

TEST(Fire, DroughtFactor) {
  const auto p = params();  // reference 150 mm, exponent 3
  EXPECT_DOUBLE_EQ(kernels::drought_factor(p, 150.0), 1.0);
  EXPECT_DOUBLE_EQ(kernels::drought_factor(p, 300.0), 8.0);
  EXPECT_DOUBLE_EQ(kernels::drought_factor(p, -10.0), 0.0);
}

TEST(Fire, ProbabilitiesAndCaps) {
  const auto p = params();
  EXPECT_NEAR(kernels::ignition_probability(p, k_heath, 1.0, 0.0625), 2e-4 * 0.0625, 1e-18);
  EXPECT_EQ(kernels::ignition_probability(p, k_heath, 1e9, 0.0625), 1.0);
  EXPECT_EQ(kernels::ignition_probability(p, k_forest, 8.0, 0.0625), 0.0);  // no ignition rate
  EXPECT_NEAR(kernels::spread_probability(p, k_heath, 4.0), 0.7, 1e-15);
  EXPECT_EQ(kernels::spread_probability(p, k_heath, 100.0), 0.95);
}

TEST(Fire, ForestCombustionHandComputed) {
  const auto p = params();
  const auto b = kernels::burn(p, k_forest, 10.0, 4.0, 5.0);
  EXPECT_NEAR(b.biomass_c, 1.5, 1e-15);
  EXPECT_NEAR(b.dead_wood_c, 1.2, 1e-15);
  EXPECT_NEAR(b.litter_c, 4.0, 1e-15);
  EXPECT_NEAR(b.killed_c, 0.2 * 8.5, 1e-15);
  const double dm = 6.7 / 0.47;  // t dry matter burnt
  EXPECT_NEAR(b.co2_t_ha, dm * 1.569, 1e-12);
  EXPECT_NEAR(b.ch4_t_ha, dm * 4.7e-3, 1e-12);
  EXPECT_NEAR(b.n2o_t_ha, dm * 0.26e-3, 1e-12);
}

TEST(Fire, NothingToBurnReleasesNothing) {
  const auto p = params();
  const auto b = kernels::burn(p, k_heath, 0.0, 0.0, 0.0);
  EXPECT_EQ(b.co2_t_ha + b.ch4_t_ha + b.n2o_t_ha + b.killed_c, 0.0);
}
