// Whole ingests: base stacks, windows and regions, a stack built from layers alone, and the
// guarantees around the output file (checked before it appears; nothing half-written).
#ifdef POLDER_HAVE_GDAL

#include "io/netcdf/input_checks.hpp"
#include "solver/core/error.hpp"
#include "tests/io/ingest_test_files.hpp"

using namespace polder;
using polder::testing::IngestTest;
namespace gd = polder::testing::gdal;

TEST_F(IngestTest, LayersNotInTheConfigComeFromTheBaseUnchanged) {
  const auto s = ingest(config("[layer marsh]\nvariable = marsh_elevation\nvalue = 12.5\n"), base());
  EXPECT_EQ(s.window, k_window);
  EXPECT_EQ(s.region, "test");
  EXPECT_EQ(s.map_years, io::default_map_years());
  EXPECT_EQ(s.from_layers, std::vector<std::string>{"marsh_elevation <- layer 'marsh' (constant 12.5)"});
  for (const char* var : {"territory", "province", "soil", "forest_species", "yield_class"})
    EXPECT_EQ(read<std::uint8_t>(path("out.nc"), var), read<std::uint8_t>(base(), var)) << var;
  for (const char* var : {"peat_thickness", "glg", "ghg", "ditch_fraction", "standing_volume"})
    EXPECT_EQ(read<float>(path("out.nc"), var), read<float>(base(), var)) << var;
  EXPECT_EQ(read<std::int16_t>(path("out.nc"), "forest_age"), read<std::int16_t>(base(), "forest_age"));
  for (int y = 0; y < 7; ++y)
    EXPECT_EQ(read<std::uint8_t>(path("out.nc"), "land_use", y), read<std::uint8_t>(base(), "land_use", y));
  const auto marsh = read<float>(path("out.nc"), "marsh_elevation");
  EXPECT_EQ(marsh[0], -9999.0F);
  EXPECT_EQ(marsh[30], 12.5F);

  io::NcFile f(self(), path("out.nc"), io::NcFile::Mode::read);
  const auto info = io::check_stack_metadata(f);
  EXPECT_EQ(info.forest_reference_year, 2021);
  EXPECT_NE(f.get_att_text("", "source").value_or("").find("other variables from " + base()), std::string::npos);
  EXPECT_FALSE(f.get_att_text("", "polder_seed").has_value());
}

TEST_F(IngestTest, WindowCropsTheBase) {
  const grid::GridWindow w{5010, 5030, 50, 60};
  ingest(config("[layer marsh]\nvariable = marsh_elevation\nvalue = 1\n"), base(), w);
  io::NcFile f(self(), path("out.nc"), io::NcFile::Mode::read);
  EXPECT_EQ(io::check_stack_metadata(f).window, w);
  f.close();
  const auto soil = read<std::uint8_t>(path("out.nc"), "soil");
  const auto base_soil = read<std::uint8_t>(base(), "soil");
  for (int r = 0; r < w.n_rows; ++r)
    for (int c = 0; c < w.n_cols; ++c)
      ASSERT_EQ(soil[static_cast<std::size_t>(r * w.n_cols + c)],
                base_soil[static_cast<std::size_t>((r + 10) * k_window.n_cols + c + 30)]);
  const auto msg = [&] {
    try {
      ingest(config("[layer marsh]\nvariable = marsh_elevation\nvalue = 1\n"), base(),
             grid::GridWindow{4990, 5000, 20, 20});
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string();
  }();
  EXPECT_HAS(msg, "reaches outside the base stack's window");
}

TEST_F(IngestTest, ProvinceRegionIsItsExtentInTheBase) {
  // The test stack's Utrecht (7) is national rows 5000–5159, cols 5020–5099: grown to whole tiles
  // (rows 4864–5375, cols 4864–5119) and cut to the base's window (rows 5000–5159, cols 5000–5199).
  const auto s =
      ingest(config("[layer marsh]\nvariable = marsh_elevation\nvalue = 1\n"), base(), std::nullopt, "utrecht");
  EXPECT_EQ(s.window, (grid::GridWindow{5000, 5000, 160, 120}));
  EXPECT_EQ(s.region, "utrecht");
  // As in `polder synth --region`, the territory is the province's cells only.
  EXPECT_EQ(s.territory_cells, 160 * 80);
  const auto province = read<std::uint8_t>(path("out.nc"), "province");
  const auto glg = read<float>(path("out.nc"), "glg");
  EXPECT_EQ(province[50 * 120 + 10], 0);   // outside the territory (col 5010)
  EXPECT_EQ(province[50 * 120 + 99], 7);   // Utrecht (col 5099)
  EXPECT_EQ(province[50 * 120 + 100], 0);  // Gelderland (col 5100): outside the region
  EXPECT_EQ(glg[50 * 120 + 110], -9999.0F);
  try {
    ingest(config("[layer marsh]\nvariable = marsh_elevation\nvalue = 1\n"), base(), std::nullopt, "utreht");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_HAS(std::string(e.what()), "unknown region 'utreht' (did you mean 'utrecht'?)");
  }
}

TEST_F(IngestTest, WithoutBaseEveryVariableMustBeGiven) {
  const auto msg =
      ingest_error(config("[ingest]\nforest_reference_year = 2020\n"
                          "[layer lu]\nvariable = land_use\nmap_year = 2021\nvalue = 3\n"
                          "[layer soil]\nvariable = soil\nvalue = 1\n"));
  EXPECT_HAS(msg,
             "without --base every input-stack variable must come from a layer; missing: territory, province, "
             "peat_thickness, glg, ghg, ditch_fraction, forest_species, forest_age, yield_class, standing_volume, "
             "marsh_elevation, seagrass_since.");
}

TEST_F(IngestTest, AStackFromLayersAlone) {
  // A real-data-only stack: territory from a polygon, land use for two map years from rasters, the
  // rest constants. Map years come from the land_use layers.
  const std::string rd = "EPSG:28992";
  const auto w = k_window;
  gd::write_polygons(
      path("nl.gpkg"), rd, "nl", "name", true,
      {{"POLYGON((125500 511500,129500 511500,129500 514500,125500 514500,125500 511500))", std::string("nl")}});
  gd::RasterSpec lu;
  lu.srs = rd;
  lu.nx = w.n_cols;
  lu.ny = w.n_rows;
  const double gt[6] = {w.x_west_m(), 25, 0, w.y_north_m(), 0, -25};
  std::copy(gt, gt + 6, lu.geotransform);
  lu.bands = {std::vector<double>(static_cast<std::size_t>(w.size()), 11),
              std::vector<double>(static_cast<std::size_t>(w.size()), 1)};
  gd::write_raster(path("lgn.tif"), lu);
  std::string text =
      "[ingest]\nforest_reference_year = 2019\ntitle = layers only\n"
      "[layer territory]\nvariable = territory\nsource = nl.gpkg\nvalue = 1\n"
      "[layer lu2013]\nvariable = land_use\nmap_year = 2013\nsource = lgn.tif\nclassmap = " +
      classmaps() +
      "/lgn_to_polder.ini\n"
      "[layer lu2021]\nvariable = land_use\nmap_year = 2021\nsource = lgn.tif\nband = 2\nclassmap = " +
      classmaps() + "/lgn_to_polder.ini\n";
  for (const auto& [var, value] : std::vector<std::pair<std::string, std::string>>{{"province", "7"},
                                                                                   {"soil", "1"},
                                                                                   {"peat_thickness", "0"},
                                                                                   {"glg", "120"},
                                                                                   {"ghg", "40"},
                                                                                   {"ditch_fraction", "0.05"},
                                                                                   {"forest_species", "1"},
                                                                                   {"forest_age", "45"},
                                                                                   {"yield_class", "2"},
                                                                                   {"standing_volume", "210"},
                                                                                   {"marsh_elevation", "0"},
                                                                                   {"seagrass_since", "0"}})
    text += "[layer " + var + "]\nvariable = " + var + "\nvalue = " + value + "\n";
  const auto s = ingest(config(text), "", w);
  EXPECT_EQ(s.map_years, (std::vector<std::int32_t>{2013, 2021}));
  EXPECT_EQ(s.territory_cells, 160 * 120);
  EXPECT_TRUE(s.from_base.empty());
  io::NcFile f(self(), path("out.nc"), io::NcFile::Mode::read);
  const auto info = io::check_stack_metadata(f);
  EXPECT_EQ(info.forest_reference_year, 2019);
  EXPECT_EQ(info.region, "window");
  EXPECT_NO_THROW(io::check_stack_values(f, info, self()));
  f.close();
  const auto lu2013 = read<std::uint8_t>(path("out.nc"), "land_use", 0);
  const auto lu2021 = read<std::uint8_t>(path("out.nc"), "land_use", 1);
  const std::size_t mid = 80 * 200 + 100;
  EXPECT_EQ(lu2013[mid], 1);  // LGN 11 loofbos -> forest
  EXPECT_EQ(lu2021[mid], 3);  // LGN 1 agrarisch gras -> agricultural grassland
  EXPECT_EQ(lu2021[0], 0);
}

TEST_F(IngestTest, AStackThatFailsTheChecksIsNeverWritten) {
  // glg = 10 cm everywhere makes the base's ghg (deeper) impossible: ghg <= glg fails.
  const auto msg = ingest_error(config("[layer glg]\nvariable = glg\nvalue = 10\n"), base());
  EXPECT_HAS(msg, "fails the input checks, so nothing was written");
  EXPECT_HAS(msg, "input file '" + path("out.nc") + "': variable 'ghg'");
  EXPECT_HAS(msg, "expected at most glg = 10 cm");
  EXPECT_FALSE(std::filesystem::exists(path("out.nc")));
  EXPECT_FALSE(std::filesystem::exists(path("out.nc.partial-ingest")));
}

TEST_F(IngestTest, NoDataInsideTheTerritoryNeedsAMissingValue) {
  gd::RasterSpec spec;
  spec.srs = "EPSG:28992";
  spec.nx = 40;
  spec.ny = 40;
  const double gt[6] = {k_window.x_west_m() + 1000, 25, 0, k_window.y_north_m(), 0, -25};
  std::copy(gt, gt + 6, spec.geotransform);
  spec.bands.emplace_back(1600, 5.0);
  gd::write_raster(path("small.tif"), spec);
  const auto msg = ingest_error(config("[layer m]\nvariable = marsh_elevation\nsource = small.tif\n"), base());
  EXPECT_HAS(msg, "layer 'm' ('" + path("small.tif") +
                      "') has no data for 'marsh_elevation' at the cell centred on "
                      "x = 125512.5 m, y = 514987.5 m (RD New; national row 5000, col 5020), which lies inside the "
                      "territory; cover the territory or give 'missing = VALUE'");
}

TEST_F(IngestTest, AnExistingOutputNeedsForce) {
  gd::write_text(path("out.nc"), "not a stack");
  io::ingest::IngestRequest r;
  r.config_path = config("[layer m]\nvariable = marsh_elevation\nvalue = 1\n");
  r.output_path = path("out.nc");
  r.base_path = base();
  EXPECT_THROW(io::ingest::run_ingest(r, self()), ConfigError);
  r.force = true;
  EXPECT_NO_THROW(io::ingest::run_ingest(r, self()));
  r.output_path = base();
  EXPECT_THROW(io::ingest::run_ingest(r, self()), ConfigError);
}

#endif  // POLDER_HAVE_GDAL
