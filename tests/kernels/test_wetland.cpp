// Coastal wetlands: salt-marsh accretion and burial relative to sea level, drowning, edge erosion,
// brackish zones; hand-computed limiting cases.
#include <gtest/gtest.h>

#include "solver/kernels/wetland.hpp"

using namespace polder;

TEST(Wetland, MarshAtMeanHighWaterWithoutSeaLevelRise) {
  kernels::WetlandParams p;  // a_max 1.5, a_min 0.1, z_ref 50, b 0.6
  const auto m = kernels::salt_marsh_year(p, 0.0F, 0.0);
  EXPECT_NEAR(m.accretion_cm, 0.1, 1e-12);
  EXPECT_NEAR(m.burial_c_t_ha, 0.06, 1e-12);
  EXPECT_NEAR(m.new_elevation_cm, 0.1F, 1e-6F);
  EXPECT_FALSE(m.drowned);
}

TEST(Wetland, LowMarshAccretesFastest) {
  kernels::WetlandParams p;
  const auto low = kernels::salt_marsh_year(p, -60.0F, 0.0);
  EXPECT_NEAR(low.accretion_cm, 1.6, 1e-12);
  const auto mid = kernels::salt_marsh_year(p, -25.0F, 0.0);
  EXPECT_NEAR(mid.accretion_cm, 1.5 * 0.5 + 0.1, 1e-12);
}

TEST(Wetland, MarshTracksSeaLevelAtItsEquilibriumElevation) {
  kernels::WetlandParams p;
  const double slr = 0.4;  // cm/yr: accretion matches at z* = -50 (0.4 - 0.1) / 1.5 = -10 cm
  float z = 0.0F;
  for (int y = 0; y < 2000; ++y) z = kernels::salt_marsh_year(p, z, slr).new_elevation_cm;
  EXPECT_NEAR(z, -10.0F, 1e-3F);
}

TEST(Wetland, MarshDrownsWhenSeaLevelOutpacesAccretion) {
  kernels::WetlandParams p;
  float z = -30.0F;
  bool drowned = false;
  for (int y = 0; y < 100 && !drowned; ++y) {
    const auto m = kernels::salt_marsh_year(p, z, 3.0);  // 3 cm/yr rise, above a_max + a_min
    z = m.new_elevation_cm;
    drowned = m.drowned;
  }
  EXPECT_TRUE(drowned);
  EXPECT_LT(z, p.marsh_drowning_level_cm);
}

TEST(Wetland, EdgeErosionOnlyInTheLowMarsh) {
  kernels::WetlandParams p;  // edge level -20 cm, 1 %/yr
  EXPECT_TRUE(kernels::marsh_edge_erodes(p, -25.0F, 0.005));
  EXPECT_FALSE(kernels::marsh_edge_erodes(p, -25.0F, 0.5));
  EXPECT_FALSE(kernels::marsh_edge_erodes(p, -10.0F, 0.0));
  p.marsh_edge_erosion_per_yr = 0.0;
  EXPECT_FALSE(kernels::marsh_edge_erodes(p, -25.0F, 0.0));
}

TEST(Wetland, BrackishZones) {
  kernels::WetlandParams p;
  EXPECT_FALSE(kernels::is_brackish(p, 70000.0, 374000.0));
  p.brackish_zones.push_back({65000.0, 76000.0, 369000.0, 379000.0});  // Saeftinghe
  EXPECT_TRUE(kernels::is_brackish(p, 70000.0, 374000.0));
  EXPECT_FALSE(kernels::is_brackish(p, 170000.0, 590000.0));
}
