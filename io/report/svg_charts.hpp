#pragma once
// The charts of the HTML report, drawn as SVG: stacked bars with a total line (net emissions per
// category, positive parts stacked up and negative parts down, with an optional uncertainty band),
// stacked areas (land area per category), lines with markers (EU budget trajectory) and horizontal
// bars (EU accounted categories). Each has a title, axis labels with units and a legend.

#include <optional>
#include <string>
#include <vector>

namespace polder::io::report {

struct ChartSeries {
  std::string name;
  std::string color;
  std::vector<double> values;  ///< one per x; NaN where there is no value
  std::string dash;            ///< line charts: SVG dash pattern, empty for solid
};

struct ChartBand {
  std::string name;
  std::vector<double> low, high;
};

struct ChartFrame {
  std::string title;
  std::string y_label;  ///< with units, e.g. "kt CO2-eq"
  std::vector<int> years;
  double width = 1100;
  double height = 420;
};

std::string stacked_bar_chart(const ChartFrame& f, const std::vector<ChartSeries>& parts,
                              const std::optional<ChartSeries>& total, const std::optional<ChartBand>& band);
std::string stacked_area_chart(const ChartFrame& f, const std::vector<ChartSeries>& parts);
std::string line_chart(const ChartFrame& f, const std::vector<ChartSeries>& lines, double reference = 0.0);

struct BarItem {
  std::string label;
  double value = 0.0;  ///< NaN: shown as "missing"
};
/// Horizontal bars around zero, red for emissions (+), blue for removals (-).
std::string bar_chart(const std::string& title, const std::string& x_label, const std::vector<BarItem>& bars,
                      double width = 540);

}  // namespace polder::io::report
