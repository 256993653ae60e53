#include <gtest/gtest.h>

#include "solver/model/wetland_subrow.hpp"

using namespace polder::model;

TEST(WetlandSubrow, EveryWetlandClassHasOneSubrowAndNoOtherClassHasOne) {
  std::array<int, k_wetland_subrows> classes{};
  for (int lu = 0; lu < k_land_use_classes; ++lu) {
    const int sub = wetland_subrow_of(static_cast<std::uint8_t>(lu));
    const bool wetland = category_of(static_cast<LandUse>(lu)) == LandCategory::wetlands && lu != 0;
    if (wetland) {
      ASSERT_GE(sub, 0) << k_land_use_info[static_cast<std::size_t>(lu)].key;
      ASSERT_LT(sub, k_wetland_subrows);
      ++classes[static_cast<std::size_t>(sub)];
    } else {
      EXPECT_EQ(sub, -1) << k_land_use_info[static_cast<std::size_t>(lu)].key;
    }
  }
  for (const int n : classes) EXPECT_GE(n, 1);  // no empty sub-row
  EXPECT_EQ(wetland_subrow_of(200), -1);
}

TEST(WetlandSubrow, CoastalClassesAreSeparate) {
  const auto sub = [](LandUse lu) {
    return static_cast<WetlandSubrow>(wetland_subrow_of(static_cast<std::uint8_t>(lu)));
  };
  EXPECT_EQ(sub(LandUse::salt_marsh), WetlandSubrow::salt_marsh);
  EXPECT_EQ(sub(LandUse::seagrass), WetlandSubrow::seagrass);
  EXPECT_EQ(sub(LandUse::intertidal_flat), WetlandSubrow::tidal_flat);
  EXPECT_EQ(sub(LandUse::coastal_water), WetlandSubrow::open_water);
  EXPECT_EQ(sub(LandUse::inland_water), WetlandSubrow::open_water);
  EXPECT_EQ(sub(LandUse::reed_marsh), WetlandSubrow::reed_marsh);
  EXPECT_EQ(k_wetland_subrow_keys[static_cast<std::size_t>(WetlandSubrow::tidal_flat)], "tidal_flat");
}
