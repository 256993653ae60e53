// The Monte Carlo fields of a parameter file entry (distribution, correlate, fixed) and the entries
// whose range cannot carry their distribution.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/config/parameter_set.hpp"
#include "solver/core/error.hpp"

using polder::ConfigError;
using polder::io::ParameterSet;

namespace {
std::string write_file(const std::string& name, const std::string& text) {
  auto path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << text;
  return path;
}
std::string entry(const std::string& extra, const std::string& range = "4 5.4", const std::string& value = "4.6") {
  return "[organic_soil.co2_slope]\nvalue = " + value + "\nunit = 1\nrange = " + range + "\nsource = x\n" + extra;
}
std::string error_of(const std::string& text) {
  const auto path = write_file("psm.ini", text);
  try {
    ParameterSet::load({path});
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(ParameterSampling, ReadsDistributionGroupAndFixed) {
  const auto path =
      write_file("psm_ok.ini",
                 entry("distribution = lognormal\ncorrelate = peat_co2\n") +
                     "[a.b]\nvalue = 1\nunit = 1\nrange = 0.5 2\nsource = y\nfixed = true\n"
                     "[a.c]\nvalue = 1\nunit = 1\nsource = y\n[a.d]\nvalue = 1\nunit = 1\nrange = 0 2\nsource = y\n");
  const auto set = ParameterSet::load({path});
  const auto& p = set.parameter("organic_soil.co2_slope");
  EXPECT_EQ(p.distribution, "lognormal");
  EXPECT_EQ(p.correlate, "peat_co2");
  EXPECT_TRUE(p.sampled());
  EXPECT_TRUE(set.parameter("a.b").fixed);
  EXPECT_FALSE(set.parameter("a.b").sampled());  // fixed
  EXPECT_FALSE(set.parameter("a.c").sampled());  // no range
  EXPECT_TRUE(set.parameter("a.d").sampled());   // a range: sampled, triangular by default
  EXPECT_EQ(set.parameter("a.d").distribution, "");
}

TEST(ParameterSampling, RejectsWhatTheRangeCannotSupport) {
  const auto lognormal = error_of(entry("distribution = lognormal\n", "0 5.4"));
  EXPECT_NE(lognormal.find("psm.ini: [organic_soil.co2_slope] distribution = lognormal"), std::string::npos)
      << lognormal;
  EXPECT_NE(lognormal.find("above zero"), std::string::npos);
  EXPECT_NE(error_of(entry("distribution = lognormal\n", "-1 5.4")).find("above zero"), std::string::npos);
  EXPECT_NE(error_of(entry("distribution = triangular\n", "4.6 4.6")).find("low < high"), std::string::npos);
  EXPECT_NE(error_of(entry("distribution = normal\n", "4.6 5.4")).find("strictly inside"), std::string::npos);
  EXPECT_NE(error_of(entry("distribution = lognorml\n")).find("did you mean 'lognormal'"), std::string::npos);
  EXPECT_NE(error_of(entry("", "5 6")).find("outside its range"), std::string::npos);
  EXPECT_NE(error_of("[a.b]\nvalue = 1\nunit = 1\nsource = x\ndistribution = normal\n").find("but no range"),
            std::string::npos);
  EXPECT_NE(error_of("[a.b]\nvalue = 1\nunit = 1\nsource = x\ncorrelate = g\n").find("but no range"),
            std::string::npos);
  EXPECT_NE(error_of(entry("fixed = true\ndistribution = normal\n")).find("fixed = true and distribution"),
            std::string::npos);
  EXPECT_NE(error_of(entry("fixed = maybe\n")).find("not a boolean"), std::string::npos);
  EXPECT_NE(error_of(entry("correlate = two words\n")).find("a group name has"), std::string::npos);
  EXPECT_NE(error_of(entry("distribuion = normal\n")).find("did you mean 'distribution'"), std::string::npos);
}

TEST(ParameterSampling, ShippedFilesRead) {
  const auto root = std::filesystem::path(POLDER_SOURCE_DIR) / "configs" / "parameters";
  const auto set = ParameterSet::load({(root / "lulucf_nl.ini").string()});
  EXPECT_TRUE(set.parameter("hwp.share.paper").fixed);  // a composition: kept fixed
  EXPECT_EQ(set.parameter("mineral_soil.soc_ref.loess").correlate, "soc_ref_high_activity_clay");
  const auto activity = ParameterSet::load({(root / "activity_data.ini").string()});
  EXPECT_TRUE(activity.parameter("activity.land_use_change.keep_fraction").sampled());
  EXPECT_TRUE(activity.parameter("activity.organic_soil.keep_fraction").sampled());
}
