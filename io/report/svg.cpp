#include "io/report/svg.hpp"

#include <cmath>
#include <cstdio>

namespace polder::io::report {
namespace {

std::string num(double v) { return fixed(v, 1); }

std::string title_element(const std::string& title) {
  std::string out;
  if (title.empty()) return out;
  out = "<title>";
  out += escape_xml(title);
  out += "</title>";
  return out;
}

std::string points_text(const Points& p) {
  std::string s;
  for (const auto& [x, y] : p) {
    if (!s.empty()) s += ' ';
    s += num(x);
    s += ',';
    s += num(y);
  }
  return s;
}

}  // namespace

std::string escape_xml(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);
  return s;
}

std::string grouped(double v, int decimals) {
  std::string s = fixed(std::fabs(v), decimals);
  const auto dot = s.find('.');
  std::string head = s.substr(0, dot), tail = dot == std::string::npos ? "" : s.substr(dot);
  std::string out;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (i > 0 && (head.size() - i) % 3 == 0) out += "\u2009";
    out += head[i];
  }
  const bool negative = v < 0 && fixed(v, decimals) != fixed(0.0, decimals);
  return (negative ? "\u2212" : "") + out + tail;
}

Ticks nice_ticks(double lo, double hi, int target) {
  Ticks t;
  if (!(hi > lo)) {
    lo -= 1.0;
    hi += 1.0;
  }
  const double raw = (hi - lo) / std::max(1, target);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  t.step = step;
  t.lo = std::floor(lo / step) * step;
  t.hi = std::ceil(hi / step) * step;
  for (double v = t.lo; v <= t.hi + step * 1e-9; v += step) t.values.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
  return t;
}

Svg::Svg(double width, double height, const std::string& label) : m_width(width), m_height(height), m_label(label) {}

namespace {
/// Appends ` name="value"` (the value is written as given: numbers and colours, never user text).
void attr(std::string& out, const char* name, const std::string& value) {
  out += ' ';
  out += name;
  out += "=\"";
  out += value;
  out += '"';
}
/// Closes an element: "/>" or ">" + <title> + "</tag>".
void close(std::string& out, const char* tag, const std::string& title) {
  if (title.empty()) {
    out += "/>";
    return;
  }
  out += '>';
  out += title_element(title);
  out += "</";
  out += tag;
  out += '>';
}
}  // namespace

void Svg::rect(double x, double y, double w, double h, const std::string& fill, const std::string& title,
               const std::string& stroke) {
  m_body += "<rect";
  attr(m_body, "x", num(x));
  attr(m_body, "y", num(y));
  attr(m_body, "width", num(std::max(0.0, w)));
  attr(m_body, "height", num(std::max(0.0, h)));
  attr(m_body, "fill", fill);
  if (!stroke.empty()) attr(m_body, "stroke", stroke);
  close(m_body, "rect", title);
}

void Svg::line(double x1, double y1, double x2, double y2, const std::string& stroke, double width,
               const std::string& dash) {
  m_body += "<line";
  attr(m_body, "x1", num(x1));
  attr(m_body, "y1", num(y1));
  attr(m_body, "x2", num(x2));
  attr(m_body, "y2", num(y2));
  attr(m_body, "stroke", stroke);
  attr(m_body, "stroke-width", fixed(width, 1));
  if (!dash.empty()) attr(m_body, "stroke-dasharray", dash);
  m_body += "/>";
}

void Svg::polyline(const Points& p, const std::string& stroke, double width, const std::string& dash) {
  m_body += "<polyline fill=\"none\"";
  attr(m_body, "stroke", stroke);
  attr(m_body, "stroke-width", fixed(width, 1));
  if (!dash.empty()) attr(m_body, "stroke-dasharray", dash);
  attr(m_body, "points", points_text(p));
  m_body += "/>";
}

void Svg::polygon(const Points& p, const std::string& fill, double opacity, const std::string& title) {
  m_body += "<polygon";
  attr(m_body, "fill", fill);
  attr(m_body, "fill-opacity", fixed(opacity, 2));
  attr(m_body, "points", points_text(p));
  close(m_body, "polygon", title);
}

void Svg::path(const std::string& d, const std::string& fill, const std::string& stroke, double stroke_width,
               const std::string& title) {
  m_body += "<path fill-rule=\"evenodd\"";
  attr(m_body, "d", d);
  attr(m_body, "fill", fill);
  attr(m_body, "stroke", stroke);
  attr(m_body, "stroke-width", fixed(stroke_width, 1));
  close(m_body, "path", title);
}

void Svg::circle(double x, double y, double r, const std::string& fill, const std::string& title) {
  m_body += "<circle";
  attr(m_body, "cx", num(x));
  attr(m_body, "cy", num(y));
  attr(m_body, "r", num(r));
  attr(m_body, "fill", fill);
  close(m_body, "circle", title);
}

void Svg::text(double x, double y, const std::string& s, double size, const std::string& anchor, bool bold,
               const std::string& fill, double rotate) {
  m_body += "<text";
  attr(m_body, "x", num(x));
  attr(m_body, "y", num(y));
  attr(m_body, "font-size", fixed(size, 0));
  attr(m_body, "text-anchor", anchor);
  attr(m_body, "fill", fill);
  if (bold) attr(m_body, "font-weight", "bold");
  if (rotate != 0.0) {
    std::string t = "rotate(";
    t += fixed(rotate, 0);
    t += ' ';
    t += num(x);
    t += ' ';
    t += num(y);
    t += ')';
    attr(m_body, "transform", t);
  }
  m_body += '>';
  m_body += escape_xml(s);
  m_body += "</text>";
}

std::string Svg::str() const {
  std::string out = "<svg";
  attr(out, "width", fixed(m_width, 0));
  attr(out, "height", fixed(m_height, 0));
  std::string box = "0 0 ";
  box += fixed(m_width, 0);
  box += ' ';
  box += fixed(m_height, 0);
  attr(out, "viewBox", box);
  attr(out, "role", "img");
  attr(out, "aria-label", escape_xml(m_label));
  attr(out, "font-family", "DejaVu Sans, Helvetica, Arial, sans-serif");
  out += '>';
  out += m_body;
  out += "</svg>";
  return out;
}

}  // namespace polder::io::report
