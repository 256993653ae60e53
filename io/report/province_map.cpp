#include "io/report/province_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/report/svg.hpp"

namespace polder::io::report {
namespace {

// The national grid's extent (solver/grid/national_grid.hpp): x 0-285 km, y 300-640 km.
constexpr double k_x_min = 0.0, k_x_max = 285000.0, k_y_min = 300000.0, k_y_max = 640000.0;

std::string hex(int r, int g, int b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", std::clamp(r, 0, 255), std::clamp(g, 0, 255), std::clamp(b, 0, 255));
  return buf;
}

}  // namespace

std::string diverging_colour(double v, double extent) {
  const double t = extent > 0 ? std::clamp(v / extent, -1.0, 1.0) : 0.0;
  // White at zero, to #b2182b (emissions) and #2166ac (removals).
  const auto mix = [](double a, double b, double s) { return static_cast<int>(std::lround(a + (b - a) * s)); };
  const double s = std::sqrt(std::fabs(t));
  if (t >= 0) return hex(mix(247, 178, s), mix(247, 24, s), mix(247, 43, s));
  return hex(mix(247, 33, s), mix(247, 102, s), mix(247, 172, s));
}

std::string province_choropleth(const std::vector<ProvinceShape>& shapes, const std::vector<ProvinceValue>& values,
                                const std::string& title, const std::string& units, double width) {
  const double map_w = width - 150;
  const double scale = map_w / (k_x_max - k_x_min);
  const double map_h = (k_y_max - k_y_min) * scale;
  const double top = 40;
  const double height = top + map_h + 20;
  double extent = 0.0;
  for (const auto& v : values)
    if (v.value) extent = std::max(extent, std::fabs(*v.value));
  if (extent == 0.0) extent = 1.0;
  Svg svg(width, height, title);
  svg.text(10, 24, title, 15, "start", true);
  for (const auto& s : shapes) {
    std::string d;
    for (const auto& ring : s.rings) {
      for (std::size_t i = 0; i < ring.size(); ++i) {
        const double x = (ring[i].first - k_x_min) * scale;
        const double y = top + (k_y_max - ring[i].second) * scale;
        d += i == 0 ? 'M' : 'L';
        d += fixed(x, 1);
        d += ' ';
        d += fixed(y, 1);
      }
      d += "Z";
    }
    const auto& v = values.at(static_cast<std::size_t>(s.province0));
    const std::string fill = v.value ? diverging_colour(*v.value, extent) : "#e0e0e0";
    const std::string tip = s.name + ": " +
                            (v.value ? grouped(*v.value, 2) + " " + units : std::string("not in this run")) +
                            (v.detail.empty() ? "" : " (" + v.detail + ")");
    svg.path(d, fill, "#424242", 0.8, tip);
  }
  // Legend: a vertical colour bar from -extent to +extent.
  const double lx = map_w + 30, ly = top + 20, lh = 220;
  for (int k = 0; k < 44; ++k) {
    const double v = extent * (1.0 - 2.0 * (k + 0.5) / 44.0);
    svg.rect(lx, ly + lh * k / 44.0, 18, lh / 44.0 + 0.6, diverging_colour(v, extent));
  }
  svg.rect(lx, ly, 18, lh, "none", {}, "#616161");
  for (const double f : {1.0, 0.5, 0.0, -0.5, -1.0}) {
    const double y = ly + lh * (1.0 - f) / 2.0;
    svg.line(lx + 18, y, lx + 23, y, "#616161");
    svg.text(lx + 26, y + 4, grouped(extent * f, extent * 0.5 < 1 ? 2 : 1), 11);
  }
  svg.text(lx, ly - 8, units, 11, "start", true);
  svg.text(lx, ly + lh + 18, "emissions +", 11, "start", false, "#b2182b");
  svg.text(lx, ly + lh + 34, "removals \u2212", 11, "start", false, "#2166ac");
  svg.rect(lx, ly + lh + 46, 18, 12, "#e0e0e0", {}, "#616161");
  svg.text(lx + 24, ly + lh + 56, "not in run", 11);
  return svg.str();
}

}  // namespace polder::io::report
