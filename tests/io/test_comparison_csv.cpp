// The CSV of `polder compare --csv`: one tidy row per run, year and category, the base's difference 0,
// quoting where a field needs it; written whole under its final name or not at all.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/report/comparison_csv.hpp"
#include "solver/core/error.hpp"

using namespace polder;

namespace {
reporting::Comparison two_runs() {
  reporting::Comparison c;
  c.runs.resize(2);
  c.runs[0].label = "Hd_none";
  c.runs[0].source = "out/Hd_none.h5";
  c.runs[1].label = "Ld,all";
  c.runs[1].source = "out/Ld_all.h5";
  c.years = {2030, 2031};
  c.rows = {{"4.A", "Forest land", 1}, {"4", "Total LULUCF", 0}};
  // [run][year][row]
  c.values = {-100, 4000, -101, 3900, -90.5, 3000.25, -91, 2950};
  return c;
}
}  // namespace

TEST(ComparisonCsv, OneRowPerRunYearAndCategory) {
  const std::string csv = io::report::comparison_csv(two_runs());
  std::istringstream in(csv);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  ASSERT_EQ(lines.size(), 9U);
  EXPECT_EQ(lines[0], "run,file,year,code,category,net_kt_co2e,difference_kt_co2e");
  EXPECT_EQ(lines[1], "Hd_none,out/Hd_none.h5,2030,4.A,Forest land,-100,0");
  EXPECT_EQ(lines[6], "\"Ld,all\",out/Ld_all.h5,2030,4,Total LULUCF,3000.25,-999.75");
  EXPECT_EQ(lines[8], "\"Ld,all\",out/Ld_all.h5,2031,4,Total LULUCF,2950,-950");
}

TEST(ComparisonCsv, WrittenWholeOrNotAtAll) {
  const auto dir = std::filesystem::temp_directory_path() / "polder_comparison_csv";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = (dir / "compare.csv").string();
  io::report::write_comparison_csv(two_runs(), path);
  std::ifstream f(path);
  std::stringstream text;
  text << f.rdbuf();
  EXPECT_EQ(text.str(), io::report::comparison_csv(two_runs()));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);
  EXPECT_THROW(io::report::write_comparison_csv(two_runs(), (dir / "no_folder" / "x.csv").string()), InputError);
  std::filesystem::remove_all(dir);
}
