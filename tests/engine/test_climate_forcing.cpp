// The climate forcing of one scenario: the sea-level rise of a year is the difference from the year
// before, and the file's first year (no year before it) takes the next year's rise instead of 0
// (docs/method.md, section 6).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "solver/engine/climate_forcing.hpp"
#include "solver/parallel/comm.hpp"
#include "tests/support/test_stack.hpp"

using namespace polder;
namespace fs = std::filesystem;

TEST(ClimateForcing, FirstYearTakesTheNextYearsSeaLevelRise) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_SELF);
  const std::string path = (fs::temp_directory_path() / "polder_climate_forcing_first_year.nc").string();
  polder::testing::write_test_climate(comm, path);  // 1990..2030, sea_level = 2 + 0.02 (year - 1990) cm
  // A window inside the test climate grid (x 120..180 km, y 472..520 km in RD New).
  const grid::GridWindow window{4900, 4900, 64, 64};
  const engine::ClimateForcing climate(comm, path, "Md", window);
  const auto first = climate.year(1990), second = climate.year(1991), later = climate.year(2000);
  EXPECT_NEAR(second.sea_level_rise_cm, 0.02, 1e-5);
  EXPECT_EQ(first.sea_level_rise_cm, second.sea_level_rise_cm);
  EXPECT_NEAR(later.sea_level_rise_cm, later.sea_level_cm - climate.year(1999).sea_level_cm, 1e-12);
  EXPECT_GT(first.sea_level_rise_cm, 0.0);
  fs::remove(path);
}
