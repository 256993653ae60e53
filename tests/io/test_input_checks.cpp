// Every strict input check, each on a small valid stack (or climate file) with one thing broken.

#include <gtest/gtest.h>
#include <mpi.h>
#include <netcdf.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/nc_file.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"
#include "tests/support/test_stack.hpp"

using namespace polder;
namespace fs = std::filesystem;
namespace pt = polder::testing;

namespace {

class InputChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("polder_checks_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    m_path = (m_dir / "stack.nc").string();
    pt::write_test_stack(self(), m_path);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  static const parallel::Comm& self() {
    static const auto comm = parallel::Comm::borrow(MPI_COMM_SELF);
    return comm;
  }

  /// Runs the metadata and value checks; returns the error message ("" if the file passes).
  std::string check() const {
    try {
      io::NcFile f(self(), m_path, io::NcFile::Mode::read);
      const auto info = io::check_stack_metadata(f);
      io::check_stack_values(f, info, self());
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }

  fs::path m_dir;
  std::string m_path;
};

// The default test window: national rows 5000.., cols 5000..; the west 20 columns lie outside.
constexpr std::int32_t k_row0 = 5000, k_col0 = 5000;

std::string cell_text(std::int32_t r, std::int32_t c) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "x = %.1f m, y = %.1f m (RD New; national row %d, col %d)",
                grid::NationalGrid::x_center(k_col0 + c), grid::NationalGrid::y_center(k_row0 + r), k_row0 + r,
                k_col0 + c);
  return buf;
}

#define EXPECT_HAS(haystack, needle) EXPECT_NE((haystack).find(needle), std::string::npos) << (haystack)

}  // namespace

TEST_F(InputChecks, AValidStackPasses) {
  io::NcFile f(self(), m_path, io::NcFile::Mode::read);
  const auto info = io::check_stack_metadata(f);
  EXPECT_EQ(info.window, (grid::GridWindow{5000, 5000, 160, 200}));
  EXPECT_EQ(info.map_years, (std::vector<std::int32_t>{1970, 1990, 2004, 2009, 2013, 2017, 2021, 2025}));
  EXPECT_EQ(info.forest_reference_year, 2021);
  EXPECT_EQ(info.region, "test");
  EXPECT_NO_THROW(io::check_stack_values(f, info, self()));
}

// ---- format and CRS ---------------------------------------------------------------------------------

TEST_F(InputChecks, WrongFormatOrVersion) {
  pt::set_attribute_text(m_path, "", "polder_format", "polder-climate");
  EXPECT_HAS(check(), "has polder_format 'polder-climate', expected 'polder-input-stack'");
  pt::delete_attribute(m_path, "", "polder_format");
  EXPECT_HAS(check(), "is not a Polder file");
  pt::set_attribute_text(m_path, "", "polder_format", "polder-input-stack");
  pt::set_attribute_double(m_path, "", "polder_format_version", 2);
  EXPECT_HAS(check(), "polder_format_version 2");
}

TEST_F(InputChecks, EpsgCodeOtherThanRdNew) {
  pt::set_attribute_text(m_path, "crs", "epsg_code", "EPSG:4326");
  const auto msg = check();
  EXPECT_HAS(msg, m_path);
  EXPECT_HAS(msg, "crs:epsg_code is 'EPSG:4326', expected 'EPSG:28992'");
}

TEST_F(InputChecks, WktOfAnotherCrs) {
  pt::delete_attribute(m_path, "crs", "epsg_code");
  pt::set_attribute_text(m_path, "crs", "crs_wkt",
                         R"(PROJCS["ETRS89-extended / LAEA Europe",GEOGCS["ETRS89",AUTHORITY["EPSG","4258"]],)"
                         R"(PROJECTION["Lambert_Azimuthal_Equal_Area"],AUTHORITY["EPSG","3035"]])");
  EXPECT_HAS(check(), "crs:crs_wkt describes EPSG:3035, expected EPSG:28992");
}

TEST_F(InputChecks, ProjectionParameterOffRdNew) {
  pt::set_attribute_double(m_path, "crs", "false_easting", 155100.0);
  EXPECT_HAS(check(), "crs:false_easting = 155100 differs from RD New");
}

TEST_F(InputChecks, NoCrsVariableOrNothingThatIdentifiesIt) {
  pt::rename_variable(m_path, "crs", "crs_gone");
  EXPECT_HAS(check(), "has no 'crs' grid-mapping variable");
  pt::rename_variable(m_path, "crs_gone", "crs");
  for (const char* att : {"epsg_code", "crs_wkt", "spatial_ref", "grid_mapping_name"})
    pt::delete_attribute(m_path, "crs", att);
  EXPECT_HAS(check(), "does not identify RD New");
}

TEST_F(InputChecks, DataVariableWithoutTheCrsGridMapping) {
  pt::set_attribute_text(m_path, "soil", "grid_mapping", "crs_other");
  EXPECT_HAS(check(), "variable 'soil' has grid_mapping 'crs_other', expected 'crs'");
}

// ---- the national lattice -------------------------------------------------------------------------------

TEST_F(InputChecks, GridShiftedOffTheLattice) {
  pt::shift_coordinate(m_path, "x", 10.0);
  EXPECT_HAS(check(), "x[0] = 125022.5 m is not a cell centre of the national 25 m grid");
}

TEST_F(InputChecks, GridWithCellEdgesInsteadOfCentres) {
  pt::shift_coordinate(m_path, "y", -12.5);
  EXPECT_HAS(check(), "is not a cell centre of the national 25 m grid");
}

TEST_F(InputChecks, GridWithWrongSpacing) {
  pt::overwrite_coordinate(m_path, "x", 1, grid::NationalGrid::x_center(k_col0) + 30.0);
  EXPECT_HAS(check(), "x spacing is 30 m between x[0] = 125012.5 and x[1] = 125042.5");
}

TEST_F(InputChecks, GridSouthUp) {
  pt::overwrite_coordinate(m_path, "y", 1, grid::NationalGrid::y_center(k_row0) + 25.0);
  EXPECT_HAS(check(), "y spacing is 25 m");
  EXPECT_HAS(check(), "y decreasing (north-up)");
}

TEST_F(InputChecks, GridOutsideTheNationalExtent) {
  pt::shift_coordinate(m_path, "x", 200000.0);
  EXPECT_HAS(check(), "reaches outside the national grid");
}

TEST_F(InputChecks, WindowAttributeDisagreesWithCoordinates) {
  pt::set_attribute_double(m_path, "", "polder_window_col0", 4999);
  EXPECT_HAS(check(), "polder_window_col0 = 4999 disagrees with the x/y coordinates (which put it at 5000)");
}

// ---- dimensions, variables, types ----------------------------------------------------------------------

TEST_F(InputChecks, MissingVariable) {
  pt::rename_variable(m_path, "peat_thickness", "peat_depth");
  EXPECT_HAS(check(), "required variable 'peat_thickness' is missing (float32 over (y, x)");
}

TEST_F(InputChecks, WrongType) {
  pt::replace_variable(m_path, "glg", NC_DOUBLE, {"y", "x"});
  EXPECT_HAS(check(), "variable 'glg' has type float64, expected float32");
  pt::replace_variable(m_path, "land_use", NC_BYTE, {"map_year", "y", "x"});
  EXPECT_HAS(check(), "variable 'land_use' has type int8, expected uint8");
}

TEST_F(InputChecks, WrongDimensions) {
  pt::replace_variable(m_path, "soil", NC_UBYTE, {"x", "y"});
  EXPECT_HAS(check(), "variable 'soil' has dimensions (x, y), expected (y, x)");
}

TEST_F(InputChecks, LandUseWithoutMapYearDimension) {
  pt::replace_variable(m_path, "land_use", NC_UBYTE, {"y", "x"});
  EXPECT_HAS(check(), "variable 'land_use' has dimensions (y, x), expected (map_year, y, x)");
}

TEST_F(InputChecks, MapYearsNotIncreasing) {
  pt::overwrite_map_year(m_path, 3, 2004);
  EXPECT_HAS(check(), "map years must increase strictly, but map_year[2] = 2004 and map_year[3] = 2004");
}

TEST_F(InputChecks, MissingForestReferenceYear) {
  pt::delete_attribute(m_path, "", "forest_reference_year");
  EXPECT_HAS(check(), "global attribute 'forest_reference_year' is missing");
}

// ---- values ---------------------------------------------------------------------------------------------

TEST_F(InputChecks, InvalidLandUseCodeNamesVariableYearCellAndValue) {
  pt::overwrite_cell_u8(m_path, "land_use", 70, 120, 18, 3);
  const auto msg = check();
  EXPECT_HAS(msg, m_path);
  EXPECT_HAS(msg, "variable 'land_use' (map year 2009)");
  EXPECT_HAS(msg, cell_text(70, 120));
  EXPECT_HAS(msg, "value 18, expected a valid land_use code (1–17) inside the territory");
}

TEST_F(InputChecks, LandUseZeroInsideTheTerritory) {
  pt::overwrite_cell_u8(m_path, "land_use", 5, 50, 0, 6);
  EXPECT_HAS(check(), "variable 'land_use' (map year 2021)");
}

TEST_F(InputChecks, InvalidSoilAndProvinceCodes) {
  pt::overwrite_cell_u8(m_path, "province", 1, 30, 13);
  EXPECT_HAS(check(), "variable 'province' has a bad value at the cell centred on " + cell_text(1, 30) +
                          ": value 13, expected a valid province code (1–12)");
}

TEST_F(InputChecks, NaNInAContinuousField) {
  pt::overwrite_cell_f32(m_path, "glg", 100, 60, std::numeric_limits<float>::quiet_NaN());
  const auto msg = check();
  EXPECT_HAS(msg, "variable 'glg'");
  EXPECT_HAS(msg, cell_text(100, 60));
  EXPECT_HAS(msg, "value NaN, expected a finite value in [0, 500] cm inside the territory");
}

TEST_F(InputChecks, InfinityAndOutOfRange) {
  pt::overwrite_cell_f32(m_path, "standing_volume", 10, 100, std::numeric_limits<float>::infinity());
  EXPECT_HAS(check(), "variable 'standing_volume'");
  EXPECT_HAS(check(), "value Inf");
  pt::overwrite_cell_f32(m_path, "standing_volume", 10, 100, 0.0F);
  pt::overwrite_cell_f32(m_path, "peat_thickness", 20, 180, 2000.0F);
  EXPECT_HAS(check(), "variable 'peat_thickness' has a bad value at the cell centred on " + cell_text(20, 180) +
                          ": value 2000, expected a finite value in [0, 1500] cm");
}

TEST_F(InputChecks, FillValueInsideTheTerritoryIsMissingData) {
  pt::overwrite_cell_f32(m_path, "ditch_fraction", 3, 40, -9999.0F);
  EXPECT_HAS(check(), "variable 'ditch_fraction'");
  EXPECT_HAS(check(), "value -9999, expected a finite value in [0, 0.3] inside the territory");
}

TEST_F(InputChecks, DataOutsideTheTerritory) {
  pt::overwrite_cell_f32(m_path, "glg", 50, 3, 80.0F);
  EXPECT_HAS(check(), "variable 'glg' has a bad value at the cell centred on " + cell_text(50, 3) +
                          ": value 80, expected the fill value -9999 outside the territory (territory = 0)");
}

TEST_F(InputChecks, TerritoryFlagOtherThanZeroOrOne) {
  pt::overwrite_cell_u8(m_path, "territory", 0, 0, 2);
  EXPECT_HAS(check(), "variable 'territory'");
  EXPECT_HAS(check(), "value 2, expected 0 (outside) or 1 (inside the territory)");
}

TEST_F(InputChecks, SeagrassYearMustBeZeroOrAPlausibleYear) {
  pt::overwrite_cell_i16(m_path, "seagrass_since", 9, 99, 1500);
  EXPECT_HAS(check(), "variable 'seagrass_since'");
  EXPECT_HAS(check(), "expected 0 (never) or a year in 1900–2100");
}

TEST_F(InputChecks, ReportsTheFirstBadCellInCellIdOrder) {
  pt::overwrite_cell_f32(m_path, "glg", 120, 30, -5.0F);
  pt::overwrite_cell_f32(m_path, "glg", 40, 150, -6.0F);
  pt::overwrite_cell_f32(m_path, "glg", 40, 160, -7.0F);
  EXPECT_HAS(check(), cell_text(40, 150));
  EXPECT_HAS(check(), "value -6");
}

TEST_F(InputChecks, VariablesAreReportedInSchemaOrder) {
  pt::overwrite_cell_f32(m_path, "glg", 1, 30, -5.0F);
  pt::overwrite_cell_u8(m_path, "soil", 150, 150, 9);
  EXPECT_HAS(check(), "variable 'soil'");
}

// ---- cross-variable rules -------------------------------------------------------------------------------

TEST_F(InputChecks, HighestGroundwaterBelowLowest) {
  pt::overwrite_cell_f32(m_path, "glg", 30, 90, 50.0F);
  pt::overwrite_cell_f32(m_path, "ghg", 30, 90, 60.0F);
  const auto msg = check();
  EXPECT_HAS(msg, "variable 'ghg'");
  EXPECT_HAS(msg, cell_text(30, 90));
  EXPECT_HAS(msg, "value 60, expected at most glg = 50 cm");
}

TEST_F(InputChecks, PeatThicknessMustMatchTheSoilClass) {
  // Row 10, col 150 lies in the north-east quarter: peat or peaty soil.
  pt::overwrite_cell_u8(m_path, "soil", 10, 150, 5);
  pt::overwrite_cell_f32(m_path, "peat_thickness", 10, 150, 20.0F);
  EXPECT_HAS(check(), "variable 'peat_thickness'");
  EXPECT_HAS(check(), "value 20, expected at least 40 cm on peat soil");
  pt::overwrite_cell_u8(m_path, "soil", 10, 150, 6);
  pt::overwrite_cell_f32(m_path, "peat_thickness", 10, 150, 60.0F);
  EXPECT_HAS(check(), "value 60, expected 5–40 cm on peaty soil");
  pt::overwrite_cell_u8(m_path, "soil", 10, 150, 1);
  pt::overwrite_cell_f32(m_path, "peat_thickness", 10, 150, 30.0F);
  EXPECT_HAS(check(), "value 30, expected 0 cm on mineral soil (soil = 1)");
}

TEST_F(InputChecks, ForestAttributesMustAgree) {
  // Find a cell without a stand and give it an age.
  io::NcFile f(self(), m_path, io::NcFile::Mode::read);
  std::vector<std::uint8_t> species(200);
  f.read<std::uint8_t>("forest_species", {60, 0}, {1, 200}, std::span<std::uint8_t>(species));
  f.close();
  std::int32_t col = 20;
  while (species[static_cast<std::size_t>(col)] != 0) ++col;
  pt::overwrite_cell_i16(m_path, "forest_age", 60, col, 40);
  EXPECT_HAS(check(), "variable 'forest_age'");
  EXPECT_HAS(check(), "value 40, expected -1 where there is no stand (forest_species = 0)");
}

// ---- the pieces on their own ----------------------------------------------------------------------------

TEST(FirstViolation, FindsTheFirstBadCellOfABlockAndIgnoresNothing) {
  const auto& spec = io::stack_variable("soil");
  const grid::GridWindow block{100, 200, 2, 3};
  const std::vector<std::uint8_t> territory = {0, 1, 1, 1, 1, 0};
  EXPECT_FALSE(io::first_violation<std::uint8_t>(spec, std::vector<std::uint8_t>{0, 1, 6, 0, 5, 0}, block, territory));
  const auto v = io::first_violation<std::uint8_t>(spec, std::vector<std::uint8_t>{0, 1, 2, 7, 8, 3}, block, territory);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->row, 101);
  EXPECT_EQ(v->col, 200);
  EXPECT_EQ(v->cell_id, grid::NationalGrid::cell_id(101, 200));
  EXPECT_EQ(v->value, 7);
}

TEST(FirstViolation, RaiseNamesFileVariableCellValueAndExpectation) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_SELF);
  io::Violation v{grid::NationalGrid::cell_id(5000, 5000), 5000, 5000, "land_use", 2004, 0, "a valid code"};
  try {
    io::raise_first_violation(comm, "in.nc", v);
    FAIL() << "no exception";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "input file 'in.nc': variable 'land_use' (map year 2004) has a bad value at the cell "
                 "centred on x = 125012.5 m, y = 514987.5 m (RD New; national row 5000, col 5000): value 0, "
                 "expected a valid code");
  }
  EXPECT_NO_THROW(io::raise_first_violation(comm, "in.nc", std::nullopt));
}

// ---- climate forcing -------------------------------------------------------------------------------------

class ClimateChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    m_path =
        (fs::temp_directory_path() /
         ("polder_climate_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".nc"))
            .string();
    pt::write_test_climate(comm(), m_path);
  }
  void TearDown() override { fs::remove(m_path); }
  static const parallel::Comm& comm() {
    static const auto c = parallel::Comm::borrow(MPI_COMM_SELF);
    return c;
  }
  std::string check() const {
    try {
      io::NcFile f(comm(), m_path, io::NcFile::Mode::read);
      const auto info = io::check_climate_metadata(f);
      io::check_climate_values(f, info, comm());
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
  std::string m_path;
};

TEST_F(ClimateChecks, AValidFilePasses) {
  io::NcFile f(comm(), m_path, io::NcFile::Mode::read);
  const auto info = io::check_climate_metadata(f);
  EXPECT_EQ(info.scenarios, (std::vector<std::string>{"Ld", "Ln", "Md", "Mn", "Hd", "Hn"}));
  EXPECT_EQ(info.years.front(), 1990);
  EXPECT_EQ(info.years.back(), 2030);
  EXPECT_EQ(info.last_observed_year, 2024);
  EXPECT_DOUBLE_EQ(info.cell_width_m, 12000);
  EXPECT_NO_THROW(io::check_climate_values(f, info, comm()));
  EXPECT_NO_THROW(io::check_climate_covers(info, {5000, 5000, 160, 200}, m_path));
  EXPECT_THROW(io::check_climate_covers(info, grid::GridWindow::national(), m_path), InputError);
}

TEST_F(ClimateChecks, ScenarioListMustMatchTheDimension) {
  pt::set_attribute_text(m_path, "", "scenarios", "Ld,Ln,Md,Mn,Hd");
  EXPECT_HAS(check(), "names 5 scenarios, but dimension 'scenario' has 6");
  pt::set_attribute_text(m_path, "", "scenarios", "Ld,Ln,Md,Mn,Hd,Hd");
  EXPECT_HAS(check(), "scenario name 'Hd'");
}

TEST_F(ClimateChecks, YearsMustBeContiguous) {
  pt::overwrite_int32(m_path, "year", 10, 2001);
  EXPECT_HAS(check(), "years must be contiguous, but year[9] = 1999 is followed by 2001");
}

TEST_F(ClimateChecks, NaNAndHistoricalDifferencesAreFound) {
  pt::overwrite_climate_value(m_path, "tas", 4, 40, 2, 3, std::numeric_limits<float>::quiet_NaN());
  EXPECT_HAS(check(),
             "variable 'tas' (scenario Hd, year 2030) at the climate cell centred on x = 162000.0 m, "
             "y = 490000.0 m: value NaN");
  pt::overwrite_climate_value(m_path, "tas", 4, 40, 2, 3, 11.0F);
  pt::overwrite_climate_value(m_path, "pr", 2, 5, 0, 0, 999.0F);
  EXPECT_HAS(check(), "variable 'pr' differs between scenarios Ld");
  EXPECT_HAS(check(), "in 1995");
}

TEST_F(ClimateChecks, CrsAndFormat) {
  pt::set_attribute_text(m_path, "crs", "epsg_code", "EPSG:3035");
  EXPECT_HAS(check(), "crs:epsg_code is 'EPSG:3035'");
  pt::set_attribute_text(m_path, "", "polder_format", "polder-input-stack");
  EXPECT_HAS(check(), "expected 'polder-climate'");
}
