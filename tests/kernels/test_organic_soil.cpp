// Organic soils: water-table response (van der Poel et al. 2025), exposed peat, depletion, CH4 with
// ditches (Wetlands Supplement Eq. 2.6), N2O and DOC, rewetted factors. Hand-computed values.
#include <gtest/gtest.h>

#include "solver/kernels/organic_soil.hpp"

using namespace polder;
using kernels::OrganicSoilParams;

namespace {

constexpr int k_grassland = 2;
constexpr int k_cropland = 1;

OrganicSoilParams params() {
  OrganicSoilParams p;  // slope 4.6 per 10 cm, z0 5 cm, z_max 80 cm, shallow 20 / deep 40 cm
  p.co2_factor.fill(1.0);
  p.co2_factor[k_cropland] = 1.3;
  p.ch4_land_deep[k_grassland] = 16.0;
  p.ch4_land_shallow[k_grassland] = 39.0;
  p.ch4_ditch_deep[k_grassland] = 1165.0;
  p.ch4_ditch_shallow[k_grassland] = 527.0;
  p.n2o_deep[k_grassland] = 8.2;
  p.n2o_shallow[k_grassland] = 1.6;
  p.doc_c_t_ha.fill(0.31);
  return p;
}

constexpr double k_thick_peat_c = 600.0;  // 100 cm at 6 t C per cm

}  // namespace

TEST(OrganicSoil, WaterTableDepthFromGlgGhgAndAnomaly) {
  OrganicSoilParams p = params();
  EXPECT_DOUBLE_EQ(kernels::water_table_depth_cm(p, 80.0, 20.0, 0.0), 50.0);
  EXPECT_DOUBLE_EQ(kernels::water_table_depth_cm(p, 80.0, 20.0, 10.0), 55.0);  // half of the GLG anomaly
  p.wtd_offset_cm = 10.0;
  EXPECT_DOUBLE_EQ(kernels::water_table_depth_cm(p, 80.0, 20.0, 0.0), 60.0);
}

TEST(OrganicSoil, HandComputedDrainedGrassland) {
  const auto p = params();
  const auto f = kernels::organic_soil_flux(p, k_grassland, false, 0.05, 50.0, 1.0, k_thick_peat_c);
  // CO2 = 0.46 t/ha/yr per cm x (50 - 5) cm = 20.7 t CO2 = 5.6455 t C
  EXPECT_NEAR(f.onsite_c_t_ha, 20.7 * 12.0 / 44.0, 1e-12);
  EXPECT_DOUBLE_EQ(f.doc_c_t_ha, 0.31);
  // CH4 deep-drained: 0.95 x 16 + 0.05 x 1165 = 73.45 kg
  EXPECT_NEAR(f.ch4_kg_ha, 73.45, 1e-12);
  EXPECT_NEAR(f.n2o_kg_ha, 8.2 * 44.0 / 28.0, 1e-12);
  EXPECT_NEAR(f.subsidence_cm, (20.7 * 12.0 / 44.0 + 0.31) / 6.0, 1e-12);
}

TEST(OrganicSoil, SlopeIsVanDerPoelPer10cm) {
  const auto p = params();
  const auto a = kernels::organic_soil_flux(p, k_grassland, false, 0.0, 40.0, 1.0, k_thick_peat_c);
  const auto b = kernels::organic_soil_flux(p, k_grassland, false, 0.0, 50.0, 1.0, k_thick_peat_c);
  EXPECT_NEAR((b.onsite_c_t_ha - a.onsite_c_t_ha) * 44.0 / 12.0, 4.6, 1e-12);
}

TEST(OrganicSoil, NoWaterTableChangeGivesNoChange) {
  const auto p = params();
  const double wtd = kernels::water_table_depth_cm(p, 70.0, 30.0, 0.0);
  const auto a = kernels::organic_soil_flux(p, k_grassland, false, 0.05, wtd, 1.0, k_thick_peat_c);
  const auto b = kernels::organic_soil_flux(p, k_grassland, false, 0.05, wtd, 1.0, k_thick_peat_c);
  EXPECT_EQ(a.onsite_c_t_ha, b.onsite_c_t_ha);
  EXPECT_EQ(a.ch4_kg_ha, b.ch4_kg_ha);
}

TEST(OrganicSoil, WaterAtTheSurfaceStopsOxidation) {
  const auto p = params();
  const auto f = kernels::organic_soil_flux(p, k_grassland, false, 0.0, 0.0, 1.0, k_thick_peat_c);
  EXPECT_EQ(f.onsite_c_t_ha, 0.0);
  // shallow-drained CH4 factor
  EXPECT_NEAR(f.ch4_kg_ha, 39.0, 1e-12);
  EXPECT_NEAR(f.n2o_kg_ha, 1.6 * 44.0 / 28.0, 1e-12);
}

TEST(OrganicSoil, ResponseFlattensBelowMaximumDepth) {
  const auto p = params();
  const auto a = kernels::organic_soil_flux(p, k_grassland, false, 0.0, 80.0, 1.0, k_thick_peat_c);
  const auto b = kernels::organic_soil_flux(p, k_grassland, false, 0.0, 120.0, 1.0, k_thick_peat_c);
  EXPECT_EQ(a.onsite_c_t_ha, b.onsite_c_t_ha);
}

TEST(OrganicSoil, OnlyExposedPeatOxidises) {
  const auto p = params();
  // 20 cm of peat (120 t C) under a 60 cm water table: a third of the drained zone is peat.
  const auto thin = kernels::organic_soil_flux(p, k_grassland, false, 0.0, 60.0, 1.0, 120.0);
  EXPECT_NEAR(thin.onsite_c_t_ha * 44.0 / 12.0, 0.46 * (60.0 - 5.0) * 20.0 / 60.0, 1e-12);
}

TEST(OrganicSoil, PeatExhaustedGivesNoMorePeatCo2) {
  const auto p = params();
  const auto none = kernels::organic_soil_flux(p, k_grassland, false, 0.05, 60.0, 1.0, 0.0);
  EXPECT_EQ(none.onsite_c_t_ha, 0.0);
  EXPECT_EQ(none.doc_c_t_ha, 0.0);
  EXPECT_EQ(none.subsidence_cm, 0.0);
  // A last sliver: the loss cannot exceed what is left.
  const auto last = kernels::organic_soil_flux(p, k_grassland, false, 0.05, 60.0, 1.0, 0.1);
  EXPECT_NEAR(last.onsite_c_t_ha + last.doc_c_t_ha, 0.1, 1e-15);
}

TEST(OrganicSoil, TemperatureFactorScalesOxidation) {
  const auto p = params();
  const auto a = kernels::organic_soil_flux(p, k_grassland, false, 0.0, 50.0, 1.0, k_thick_peat_c);
  const auto b = kernels::organic_soil_flux(p, k_grassland, false, 0.0, 50.0, 2.0, k_thick_peat_c);
  EXPECT_NEAR(b.onsite_c_t_ha, 2.0 * a.onsite_c_t_ha, 1e-12);
}

TEST(OrganicSoil, CroplandFactor) {
  const auto p = params();
  const auto g = kernels::organic_soil_flux(p, k_grassland, false, 0.0, 50.0, 1.0, k_thick_peat_c);
  const auto c = kernels::organic_soil_flux(p, k_cropland, false, 0.0, 50.0, 1.0, k_thick_peat_c);
  EXPECT_NEAR(c.onsite_c_t_ha, 1.3 * g.onsite_c_t_ha, 1e-12);
}

TEST(OrganicSoil, Tier1CategoryUsesItsFactorWhateverTheWaterTableAndThickness) {
  auto p = params();
  p.tier1[k_cropland] = true;
  p.tier1_co2_c_t_ha[k_cropland] = 7.9;
  // IPCC 2013 Wetlands Supplement Table 2.1: 7.9 t CO2-C/ha/yr, whatever the water table or layer.
  for (const double wtd : {20.0, 50.0, 120.0}) {
    const auto f = kernels::organic_soil_flux(p, k_cropland, false, 0.0, wtd, 1.0, k_thick_peat_c);
    EXPECT_NEAR(f.onsite_c_t_ha, 7.9, 1e-12) << "WTD " << wtd;
  }
  const auto thin = kernels::organic_soil_flux(p, k_cropland, false, 0.0, 60.0, 1.0, 60.0);  // 10 cm of peat
  EXPECT_NEAR(thin.onsite_c_t_ha, 7.9, 1e-12);
  EXPECT_NEAR(kernels::organic_soil_flux(p, k_cropland, false, 0.0, 60.0, 1.5, 60.0).onsite_c_t_ha, 1.5 * 7.9, 1e-12);
  // Limited by the carbon left: 3 t C of peat cannot lose 7.9 t C plus DOC.
  const auto last = kernels::organic_soil_flux(p, k_cropland, false, 0.0, 60.0, 1.0, 3.0);
  EXPECT_NEAR(last.onsite_c_t_ha + last.doc_c_t_ha, 3.0, 1e-12);
  // Other categories keep the water-table response; rewetted cropland uses the rewetted factors.
  EXPECT_DOUBLE_EQ(
      kernels::organic_soil_flux(p, k_grassland, false, 0.0, 50.0, 1.0, k_thick_peat_c).onsite_c_t_ha,
      kernels::organic_soil_flux(params(), k_grassland, false, 0.0, 50.0, 1.0, k_thick_peat_c).onsite_c_t_ha);
  EXPECT_DOUBLE_EQ(kernels::organic_soil_flux(p, k_cropland, true, 0.0, 50.0, 1.0, k_thick_peat_c).onsite_c_t_ha,
                   p.rewetted_co2_c_t_ha);
}

TEST(OrganicSoil, DrainageClassBlendsBetweenShallowAndDeep) {
  const auto p = params();
  const auto mid = kernels::organic_soil_flux(p, k_grassland, false, 0.05, 30.0, 1.0, k_thick_peat_c);
  const double shallow = 0.95 * 39.0 + 0.05 * 527.0, deep = 0.95 * 16.0 + 0.05 * 1165.0;
  EXPECT_NEAR(mid.ch4_kg_ha, 0.5 * (shallow + deep), 1e-12);
}

TEST(OrganicSoil, RewettedUsesChapter3Factors) {
  const auto p = params();
  const auto f = kernels::organic_soil_flux(p, k_grassland, true, 0.05, 50.0, 1.5, k_thick_peat_c);
  EXPECT_DOUBLE_EQ(f.onsite_c_t_ha, 0.5);
  EXPECT_DOUBLE_EQ(f.doc_c_t_ha, 0.24);
  EXPECT_NEAR(f.ch4_kg_ha, 216.0 * 16.0 / 12.0, 1e-12);  // 288 kg CH4
  EXPECT_EQ(f.n2o_kg_ha, 0.0);
}
