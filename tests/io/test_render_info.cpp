// `polder info` text for stacks and climate files.

#include <gtest/gtest.h>
#include <mpi.h>

#include <filesystem>
#include <sstream>

#include "io/netcdf/input_checks.hpp"
#include "io/render/stack_description.hpp"
#include "tests/support/test_stack.hpp"

using namespace polder;
namespace fs = std::filesystem;

#define EXPECT_HAS(haystack, needle) EXPECT_NE((haystack).find(needle), std::string::npos) << (haystack)

TEST(RenderInfo, StackDescriptionListsWindowVariablesAndAreas) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_SELF);
  const auto path = (fs::temp_directory_path() / "polder_info_stack.nc").string();
  polder::testing::write_test_stack(comm, path);
  std::ostringstream out;
  {
    io::NcFile f(comm, path, io::NcFile::Mode::read);
    io::render::describe_stack(f, io::check_stack_metadata(f), comm, out);
  }
  fs::remove(path);
  const std::string text = out.str();
  EXPECT_HAS(text, "Polder input stack (polder-input-stack v1)");
  EXPECT_HAS(text, "rows 5000–5159, cols 5000–5199 (160 x 200 cells of 25 m)");
  EXPECT_HAS(text, "RD x 125000–130000 m, y 511000–515000 m (EPSG:28992)");
  EXPECT_HAS(text, "1970 1990 2004 2009 2013 2017 2021");
  EXPECT_HAS(text, "peat_thickness   float32  (y, x)            cm");
  // 160 x 180 territory cells of 0.0625 ha = 1.80 kha.
  EXPECT_HAS(text, "Territory: 28800 cells = 1.80 kha");
  EXPECT_HAS(text, " 1 forest");
  EXPECT_HAS(text, "4.A Forest land");
  EXPECT_HAS(text, "organic (peat + peaty)");
  EXPECT_HAS(text, " 7 utrecht");
}

TEST(RenderInfo, ClimateDescriptionListsScenariosYearsAndValues) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_SELF);
  const auto path = (fs::temp_directory_path() / "polder_info_climate.nc").string();
  polder::testing::write_test_climate(comm, path);
  std::ostringstream out;
  {
    io::NcFile f(comm, path, io::NcFile::Mode::read);
    io::render::describe_climate(f, io::check_climate_metadata(f), comm, out);
  }
  fs::remove(path);
  const std::string text = out.str();
  EXPECT_HAS(text, "scenarios           Ld Ln Md Mn Hd Hn");
  EXPECT_HAS(text, "1990–2030 (observed up to 2024");
  EXPECT_HAS(text, "5 x 4 cells of 12000 m");
  EXPECT_HAS(text, "  tas (degC)\n    1990  all 10.1 [10.0, 10.2]");
  EXPECT_HAS(text, "    2030  Ld 10.9");
  EXPECT_HAS(text, "  sea_level (cm)");
}
