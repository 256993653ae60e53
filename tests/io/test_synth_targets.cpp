#include <gtest/gtest.h>

#include "io/synth/climate_series.hpp"
#include "io/synth/land_targets.hpp"
#include "io/synth/region.hpp"
#include "solver/core/error.hpp"

using namespace polder;
using namespace polder::io::synth;

TEST(SynthTargets, CrtAreasInterpolateBetweenReportedYears) {
  const auto a1990 = crt_areas_kha(1990), a2004 = crt_areas_kha(2004), a2021 = crt_areas_kha(2021);
  EXPECT_DOUBLE_EQ(a1990[0], 362.82);
  EXPECT_NEAR(a2004[4], 420.81 + (575.64 - 420.81) * 14.0 / 15.0, 1e-9);
  EXPECT_NEAR(a2021[1], 836.71 + (811.13 - 836.71) / 3.0, 1e-9);
  for (const int y : {1970, 1990, 2004, 2009, 2013, 2017, 2021}) {
    double total = 0;
    for (const double v : crt_areas_kha(y)) total += v;
    EXPECT_NEAR(total, k_territory_kha, 0.05) << y;  // categories add up to the territory (CRT rounding)
  }
  // 1970: the 1990-2004 annual change held over 1970-1990 (settlements grew 10.3 kha/yr).
  const auto a1970 = crt_areas_kha(1970);
  EXPECT_NEAR(a1970[4], 420.81 - 20.0 * (a2004[4] - 420.81) / 14.0, 1e-9);
}

TEST(SynthTargets, RegionNamesResolveCaseAndAccentInsensitively) {
  EXPECT_EQ(parse_region("national").province, 0);
  EXPECT_EQ(parse_region("Utrecht").province, 7);
  EXPECT_EQ(parse_region("NOORD-HOLLAND").province, 8);
  EXPECT_EQ(parse_region("noord holland").province, 8);
  EXPECT_EQ(parse_region("friesland").province, 2);
  EXPECT_EQ(parse_region("fryslan").province, 2);
  EXPECT_EQ(parse_region("Fryslân").province, 2);
  EXPECT_EQ(parse_region("Fryslân").key, "friesland");
  try {
    parse_region("utrech");
    FAIL() << "no error for an unknown region";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("'utrech'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("did you mean 'utrecht'"), std::string::npos) << e.what();
  }
}

TEST(SynthTargets, RegionWindowIsAlignedAndHoldsTheProvince) {
  const auto& territory = Territory::national();
  const auto w = region_window(territory, parse_region("utrecht"));
  EXPECT_EQ(w.row0 % 256, 0);
  EXPECT_EQ(w.col0 % 256, 0);
  EXPECT_TRUE(w.inside_national());
  // Utrecht lies about x 114-172 km, y 430-480 km (its outline's bounding box).
  EXPECT_LE(w.x_west_m(), 114244.0);
  EXPECT_GE(w.x_west_m() + w.n_cols * 25.0, 171506.0);
  EXPECT_GE(w.y_north_m(), 479450.0);
  EXPECT_LE(w.y_north_m() - w.n_rows * 25.0, 430005.0);
}

TEST(SynthClimate, ScenariosShareTheObservedYearsAndReachTheKnmiChanges) {
  for (int year = k_climate_first_year; year <= k_last_observed_year; ++year)
    for (int s = 1; s < 6; ++s) {
      const auto a = national_climate(0, year, 5), b = national_climate(s, year, 5);
      ASSERT_EQ(a.tas_anomaly_c, b.tas_anomaly_c);
      ASSERT_EQ(a.deficit_mm, b.deficit_mm);
      ASSERT_EQ(a.sea_level_cm, b.sea_level_cm);
    }
  // Sea level follows the KNMI'23 medians exactly (cm vs 1995-2014): L 24/44, M 25/59, H 27/82.
  EXPECT_NEAR(national_climate(0, 2050, 5).sea_level_cm, 24.0, 1e-9);
  EXPECT_NEAR(national_climate(3, 2100, 5).sea_level_cm, 59.0, 1e-9);
  EXPECT_NEAR(national_climate(4, 2100, 5).sea_level_cm, 82.0, 1e-9);
  // Temperature around 2100 (mean over 2081-2100 to average out year-to-year noise): L +0.8, H +4.3
  // near 2100 (the path is linear from 2050, so the 2081-2100 mean lies a little below the 2100 value).
  double ld = 0, hd = 0;
  for (int y = 2081; y <= 2100; ++y) {
    ld += national_climate(0, y, 5).tas_anomaly_c / 20.0;
    hd += national_climate(4, y, 5).tas_anomaly_c / 20.0;
  }
  EXPECT_NEAR(ld, 0.8, 0.35);
  EXPECT_NEAR(hd, 4.3 - 2.7 * 9.5 / 50.0, 0.35);
  // Gridded values stay in the plausible ranges the climate input checks use.
  const ClimateFields f = climate_fields(4, 5);
  for (std::size_t i = 0; i < f.tas.size(); ++i) {
    ASSERT_GT(f.tas[i], -10.0F);
    ASSERT_LT(f.tas[i], 30.0F);
    ASSERT_GE(f.precip_deficit[i], 0.0F);
    ASSERT_LT(f.precip_deficit[i], 1000.0F);
    ASSERT_GT(f.pr[i], 0.0F);
    ASSERT_LT(f.pr[i], 3000.0F);
    ASSERT_LT(std::abs(f.gw_anomaly[i]), 300.0F);
  }
}
