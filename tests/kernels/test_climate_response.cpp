// Climate response: Q10 decomposition, moisture and growth factors, and the mineral-soil climate
// offset (zero in the reference climate, relaxing to the shifted equilibrium otherwise).
#include <gtest/gtest.h>

#include <cmath>

#include "solver/kernels/climate_response.hpp"

using namespace polder;

TEST(ClimateResponse, Q10Factor) {
  kernels::ClimateResponseParams p;  // Q10 2, T_ref 10.5
  EXPECT_NEAR(kernels::decomposition_factor(p, 10.5), 1.0, 1e-15);
  EXPECT_NEAR(kernels::decomposition_factor(p, 20.5), 2.0, 1e-12);
  EXPECT_NEAR(kernels::decomposition_factor(p, 0.5), 0.5, 1e-12);
}

TEST(ClimateResponse, GrowthFactorLimits) {
  kernels::ClimateResponseParams p;
  EXPECT_EQ(kernels::growth_factor(p, 100.0, 10.0), 1.0);            // wet and cool: no reduction
  EXPECT_NEAR(kernels::growth_factor(p, 250.0, 10.5), 0.9, 1e-12);   // 100 mm above the reference
  EXPECT_NEAR(kernels::growth_factor(p, 150.0, 11.5), 0.97, 1e-12);  // 1 degree above
  EXPECT_EQ(kernels::growth_factor(p, 2000.0, 30.0), p.growth_factor_min);
}

TEST(ClimateResponse, MoistureFactorLimits) {
  kernels::ClimateResponseParams p;
  EXPECT_EQ(kernels::moisture_factor(p, 0.0), 1.0);
  EXPECT_NEAR(kernels::moisture_factor(p, 350.0), 0.8, 1e-12);
  EXPECT_EQ(kernels::moisture_factor(p, 5000.0), p.decomposition_moisture_min);
}

TEST(ClimateResponse, SoilOffsetStaysZeroInTheReferenceClimate) {
  kernels::ClimateResponseParams p;
  double x = 0.0;
  for (int y = 0; y < 50; ++y) x = kernels::soil_climate_offset_step(p, x, 100.0, 10.5);
  EXPECT_EQ(x, 0.0);
}

TEST(ClimateResponse, SoilOffsetRelaxesToWarmerEquilibrium) {
  kernels::ClimateResponseParams p;  // tau 30 yr
  const double warm = p.reference_temperature_c + 2.0;
  const double target = kernels::growth_factor(p, 100.0, warm) / kernels::decomposition_factor(p, warm) - 1.0;
  double x = 0.0;
  x = kernels::soil_climate_offset_step(p, x, 100.0, warm);
  EXPECT_NEAR(x, target / 30.0, 1e-15);  // first step: 1/tau of the way
  for (int y = 0; y < 1000; ++y) x = kernels::soil_climate_offset_step(p, x, 100.0, warm);
  EXPECT_NEAR(x, target, 1e-12);
  EXPECT_LT(x, 0.0);  // warmer: less soil carbon
}
