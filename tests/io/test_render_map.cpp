// PNG maps: a tiny stack renders at the expected size, map pixels carry the class colours (or the
// ramp colour of the mean), the legend shows the classes present, and the text is drawn.

#include <gtest/gtest.h>
#include <mpi.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "io/render/bitmap_font.hpp"
#include "io/render/layer_grid.hpp"
#include "io/render/map_picture.hpp"
#include "io/render/palette.hpp"
#include "io/render/rgb_image.hpp"
#include "io/render/stack_map.hpp"
#include "solver/core/error.hpp"
#include "tests/support/test_stack.hpp"

using namespace polder;
using namespace polder::io::render;
namespace fs = std::filesystem;

namespace {

class RenderMap : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("polder_render_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::create_directories(m_dir);
    m_stack = (m_dir / "stack.nc").string();
    polder::testing::write_test_stack(comm(), m_stack);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  static const parallel::Comm& comm() {
    static const auto c = parallel::Comm::borrow(MPI_COMM_SELF);
    return c;
  }
  template <typename T>
  std::vector<T> read(const std::string& var, int year = -1) const {
    io::NcFile f(comm(), m_stack, io::NcFile::Mode::read);
    std::vector<T> v(160 * 200);
    if (year >= 0)
      f.read<T>(var, {static_cast<std::size_t>(year), 0, 0}, {1, 160, 200}, std::span<T>(v));
    else
      f.read<T>(var, {0, 0}, {160, 200}, std::span<T>(v));
    return v;
  }
  MapResult draw(const MapRequest& r) const {
    io::NcFile f(comm(), m_stack, io::NcFile::Mode::read);
    const auto info = io::check_stack_metadata(f);
    return draw_stack_map(f, info, r, comm());
  }
  fs::path m_dir;
  std::string m_stack;
};

bool contains_colour(const RgbImage& img, int x0, int y0, int x1, int y1, Rgb c) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      if (img.at(x, y) == c) return true;
  return false;
}

}  // namespace

TEST_F(RenderMap, LandUseCellsCarryTheirClassColours) {
  MapRequest r;
  r.png_path = (m_dir / "lu.png").string();
  const auto res = draw(r);
  EXPECT_EQ(res.scale, 1);
  EXPECT_EQ(res.year, io::default_map_years().back());  // the latest map by default
  const auto img = RgbImage::read_png(r.png_path);
  EXPECT_EQ(img.width(), res.width);
  EXPECT_EQ(img.height(), res.height);

  LayerGrid grid;  // the placement depends only on the picture size class
  grid.width = 200;
  grid.height = 160;
  const auto at = map_placement(grid);
  const auto lu = read<std::uint8_t>("land_use", 6);
  const auto territory = read<std::uint8_t>("territory");
  std::map<int, Rgb> colour;
  for (const auto& c : class_palette(io::stack_variable("land_use"))) colour[c.code] = c.colour;
  for (int y = 0; y < 160; ++y)
    for (int x = 0; x < 200; ++x) {
      const auto k = static_cast<std::size_t>(y * 200 + x);
      const Rgb expected = territory[k] ? colour.at(lu[k]) : k_outside;
      ASSERT_EQ(img.at(at.left + x, at.top + y), expected) << x << "," << y;
    }
  // The frame around the map, a legend swatch for every class present, and the title's ink.
  EXPECT_EQ(img.at(at.left - 1, at.top - 1), k_ink);
  for (int code = 1; code <= 17; ++code) {
    if (std::count(lu.begin(), lu.end(), code) > 0) {
      EXPECT_TRUE(contains_colour(img, at.left + 201, at.top, img.width(), img.height(), colour.at(code))) << code;
    }
  }
  EXPECT_TRUE(contains_colour(img, 0, 0, img.width(), at.top - 2, k_ink));
}

TEST_F(RenderMap, DownsamplingTakesTheMostFrequentClass) {
  MapRequest r;
  r.png_path = (m_dir / "soil.png").string();
  r.layer = "soil";
  r.scale = 4;
  draw(r);
  const auto img = RgbImage::read_png(r.png_path);
  LayerGrid grid;
  grid.width = 50;
  grid.height = 40;
  const auto at = map_placement(grid);
  const auto soil = read<std::uint8_t>("soil");
  const auto territory = read<std::uint8_t>("territory");
  std::map<int, Rgb> colour;
  for (const auto& c : class_palette(io::stack_variable("soil"))) colour[c.code] = c.colour;
  for (int py = 0; py < 40; ++py)
    for (int px = 0; px < 50; ++px) {
      int counts[8] = {};  // 0: outside, 1 + soil code
      for (int y = py * 4; y < py * 4 + 4; ++y)
        for (int x = px * 4; x < px * 4 + 4; ++x) {
          const auto k = static_cast<std::size_t>(y * 200 + x);
          ++counts[territory[k] ? soil[k] + 1 : 0];
        }
      const auto best = static_cast<int>(std::max_element(counts, counts + 8) - counts);
      ASSERT_EQ(img.at(at.left + px, at.top + py), best == 0 ? k_outside : colour.at(best - 1)) << px << "," << py;
    }
}

TEST_F(RenderMap, ContinuousLayerUsesTheRampOfTheMean) {
  MapRequest r;
  r.png_path = (m_dir / "glg.png").string();
  r.layer = "glg";
  r.scale = 2;
  draw(r);
  const auto img = RgbImage::read_png(r.png_path);
  LayerGrid grid;
  grid.width = 100;
  grid.height = 80;
  const auto at = map_placement(grid);
  const auto glg = read<float>("glg");
  const auto ramp = ramp_for(io::stack_variable("glg"));
  for (int py = 0; py < 80; py += 7)
    for (int px = 10; px < 100; px += 9) {
      double sum = 0;
      for (int y = py * 2; y < py * 2 + 2; ++y)
        for (int x = px * 2; x < px * 2 + 2; ++x)
          sum += static_cast<double>(glg[static_cast<std::size_t>(y * 200 + x)]);
      ASSERT_EQ(img.at(at.left + px, at.top + py), ramp.colour(static_cast<double>(static_cast<float>(sum / 4))))
          << px << "," << py;
    }
  EXPECT_EQ(img.at(at.left, at.top), k_outside);  // west columns lie outside the territory
  // The colour bar shows the deepest colour of the ramp.
  EXPECT_TRUE(contains_colour(img, at.left + 101, at.top, img.width(), img.height(), ramp.stops.back()));
}

TEST_F(RenderMap, BadLayerOrYearIsAConfigError) {
  MapRequest r;
  r.png_path = (m_dir / "x.png").string();
  r.layer = "landuse";
  try {
    draw(r);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("(did you mean 'land_use'?)"), std::string::npos) << e.what();
  }
  r.layer = "land_use";
  r.year = 2000;
  EXPECT_THROW(draw(r), ConfigError);
  r.year = 1990;
  r.png_path = (m_dir / "no/such/folder/x.png").string();
  EXPECT_THROW(draw(r), InputError);
}

TEST(BitmapFont, DrawsGlyphsOfTheAdvertisedSize) {
  EXPECT_EQ(text_width("AB"), 11);
  EXPECT_EQ(text_width("AB", 2), 22);
  EXPECT_EQ(text_width("Fryslân"), text_width("Fryslan"));
  RgbImage img(20, 10, k_paper);
  EXPECT_EQ(draw_text(img, 1, 1, "I", k_ink), 7);
  // 'I': a bar on the top and bottom rows, a stem in the middle column.
  EXPECT_EQ(img.at(2, 1), k_ink);
  EXPECT_EQ(img.at(4, 1), k_ink);
  EXPECT_EQ(img.at(3, 4), k_ink);
  EXPECT_EQ(img.at(2, 4), k_paper);
  EXPECT_EQ(img.at(1, 1), k_paper);
}

TEST(RgbImage, PngRoundTrip) {
  const auto path = (fs::temp_directory_path() / "polder_roundtrip.png").string();
  RgbImage img(7, 5, {1, 2, 3});
  img.set(6, 4, {200, 100, 50});
  img.write_png(path);
  const auto back = RgbImage::read_png(path);
  EXPECT_EQ(back.width(), 7);
  EXPECT_EQ(back.at(0, 0), (Rgb{1, 2, 3}));
  EXPECT_EQ(back.at(6, 4), (Rgb{200, 100, 50}));
  fs::remove(path);
}
