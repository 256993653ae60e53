// Mineral soils: IPCC factor products, national stocks, the 20-year linear transition and N2O from
// mineralisation, against hand-computed IPCC examples.
#include <gtest/gtest.h>

#include "solver/kernels/mineral_soil.hpp"

using namespace polder;

namespace {

constexpr std::uint8_t k_clay = 2;
constexpr std::uint8_t k_sand = 1;
constexpr auto k_grass = static_cast<std::uint8_t>(model::LandUse::grassland_agri);
constexpr auto k_arable = static_cast<std::uint8_t>(model::LandUse::arable);

kernels::MineralSoilParams params() {
  kernels::MineralSoilParams p;
  p.soc_ref_t_c_ha.fill(0.0);
  p.soc_ref_t_c_ha[k_clay] = 81.0;
  p.soc_ref_t_c_ha[k_sand] = 51.0;
  p.f_lu.fill(1.0);
  p.f_mg.fill(1.0);
  p.f_i.fill(1.0);
  p.f_mg[k_grass] = 1.14;
  p.f_lu[k_arable] = 0.70;
  std::array<double, static_cast<std::size_t>(model::k_soil_classes) * model::k_land_use_classes> none{};
  none.fill(-1.0);
  kernels::build_soc_table(p, none);
  return p;
}

}  // namespace

TEST(MineralSoil, EquilibriumIsSocRefTimesFactors) {
  const auto p = params();
  EXPECT_NEAR(kernels::soc_equilibrium(p, k_clay, k_grass), 81.0 * 1.14, 1e-12);
  EXPECT_NEAR(kernels::soc_equilibrium(p, k_clay, k_arable), 81.0 * 0.70, 1e-12);
}

TEST(MineralSoil, NationalStockReplacesTheProduct) {
  auto p = params();
  std::array<double, static_cast<std::size_t>(model::k_soil_classes) * model::k_land_use_classes> national{};
  national.fill(-1.0);
  national[kernels::soc_index(k_sand, k_grass)] = 94.0;
  kernels::build_soc_table(p, national);
  EXPECT_DOUBLE_EQ(kernels::soc_equilibrium(p, k_sand, k_grass), 94.0);
  EXPECT_NEAR(kernels::soc_equilibrium(p, k_sand, k_arable), 51.0 * 0.70, 1e-12);
}

TEST(MineralSoil, GrasslandToCroplandLinearOver20Years) {
  const auto p = params();
  const double before = kernels::soc_equilibrium(p, k_clay, k_grass);  // 92.34
  const double after = kernels::soc_equilibrium(p, k_clay, k_arable);  // 56.70
  const auto tr = kernels::start_soc_transition(p, before, after);
  EXPECT_EQ(tr.years_left, 20);
  EXPECT_NEAR(tr.rate_t_c_ha_yr, (56.7 - 92.34) / 20.0, 1e-6);  // -1.782 t C/ha/yr
  double soc = before;
  std::uint8_t left = tr.years_left;
  for (int y = 0; y < 25; ++y) {
    soc += kernels::soc_change(tr.rate_t_c_ha_yr, left);
    if (left > 0) --left;
  }
  EXPECT_NEAR(soc, after, 1e-4);  // float rate: within rounding of 20 steps
}

TEST(MineralSoil, NoChangeOfEquilibriumStartsNoTransition) {
  const auto p = params();
  const auto tr = kernels::start_soc_transition(p, 92.34, 92.34);
  EXPECT_EQ(tr.years_left, 0);
  EXPECT_EQ(kernels::soc_change(tr.rate_t_c_ha_yr, tr.years_left), 0.0);
}

TEST(MineralSoil, MineralisationN2O) {
  const auto p = params();  // C:N 15, EF1 0.01
  // 1.782 t C lost: 0.1188 t N mineralised, x 0.01 x 44/28 = 0.0018669 t N2O
  EXPECT_NEAR(kernels::mineralisation_n2o_t(p, 1.782), 1.782 / 15.0 * 0.01 * 44.0 / 28.0, 1e-15);
}
