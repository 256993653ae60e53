// The yearly land use from the map sequence: changes spread evenly over the map interval, the first
// map before it and the last map after it; seagrass from its establishment year.
#include <gtest/gtest.h>

#include <array>

#include "solver/kernels/land_use_schedule.hpp"

using namespace polder;

TEST(LandUseSchedule, ChangeYearLiesInTheInterval) {
  std::array<int, 14> counts{};
  for (std::int64_t id = 0; id < 140000; ++id) {
    const auto y = kernels::change_year(2004, 2009, id * 7919);
    ASSERT_GT(y, 2004);
    ASSERT_LE(y, 2009);
    ++counts[static_cast<std::size_t>(y - 2004)];
  }
  for (int k = 1; k <= 5; ++k) EXPECT_NEAR(counts[static_cast<std::size_t>(k)], 28000, 1000) << "year " << 2004 + k;
}

TEST(LandUseSchedule, MapsHoldOutsideTheirRange) {
  const std::array<std::uint8_t, 3> codes = {3, 8, 10};
  const std::array<std::int32_t, 3> years = {1990, 2004, 2009};
  EXPECT_EQ(kernels::land_use_in_year(codes, years, 1985, 42), 3);
  EXPECT_EQ(kernels::land_use_in_year(codes, years, 1990, 42), 3);
  EXPECT_EQ(kernels::land_use_in_year(codes, years, 2004, 42), 8);
  EXPECT_EQ(kernels::land_use_in_year(codes, years, 2030, 42), 10);
  const auto y = kernels::change_year(1990, 2004, 42);
  EXPECT_EQ(kernels::land_use_in_year(codes, years, y - 1, 42), 3);
  EXPECT_EQ(kernels::land_use_in_year(codes, years, y, 42), 8);
}

TEST(LandUseSchedule, SeagrassFromItsEstablishmentYear) {
  const auto water = static_cast<std::uint8_t>(model::LandUse::coastal_water);
  const auto grass = static_cast<std::uint8_t>(model::LandUse::seagrass);
  const auto arable = static_cast<std::uint8_t>(model::LandUse::arable);
  EXPECT_EQ(kernels::with_seagrass(water, 2018, 2017), water);
  EXPECT_EQ(kernels::with_seagrass(water, 2018, 2018), grass);
  EXPECT_EQ(kernels::with_seagrass(grass, 2018, 2010), water);
  EXPECT_EQ(kernels::with_seagrass(arable, 2018, 2020), arable);
  EXPECT_EQ(kernels::with_seagrass(water, 0, 2020), water);
}
