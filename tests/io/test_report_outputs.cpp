// The report writers: tidy CSV, the HTML page (self-contained, with its charts) and outputs that
// appear whole or not at all.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/report/atomic_output.hpp"
#include "io/report/html_report.hpp"
#include "io/report/table_text.hpp"
#include "solver/core/error.hpp"
#include "solver/reporting/inventory_builder.hpp"
#include "solver/reporting/report_catalogue.hpp"
#include "tests/reporting/report_fixture.hpp"

using namespace polder;
namespace fs = std::filesystem;

namespace {
reporting::InventoryData data() {
  return reporting::build_inventory_data(polder::testing::report_years(), polder::testing::report_eu_parameters());
}
std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}
}  // namespace

TEST(ReportOutputs, TidyCsvHasOneHeaderRowAndOneRowPerObservation) {
  reporting::ReportSelection s;
  s.keys = {"4.A"};
  const auto t = reporting::build_report(data(), s).tables.at(0);
  const std::string csv = io::report::tidy_csv(t);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "year,code,category,area_kha,mineral_area_kha,organic_area_kha,ief_living_biomass_gains_t_c_per_ha,"
            "ief_living_biomass_losses_t_c_per_ha,ief_living_biomass_net_t_c_per_ha,ief_dead_wood_t_c_per_ha,"
            "ief_litter_t_c_per_ha,ief_mineral_soils_t_c_per_ha,ief_organic_soils_t_c_per_ha,"
            "living_biomass_gains_kt_c,living_biomass_losses_kt_c,living_biomass_net_kt_c,dead_wood_kt_c,litter_kt_c,"
            "mineral_soils_kt_c,organic_soils_kt_c,net_co2_kt");
  EXPECT_EQ(count(csv, "\n"), 1U + 3U * 8U);  // header + 3 years x 8 rows
  EXPECT_NE(csv.find("\n2020,4.A.1,Forest land remaining forest land,1,0.9,0.1,2,"), std::string::npos) << csv;
}

TEST(ReportOutputs, HtmlPageIsSelfContainedAndHasItsCharts) {
  const auto d = data();
  io::report::ProvinceShape square{
      6, "Utrecht", {{{130000, 440000}, {160000, 440000}, {160000, 470000}, {130000, 470000}}}};
  const io::report::HtmlReportInput in{d, {square}, {}, "polder test", std::nullopt, std::nullopt};
  const std::string page = io::report::html_report(in);
  EXPECT_GE(count(page, "<svg"), 4U);  // emissions, land, map, EU categories (the EU path needs 2016-2018)
  EXPECT_EQ(count(page, "<script"), 0U);
  EXPECT_EQ(count(page, "http"), 0U);
  EXPECT_EQ(count(page, "src="), 0U);
  EXPECT_NE(page.find("id=\"chart-emissions\""), std::string::npos);
  EXPECT_NE(page.find("Utrecht: "), std::string::npos);           // the province tooltip
  EXPECT_NE(page.find("kt CO2-eq per year"), std::string::npos);  // axis label with units
}

TEST(ReportOutputs, AFailedWriteLeavesNothingBehind) {
  const auto dir = fs::temp_directory_path() / "polder_atomic_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    io::report::AtomicFile f((dir / "out.xlsx").string());
    std::ofstream(f.temp_path()) << "half";
    // no commit: as if writing had thrown
  }
  EXPECT_TRUE(fs::is_empty(dir));
  fs::create_directories(dir / "keep");
  std::ofstream(dir / "keep" / "notes.txt") << "mine";
  EXPECT_THROW(io::report::AtomicFolder((dir / "keep").string()), InputError);  // not a report folder
  EXPECT_TRUE(fs::exists(dir / "keep" / "notes.txt"));
  fs::remove_all(dir);
}
