#pragma once
// A small SVG writer for the charts of the HTML report: shapes and text appended to a string, numbers
// rounded so pages stay small, every text escaped. No fonts or scripts are loaded: the page stays
// self-contained.

#include <string>
#include <utility>
#include <vector>

namespace polder::io::report {

std::string escape_xml(const std::string& s);
/// Fixed-point text of v with `decimals` digits ("-0" printed as "0").
std::string fixed(double v, int decimals);
/// Thousands separated with a thin space: 12 345.6.
std::string grouped(double v, int decimals);

/// Round axis ticks covering [lo, hi].
struct Ticks {
  double lo = 0.0, hi = 1.0, step = 1.0;
  std::vector<double> values;
};
Ticks nice_ticks(double lo, double hi, int target = 6);

using Points = std::vector<std::pair<double, double>>;

class Svg {
 public:
  Svg(double width, double height, const std::string& label);

  void rect(double x, double y, double w, double h, const std::string& fill, const std::string& title = {},
            const std::string& stroke = {});
  void line(double x1, double y1, double x2, double y2, const std::string& stroke, double width = 1.0,
            const std::string& dash = {});
  void polyline(const Points& p, const std::string& stroke, double width, const std::string& dash = {});
  void polygon(const Points& p, const std::string& fill, double opacity = 1.0, const std::string& title = {});
  void path(const std::string& d, const std::string& fill, const std::string& stroke, double stroke_width,
            const std::string& title = {});
  void circle(double x, double y, double r, const std::string& fill, const std::string& title = {});
  void text(double x, double y, const std::string& s, double size = 12, const std::string& anchor = "start",
            bool bold = false, const std::string& fill = "#222", double rotate = 0.0);
  void raw(const std::string& s) { m_body += s; }

  std::string str() const;

 private:
  double m_width, m_height;
  std::string m_label;
  std::string m_body;
};

}  // namespace polder::io::report
