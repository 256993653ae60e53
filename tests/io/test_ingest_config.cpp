// The ingest config and class-map files: every mistake is a ConfigError naming the file (and line).
#ifdef POLDER_HAVE_GDAL

#include "io/ingest/class_map.hpp"
#include "io/ingest/ingest_config.hpp"
#include "solver/core/error.hpp"
#include "tests/io/ingest_test_files.hpp"

using namespace polder;
using polder::testing::IngestTest;
namespace ig = polder::io::ingest;
namespace gd = polder::testing::gdal;

namespace {
std::string config_error(const std::string& file) {
  try {
    ig::read_ingest_config(file);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_F(IngestTest, ConfigDefaultsAndPaths) {
  const auto c =
      ig::read_ingest_config(config("[ingest]\nforest_reference_year = 2021  # NBI7\n"
                                    "[layer lu]\nvariable = land_use\nmap_year = 2021\nsource = maps/lu.tif\n"
                                    "[layer glg]\nvariable = glg\nsource = /abs/glg.asc\n"
                                    "[layer soil]\nvariable = soil\nsource = soil.gpkg\nattribute = code\n"));
  ASSERT_EQ(c.layers.size(), 3U);
  EXPECT_EQ(c.forest_reference_year, 2021);
  EXPECT_EQ(c.layers[0].source, path("maps/lu.tif"));
  EXPECT_EQ(c.layers[0].resampling, ig::Resampling::mode);
  EXPECT_EQ(c.layers[0].kind, ig::SourceKind::raster);
  EXPECT_EQ(c.layers[1].source, "/abs/glg.asc");
  EXPECT_EQ(c.layers[1].resampling, ig::Resampling::average);
  EXPECT_EQ(c.layers[2].kind, ig::SourceKind::vector);
  EXPECT_EQ(c.layer_for("land_use", 2021), &c.layers[0]);
  EXPECT_EQ(c.layer_for("land_use", 2017), nullptr);
}

TEST_F(IngestTest, ConfigMistakes) {
  EXPECT_HAS(config_error(config("[layer a]\nvariable = glg\nsorce = x.tif\n")),
             "ingest.ini:3: unknown key 'sorce' in [layer a] (did you mean 'source'?)");
  EXPECT_HAS(config_error(config("[layer a]\nvariable = gl\nsource = x.tif\n")),
             "'gl' is not an input-stack variable (did you mean 'glg'?)");
  EXPECT_HAS(config_error(config("[layer a]\nvariable = land_use\nsource = x.tif\n")), "key 'map_year' is missing");
  EXPECT_HAS(config_error(config("[layer a]\nvariable = soil\nmap_year = 2021\nsource = x.tif\n")),
             "only land_use takes map_year");
  EXPECT_HAS(config_error(config("[layer a]\nvariable = soil\nsource = x.tif\nmethod = average\n")),
             "holds class codes; averaging them makes no sense");
  EXPECT_HAS(config_error(config("[layer a]\nvariable = glg\nsource = x.tif\nmethod = bilinear\n")),
             "method must be nearest, mode or average");
  EXPECT_HAS(config_error(config("[layer a]\nvariable = glg\nsource = x.tif\n[layer b]\nvariable = glg\nvalue = 3\n")),
             "writes 'glg', as");
  EXPECT_HAS(config_error(config("[layer a]\nvariable = glg\n")), "a layer without 'source' needs 'value'");
  EXPECT_HAS(config_error(config("[ingest]\nforest_reference_yr = 2021\n[layer a]\nvariable = glg\nvalue = 1\n")),
             "unknown key 'forest_reference_yr' in [ingest] (did you mean 'forest_reference_year'?)");
  EXPECT_HAS(config_error(config("[lyer a]\nvariable = glg\nvalue = 1\n")), "is neither [ingest] nor [layer NAME]");
  EXPECT_HAS(config_error(config("[ingest]\ntitle = x\n")), "nothing to ingest");
  EXPECT_HAS(config_error(config("[layer a]\nvariable = glg\nsource = x.tif\nclassmap = m.ini\n")),
             "is a continuous field; class maps are for class and integer variables");
}

TEST_F(IngestTest, ClassMapTargetsAreCheckedAgainstTheVariable) {
  const auto& lu = io::stack_variable("land_use");
  gd::write_text(path("m.ini"), "[classmap]\nvariable = land_use\n[codes]\n1 = forest\n2 = grasland_agri\n");
  try {
    ig::ClassMap::load(path("m.ini"), lu);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_HAS(std::string(e.what()),
               "m.ini:5: 'grasland_agri' is not a land_use class (did you mean 'grassland_agri'?)");
  }
  gd::write_text(path("m.ini"), "[classmap]\nvariable = soil\n[codes]\n1 = sand\n");
  EXPECT_THROW(ig::ClassMap::load(path("m.ini"), lu), ConfigError);
  gd::write_text(path("m.ini"), "[codes]\n1 = 18\n");
  EXPECT_THROW(ig::ClassMap::load(path("m.ini"), lu), ConfigError);
  gd::write_text(path("m.ini"), "[codes]\nhV* = peat\nV* = peaty\nVs = sand\n0 = nodata\n");
  const auto soil = ig::ClassMap::load(path("m.ini"), io::stack_variable("soil"));
  EXPECT_EQ(soil.lookup(std::string("hVb")).value, 5);
  EXPECT_EQ(soil.lookup(std::string("Vz")).value, 6);
  EXPECT_EQ(soil.lookup(std::string("Vs")).value, 1);
  EXPECT_EQ(soil.lookup(0.0).kind, ig::ClassMap::Kind::nodata);
  EXPECT_EQ(soil.lookup(std::string("Zn")).kind, ig::ClassMap::Kind::unknown);
  EXPECT_EQ(soil.lookup(2.5).kind, ig::ClassMap::Kind::unknown);
}

TEST_F(IngestTest, TheShippedClassMapsLoad) {
  EXPECT_NO_THROW(ig::ClassMap::load(classmaps() + "/lgn_to_polder.ini", io::stack_variable("land_use")));
  EXPECT_NO_THROW(ig::ClassMap::load(classmaps() + "/bkn_to_polder.ini", io::stack_variable("land_use")));
  EXPECT_NO_THROW(ig::ClassMap::load(classmaps() + "/bodemkaart_to_polder.ini", io::stack_variable("soil")));
  EXPECT_NO_THROW(ig::ClassMap::load(classmaps() + "/provinces_to_polder.ini", io::stack_variable("province")));
  const auto lgn = ig::ClassMap::load(classmaps() + "/lgn_to_polder.ini", io::stack_variable("land_use"));
  EXPECT_EQ(lgn.lookup(12.0).value, 1);   // naaldbos -> forest
  EXPECT_EQ(lgn.lookup(30.0).value, 16);  // kwelders -> salt marsh
  EXPECT_EQ(lgn.lookup(7.0).kind, ig::ClassMap::Kind::unknown);
  const auto example = ig::read_ingest_config(classmaps() + "/../ingest/example.ini");
  EXPECT_EQ(example.layers.size(), 4U);
}

#endif  // POLDER_HAVE_GDAL
