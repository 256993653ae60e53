#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/config/run_config.hpp"
#include "solver/core/error.hpp"

using polder::ConfigError;
using polder::io::load_run_config;

namespace {
std::string write_file(const std::string& name, const std::string& text) {
  auto path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << text;
  return path;
}
const char* k_base =
    "[run]\nstart_year = 1990\nend_year = 2000\ninput = in.nc\nclimate = c.nc\noutput = out.h5\n"
    "parameters = a.ini b.ini\n";

template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(RunConfig, ReadsValuesAndLayersFilesAndOverrides) {
  const auto base = write_file("rc_base.ini", k_base);
  const auto scen = write_file("rc_scen.ini", "[run]\nscenario = Ld\nend_year = 2050\n[grid]\ntile_size = 64\n");
  const auto c = load_run_config({base, scen}, {"run.end_year=2030", "processes.fire=false"});
  EXPECT_EQ(c.start_year, 1990);
  EXPECT_EQ(c.end_year, 2030);  // --set wins over both files
  EXPECT_EQ(c.scenario, "Ld");  // the later file wins over the default
  EXPECT_EQ(c.tile_size, 64);
  EXPECT_FALSE(c.fire);
  EXPECT_EQ(c.parameter_files, (std::vector<std::string>{"a.ini", "b.ini"}));
  EXPECT_NE(c.effective_text.find("end_year = 2030   # from --set"), std::string::npos);
  EXPECT_NE(c.effective_text.find("scenario = Ld   # from " + scen), std::string::npos);
}

TEST(RunConfig, UnknownKeyNamesFileAndSuggests) {
  const auto base = write_file("rc_base.ini", k_base);
  const auto typo = write_file("rc_typo.ini", "[run]\nstrat_year = 1995\n");
  const auto msg = error_of([&] { load_run_config({base, typo}, {}); });
  EXPECT_NE(msg.find("rc_typo.ini"), std::string::npos) << msg;
  EXPECT_NE(msg.find("'run.strat_year'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean 'run.start_year'"), std::string::npos) << msg;
  const auto msg2 = error_of([&] { load_run_config({base}, {"grid.tile_sise=32"}); });
  EXPECT_NE(msg2.find("did you mean 'grid.tile_size'"), std::string::npos) << msg2;
}

TEST(RunConfig, RejectsBadValues) {
  const auto base = write_file("rc_base.ini", k_base);
  EXPECT_NE(error_of([&] { load_run_config({base}, {"run.end_year=soon"}); }).find("is not an integer"),
            std::string::npos);
  EXPECT_NE(error_of([&] { load_run_config({base}, {"run.end_year=1980"}); }).find("inverted year range"),
            std::string::npos);
  EXPECT_NE(error_of([&] { load_run_config({base}, {"run.start_year=1950"}); }).find("outside 1990..2100"),
            std::string::npos);
  EXPECT_NE(error_of([&] { load_run_config({base}, {"run.scenario=Hx"}); }).find("not a KNMI'23 scenario"),
            std::string::npos);
  EXPECT_NE(error_of([&] { load_run_config({base}, {"processes.fire=maybe"}); }).find("not a boolean"),
            std::string::npos);
  EXPECT_NE(error_of([&] { load_run_config({base}, {"grid.tile_size=512"}); }).find("outside 8..256"),
            std::string::npos);
  EXPECT_NE(error_of([&] { load_run_config({base}, {"run.checkpoint_every=-1"}); }).find("must be >= 0"),
            std::string::npos);
  EXPECT_NE(error_of([&] { load_run_config({base}, {"run.seed"}); }).find("expected section.key=value"),
            std::string::npos);
  const auto no_output = write_file("rc_noout.ini", "[run]\ninput = a\nclimate = b\nparameters = p\n");
  EXPECT_NE(error_of([&] { load_run_config({no_output}, {}); }).find("missing required key run.output"),
            std::string::npos);
  EXPECT_NE(error_of([&] { load_run_config({"/nonexistent/x.ini"}, {}); }).find("cannot read config file"),
            std::string::npos);
}

TEST(RunConfig, ReadsAndChecksTheMapKeys) {
  const auto base = write_file("rc_base.ini", k_base);
  const auto c = load_run_config(
      {base}, {"output.maps=land_use soc_stock", "output.map_years=1995 2000", "output.map_resolution=250"});
  EXPECT_EQ(c.maps, (std::vector<std::string>{"land_use", "soc_stock"}));
  EXPECT_EQ(c.map_years, (std::vector<std::int32_t>{1995, 2000}));
  EXPECT_EQ(c.map_resolution_m, 250);
  EXPECT_EQ(c.maps_path, "out.maps.nc");  // run.output with .maps.nc
  const auto none = load_run_config({base}, {});
  EXPECT_TRUE(none.maps.empty());
  EXPECT_TRUE(none.maps_path.empty());

  const auto maps = [&](std::vector<std::string> set) { return error_of([&] { load_run_config({base}, set); }); };
  const auto unknown = maps({"output.maps=soc_stok", "output.map_years=1995"});
  EXPECT_NE(unknown.find("output.maps: 'soc_stok' is not a map field (valid: net_co2e net_co2 soc_stock "
                         "biomass peat_thickness land_use)"),
            std::string::npos)
      << unknown;
  EXPECT_NE(unknown.find("did you mean 'soc_stock'"), std::string::npos) << unknown;
  EXPECT_NE(maps({"output.maps=biomass", "output.map_years=2001"}).find("2001 is outside the run (1990..2000)"),
            std::string::npos);
  EXPECT_NE(maps({"output.maps=biomass", "output.map_years=1995 1992"}).find("must increase strictly"),
            std::string::npos);
  EXPECT_NE(maps({"output.maps=biomass", "output.map_years=1995", "output.map_resolution=50"})
                .find("output.map_resolution = 50 is not one of 25 100 250 1000"),
            std::string::npos);
  EXPECT_NE(maps({"output.maps=biomass"}).find("output.map_years names no year"), std::string::npos);
  EXPECT_NE(maps({"output.map_years=1995"}).find("output.maps names no field"), std::string::npos);
  EXPECT_NE(maps({"output.mapz=biomass"}).find("did you mean 'output.maps'"), std::string::npos);
}
