#include "io/render/map_picture.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/render/bitmap_font.hpp"
#include "io/render/palette.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::io::render {
namespace {

constexpr int k_margin = 16;

struct Scales {
  int title;  ///< font scale of the title
  int text;   ///< font scale of subtitle, legend and scale bar
};
Scales scales_for(const LayerGrid& grid) { return grid.height >= 600 ? Scales{3, 2} : Scales{2, 1}; }

std::string kha(double cells) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f kha", cells * grid::NationalGrid::cell_area_ha / 1000.0);
  return buf;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, std::abs(v) >= 100 || v == std::round(v) ? "%.0f" : "%.2g", v);
  return buf;
}

/// Legend of a class layer: swatch, label, area. Returns its size.
std::pair<int, int> class_legend(RgbImage* image, const LayerGrid& grid, const VariableSpec& spec, int x, int y,
                                 int s) {
  auto palette = class_palette(spec);
  std::vector<ClassStyle> shown;
  for (const auto& c : palette)
    if (grid.class_cells.empty() || grid.class_cells[static_cast<std::size_t>(c.code)] > 0) shown.push_back(c);
  if (shown.empty()) shown = palette;
  const int line = 14 * s, swatch = 10 * s;
  int label_w = text_width("Territory", s);
  for (const auto& c : shown) label_w = std::max(label_w, text_width(c.label, s));
  const int area_x = x + swatch + 8 * s + label_w + 12 * s;
  int area_w = 0;
  int yy = y;
  for (const auto& c : shown) {
    const std::string area =
        grid.class_cells.empty() ? "" : kha(static_cast<double>(grid.class_cells[static_cast<std::size_t>(c.code)]));
    area_w = std::max(area_w, text_width(area, s));
    if (image != nullptr) {
      image->fill_rect(x, yy, swatch, swatch, c.colour);
      image->frame(x, yy, swatch, swatch, k_ink);
      draw_text(*image, x + swatch + 8 * s, yy + (swatch - 7 * s) / 2, c.label, k_ink, s);
      draw_text(*image, area_x, yy + (swatch - 7 * s) / 2, area, k_ink, s);
    }
    yy += line;
  }
  const std::string total = kha(static_cast<double>(grid.territory_cells));
  area_w = std::max(area_w, text_width(total, s));
  yy += 4 * s;
  if (image != nullptr) {
    image->fill_rect(x, yy - 3 * s, area_x - x + area_w, 1, k_ink);
    draw_text(*image, x + swatch + 8 * s, yy, "Territory", k_ink, s);
    draw_text(*image, area_x, yy, total, k_ink, s);
  }
  return {area_x - x + area_w, yy + line - y};
}

/// Legend of a continuous layer: a vertical colour bar with ticks. Returns its size.
std::pair<int, int> ramp_legend(RgbImage* image, const LayerGrid& grid, const VariableSpec& spec, int x, int y, int s) {
  const Ramp ramp = ramp_for(spec);
  const int bar_w = 20 * s, bar_h = std::clamp(grid.height / 2, 120 * s, 240 * s);
  const int top = y + 12 * s;
  int w = text_width(ramp.units.empty() ? "value" : ramp.units, s);
  if (image != nullptr) draw_text(*image, x, y, ramp.units.empty() ? "value" : ramp.units, k_ink, s);
  for (int i = 0; i < bar_h; ++i) {
    const double v = ramp.high - (ramp.high - ramp.low) * i / (bar_h - 1);
    if (image != nullptr) image->fill_rect(x, top + i, bar_w, 1, ramp.colour(v));
  }
  if (image != nullptr) image->frame(x - 1, top - 1, bar_w + 2, bar_h + 2, k_ink);
  for (int t = 0; t <= 4; ++t) {
    const double v = ramp.high - (ramp.high - ramp.low) * t / 4;
    const int ty = top + (bar_h - 1) * t / 4;
    std::string label = number(v);
    if (t == 0) label = ">= " + label;
    if (t == 4 && ramp.low > spec.valid_min) label = "<= " + label;
    w = std::max(w, bar_w + 10 * s + text_width(label, s));
    if (image != nullptr) {
      image->fill_rect(x + bar_w, ty, 4 * s, 1, k_ink);
      draw_text(*image, x + bar_w + 8 * s, ty - 3 * s, label, k_ink, s);
    }
  }
  int yy = top + bar_h + 12 * s;
  const std::string range =
      grid.min <= grid.max ? "data " + number(grid.min) + " to " + number(grid.max) : std::string("no data");
  w = std::max(w, text_width(range, s));
  if (image != nullptr) draw_text(*image, x, yy, range, k_ink, s);
  yy += 14 * s;
  const std::string total = "Territory " + kha(static_cast<double>(grid.territory_cells));
  w = std::max(w, text_width(total, s));
  if (image != nullptr) draw_text(*image, x, yy, total, k_ink, s);
  return {w, yy + 14 * s - y};
}

/// A distance scale bar of a round length about a quarter of the map's width.
int scale_bar(RgbImage* image, const LayerGrid& grid, int x, int y, int s) {
  const double m_per_px = grid::NationalGrid::cell_size_m * grid.scale;
  const double target_km = grid.width / 4.0 * m_per_px / 1000.0;
  const double decade = std::pow(10.0, std::floor(std::log10(target_km)));
  double km = decade;
  for (const double f : {2.0, 5.0})
    if (decade * f <= target_km) km = decade * f;
  const int len = static_cast<int>(std::lround(km * 1000.0 / m_per_px));
  if (image != nullptr) {
    image->fill_rect(x, y, len, 3 * s, k_ink);
    image->fill_rect(x + len / 2, y + s, len - len / 2 - s, s, k_paper);
    image->fill_rect(x, y - 2 * s, s, 5 * s, k_ink);
    image->fill_rect(x + len - s, y - 2 * s, s, 5 * s, k_ink);
    const std::string label = number(km) + " km";
    draw_text(*image, x + len + 8 * s, y - 2 * s, label, k_ink, s);
  }
  return 10 * s;
}

}  // namespace

MapPlacement map_placement(const LayerGrid& grid) {
  const auto sc = scales_for(grid);
  return {k_margin, k_margin + 9 * sc.title + 9 * sc.text + 14};
}

RgbImage draw_map(const LayerGrid& grid, const VariableSpec& spec, const MapText& text) {
  const auto sc = scales_for(grid);
  const auto place = map_placement(grid);
  const int legend_x = place.left + grid.width + 24 + 8 * sc.text;
  const auto legend =
      grid.classes ? class_legend(nullptr, grid, spec, 0, 0, sc.text) : ramp_legend(nullptr, grid, spec, 0, 0, sc.text);
  const int bar_y = place.top + grid.height + 10 * sc.text;
  const int width = std::max({legend_x + legend.first + k_margin, k_margin * 2 + text_width(text.title, sc.title),
                              k_margin * 2 + text_width(text.subtitle, sc.text)});
  const int height =
      std::max(bar_y + scale_bar(nullptr, grid, 0, 0, sc.text) + k_margin, place.top + legend.second + k_margin);

  RgbImage image(width, height, k_paper);
  draw_text(image, k_margin, k_margin, text.title, k_ink, sc.title);
  draw_text(image, k_margin, k_margin + 9 * sc.title + 4, text.subtitle, k_ink, sc.text);
  const Ramp ramp = grid.classes ? Ramp{} : ramp_for(spec);
  std::vector<Rgb> colours(256, k_no_data);
  if (grid.classes)
    for (const auto& c : class_palette(spec)) colours[static_cast<std::size_t>(c.code)] = c.colour;
  for (int y = 0; y < grid.height; ++y)
    for (int x = 0; x < grid.width; ++x) {
      const auto i = static_cast<std::size_t>(y) * static_cast<std::size_t>(grid.width) + static_cast<std::size_t>(x);
      Rgb c = k_outside;
      if (grid.classes) {
        if (grid.codes[i] >= 0) c = colours[static_cast<std::size_t>(grid.codes[i])];
      } else if (!std::isnan(grid.values[i])) {
        c = ramp.colour(static_cast<double>(grid.values[i]));
      }
      image.set(place.left + x, place.top + y, c);
    }
  image.frame(place.left - 1, place.top - 1, grid.width + 2, grid.height + 2, k_ink);
  if (grid.classes)
    class_legend(&image, grid, spec, legend_x, place.top, sc.text);
  else
    ramp_legend(&image, grid, spec, legend_x, place.top, sc.text);
  scale_bar(&image, grid, place.left, bar_y, sc.text);
  return image;
}

}  // namespace polder::io::render
