#include "io/report/svg_charts.hpp"

#include <algorithm>
#include <cmath>

#include "io/report/svg.hpp"

namespace polder::io::report {
namespace {

constexpr double k_left = 84, k_right = 24, k_top = 44;

/// The plot area of a chart and its axes.
struct Plot {
  double x0, x1, y0, y1;  ///< pixel box: x0 left, x1 right, y0 top, y1 bottom
  double lo, hi;          ///< value range of the y axis
  std::size_t n;          ///< number of x slots
  double y(double v) const { return y1 - (v - lo) / (hi - lo) * (y1 - y0); }
  double slot() const { return (x1 - x0) / static_cast<double>(std::max<std::size_t>(n, 1)); }
  double x(std::size_t i) const { return x0 + (static_cast<double>(i) + 0.5) * slot(); }
};

double legend_height(std::size_t items, double width) {
  const auto per_row = static_cast<std::size_t>(std::max(1.0, (width - k_left) / 240.0));
  return 22.0 * static_cast<double>((items + per_row - 1) / per_row);  // NOLINT(bugprone-integer-division): whole rows
}

Plot frame(Svg& svg, const ChartFrame& f, double lo, double hi, double legend_rows_px) {
  const Ticks t = nice_ticks(lo, hi);
  Plot p{k_left, f.width - k_right, k_top, f.height - 46 - legend_rows_px, t.lo, t.hi, f.years.size()};
  svg.text(k_left, 24, f.title, 16, "start", true);
  for (const double v : t.values) {
    const double y = p.y(v);
    svg.line(p.x0, y, p.x1, y, v == 0.0 ? "#555" : "#e3e3e3", v == 0.0 ? 1.2 : 1.0);
    svg.text(p.x0 - 8, y + 4, grouped(v, t.step < 1 ? 1 : 0), 11, "end");
  }
  svg.text(18, (p.y0 + p.y1) / 2, f.y_label, 12, "middle", false, "#222", -90);
  const std::size_t every = p.n <= 12 ? 1 : p.n <= 30 ? 2 : 5;
  for (std::size_t i = 0; i < p.n; ++i) {
    const int year = f.years[i];
    if (year % static_cast<int>(every) != 0 && i != 0 && i + 1 != p.n) continue;
    svg.line(p.x(i), p.y1, p.x(i), p.y1 + 4, "#555");
    svg.text(p.x(i), p.y1 + 17, std::to_string(year), 11, "middle");
  }
  svg.line(p.x0, p.y1, p.x1, p.y1, "#555");
  return p;
}

void legend(Svg& svg, const ChartFrame& f, double top, const std::vector<std::pair<std::string, std::string>>& items,
            bool line_items = false) {
  double x = k_left, y = top;
  for (const auto& [name, color] : items) {
    if (x + 240 > f.width) {
      x = k_left;
      y += 22;
    }
    if (line_items) {
      svg.line(x, y - 4, x + 18, y - 4, color, 3);
    } else {
      svg.rect(x, y - 11, 14, 14, color);
    }
    svg.text(x + 22, y, name, 12);
    x += 240;
  }
}

std::string value_text(double v) { return grouped(v, std::fabs(v) >= 100 ? 0 : 1); }

}  // namespace

std::string stacked_bar_chart(const ChartFrame& f, const std::vector<ChartSeries>& parts,
                              const std::optional<ChartSeries>& total, const std::optional<ChartBand>& band) {
  const std::size_t n = f.years.size();
  double lo = 0.0, hi = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    double pos = 0.0, neg = 0.0;
    for (const auto& s : parts) (s.values[i] >= 0 ? pos : neg) += std::isnan(s.values[i]) ? 0.0 : s.values[i];
    lo = std::min(lo, neg);
    hi = std::max(hi, pos);
    if (band) {
      lo = std::min(lo, band->low[i]);
      hi = std::max(hi, band->high[i]);
    }
  }
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& s : parts) items.emplace_back(s.name, s.color);
  if (total) items.emplace_back(total->name, total->color);
  if (band) items.emplace_back(band->name, "#9e9e9e");
  const double lh = legend_height(items.size(), f.width);
  Svg svg(f.width, f.height, f.title);
  const Plot p = frame(svg, f, lo, hi, lh);
  const double w = p.slot() * 0.78;
  for (std::size_t i = 0; i < n; ++i) {
    double pos = 0.0, neg = 0.0;
    for (const auto& s : parts) {
      const double v = s.values[i];
      if (std::isnan(v) || v == 0.0) continue;
      const double from = v > 0 ? pos : neg, to = from + v;
      (v > 0 ? pos : neg) = to;
      svg.rect(p.x(i) - w / 2, p.y(std::max(from, to)), w, std::fabs(p.y(from) - p.y(to)), s.color,
               s.name + ", " + std::to_string(f.years[i]) + ": " + value_text(v) + " " + f.y_label);
    }
  }
  if (band) {
    Points poly;
    for (std::size_t i = 0; i < n; ++i) poly.emplace_back(p.x(i), p.y(band->high[i]));
    for (std::size_t i = n; i-- > 0;) poly.emplace_back(p.x(i), p.y(band->low[i]));
    svg.polygon(poly, "#616161", 0.25, band->name);
  }
  if (total) {
    Points line;
    for (std::size_t i = 0; i < n; ++i) line.emplace_back(p.x(i), p.y(total->values[i]));
    svg.polyline(line, total->color, 2.2);
    for (std::size_t i = 0; i < n; ++i)
      svg.circle(
          line[i].first, line[i].second, 3, total->color,
          total->name + ", " + std::to_string(f.years[i]) + ": " + value_text(total->values[i]) + " " + f.y_label);
  }
  legend(svg, f, f.height - lh + 6, items);
  return svg.str();
}

std::string stacked_area_chart(const ChartFrame& f, const std::vector<ChartSeries>& parts) {
  const std::size_t n = f.years.size();
  std::vector<double> top(n, 0.0);
  for (const auto& s : parts)
    for (std::size_t i = 0; i < n; ++i) top[i] += std::max(0.0, s.values[i]);
  const double hi = n ? *std::max_element(top.begin(), top.end()) : 1.0;
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& s : parts) items.emplace_back(s.name, s.color);
  const double lh = legend_height(items.size(), f.width);
  Svg svg(f.width, f.height, f.title);
  const Plot p = frame(svg, f, 0.0, hi, lh);
  std::vector<double> base(n, 0.0);
  for (const auto& s : parts) {
    Points poly;
    for (std::size_t i = 0; i < n; ++i) poly.emplace_back(p.x(i), p.y(base[i] + std::max(0.0, s.values[i])));
    for (std::size_t i = n; i-- > 0;) poly.emplace_back(p.x(i), p.y(base[i]));
    const double last = n ? s.values[n - 1] : 0.0;
    svg.polygon(poly, s.color, 0.9,
                s.name + ", " + std::to_string(n ? f.years[n - 1] : 0) + ": " + value_text(last) + " " + f.y_label);
    for (std::size_t i = 0; i < n; ++i) base[i] += std::max(0.0, s.values[i]);
  }
  legend(svg, f, f.height - lh + 6, items);
  return svg.str();
}

std::string line_chart(const ChartFrame& f, const std::vector<ChartSeries>& lines, double reference) {
  double lo = reference, hi = reference;
  for (const auto& s : lines)
    for (const double v : s.values)
      if (!std::isnan(v)) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& s : lines) items.emplace_back(s.name, s.color);
  const double lh = legend_height(items.size(), f.width);
  Svg svg(f.width, f.height, f.title);
  const Plot p = frame(svg, f, lo, hi, lh);
  svg.line(p.x0, p.y(reference), p.x1, p.y(reference), "#555", 1.2);
  for (const auto& s : lines) {
    Points seg;
    const auto flush = [&] {
      if (seg.size() > 1) svg.polyline(seg, s.color, 2.2, s.dash);
      seg.clear();
    };
    for (std::size_t i = 0; i < f.years.size(); ++i) {
      const double v = s.values[i];
      if (std::isnan(v)) {
        flush();
        continue;
      }
      seg.emplace_back(p.x(i), p.y(v));
      svg.circle(p.x(i), p.y(v), 3, s.color,
                 s.name + ", " + std::to_string(f.years[i]) + ": " + value_text(v) + " " + f.y_label);
    }
    flush();
  }
  legend(svg, f, f.height - lh + 6, items, true);
  return svg.str();
}

std::string bar_chart(const std::string& title, const std::string& x_label, const std::vector<BarItem>& bars,
                      double width) {
  const double label_w = 190, row_h = 30, top = 44;
  const double height = top + row_h * static_cast<double>(bars.size()) + 50;
  double m = 1.0;
  for (const auto& b : bars)
    if (!std::isnan(b.value)) m = std::max(m, std::fabs(b.value));
  const Ticks t = nice_ticks(-m, m, 4);
  const double x0 = label_w, x1 = width - 60;
  const auto x = [&](double v) { return x0 + (v - t.lo) / (t.hi - t.lo) * (x1 - x0); };
  Svg svg(width, height, title);
  svg.text(10, 24, title, 15, "start", true);
  const double bottom = top + row_h * static_cast<double>(bars.size());
  for (const double v : t.values) {
    svg.line(x(v), top - 4, x(v), bottom, v == 0.0 ? "#555" : "#e3e3e3", v == 0.0 ? 1.2 : 1.0);
    svg.text(x(v), bottom + 16, grouped(v, 0), 11, "middle");
  }
  svg.text((x0 + x1) / 2, bottom + 36, x_label, 12, "middle");
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = top + row_h * static_cast<double>(i);
    svg.text(label_w - 8, y + row_h / 2 + 4, bars[i].label, 12, "end");
    const double v = bars[i].value;
    if (std::isnan(v)) {
      svg.text(x(0) + 6, y + row_h / 2 + 4, "missing", 12, "start", false, "#9e9e9e");
      continue;
    }
    const double a = x(std::min(0.0, v)), b = x(std::max(0.0, v));
    svg.rect(a, y + 6, b - a, row_h - 12, v > 0 ? "#d84315" : "#1565c0",
             bars[i].label + ": " + value_text(v) + " " + x_label);
    svg.text(v >= 0 ? b + 4 : a - 4, y + row_h / 2 + 4, value_text(v), 11, v >= 0 ? "start" : "end");
  }
  return svg.str();
}

}  // namespace polder::io::report
