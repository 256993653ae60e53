#include "io/report/html_report.hpp"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "io/report/atomic_output.hpp"
#include "io/report/svg.hpp"
#include "io/report/svg_charts.hpp"
#include "solver/core/error.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/model/province.hpp"
#include "solver/reporting/eu_categories.hpp"
#include "solver/reporting/eu_rules.hpp"
#include "solver/reporting/eu_tables.hpp"
#include "solver/reporting/output_schema.hpp"

namespace polder::io::report {
namespace {

using reporting::InventoryData;
constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

/// Colours of 4.A ... 4.G, readable on white and for the common colour-vision deficiencies.
const std::vector<std::string> k_colours = {"#2e7d32", "#f9a825", "#9ccc65", "#1e88e5",
                                            "#8d6e63", "#bdbdbd", "#8e24aa"};

const char* const k_style = R"css(
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:24px auto;max-width:1160px;color:#212121;background:#fff}
h1{font-size:24px;margin:0 0 4px} h2{font-size:19px;margin:28px 0 8px;border-bottom:2px solid #e0e0e0;padding-bottom:4px}
.meta{color:#616161;font-size:13px} .note{color:#616161;font-size:12px;margin:4px 0 12px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0} .card{border:1px solid #e0e0e0;border-radius:6px;padding:10px 14px;min-width:200px;flex:1}
.card .k{font-size:12px;color:#616161} .card .v{font-size:22px;font-weight:bold}
.ok{color:#1b5e20} .bad{color:#b71c1c} .unknown{color:#757575}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:bold;color:#fff}
.badge.ok{background:#2e7d32} .badge.bad{background:#c62828} .badge.unknown{background:#9e9e9e}
.row{display:flex;gap:16px;flex-wrap:wrap;align-items:flex-start}
table{border-collapse:collapse;font-size:12px;margin:6px 0} th,td{border:1px solid #e0e0e0;padding:3px 7px;text-align:right}
th{background:#f5f5f5} td:first-child,th:first-child{text-align:left}
footer{margin-top:32px;font-size:12px;color:#757575;border-top:1px solid #e0e0e0;padding-top:8px}
)css";

std::string esc(const std::string& s) { return escape_xml(s); }

/// Indices of the years to show.
std::vector<std::size_t> shown_years(const HtmlReportInput& in, const std::vector<std::int32_t>& years) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < years.size(); ++i)
    if (years[i] >= in.first_year.value_or(years.front()) && years[i] <= in.last_year.value_or(years.back()))
      out.push_back(i);
  if (out.empty()) throw ConfigError("the HTML report's year range holds no year of the inventory");
  return out;
}

std::string emissions_section(const HtmlReportInput& in, const std::vector<std::int32_t>& years,
                              const std::vector<std::size_t>& shown) {
  const InventoryData& d = in.data;
  const auto net = d.f64("/inventory/net_kt_co2e");
  const auto total = d.f64("/inventory/total_kt_co2e");
  const std::size_t nc = model::k_crt_categories;
  ChartFrame f;
  f.title = "Net emissions (+) and removals (\u2212) per CRT category, and the LULUCF total";
  f.y_label = "kt CO2-eq per year";
  for (const auto y : shown) f.years.push_back(years[y]);
  std::vector<ChartSeries> parts;
  for (std::size_t c = 0; c < nc; ++c) {
    ChartSeries s{std::string(model::k_crt_codes[c]) + " " + std::string(model::k_crt_names[c]), k_colours[c], {}, {}};
    for (const auto y : shown) s.values.push_back(net[y * nc + c]);
    parts.push_back(s);
  }
  ChartSeries t{"Total LULUCF", "#000000", {}, {}};
  for (const auto y : shown) t.values.push_back(total[y]);
  std::optional<ChartBand> band;
  if (d.has("/uncertainty/total_kt_co2e_p2_5") && d.has("/uncertainty/total_kt_co2e_p97_5")) {
    ChartBand b{"Total: 95 % range over the ensemble members", {}, {}};
    for (const auto y : shown) {
      b.low.push_back(d.f64("/uncertainty/total_kt_co2e_p2_5")[y]);
      b.high.push_back(d.f64("/uncertainty/total_kt_co2e_p97_5")[y]);
    }
    band = b;
  }
  std::ostringstream os;
  os << "<h2>Net emissions per category</h2>\n<div class=\"chart\" id=\"chart-emissions\">"
     << stacked_bar_chart(f, parts, t, band) << "</div>\n";
  os << "<p class=\"note\">Bars: CRT categories stacked, emissions above and removals below zero; line: the total "
        "(AR5 GWP100). Hover a bar for its value."
     << (band ? " Grey band: 2.5\u201397.5 % over the members."
              : " No ensemble: no uncertainty band (/uncertainty absent).")
     << "</p>\n";
  return os.str();
}

std::string land_section(const HtmlReportInput& in, const std::vector<std::int32_t>& years,
                         const std::vector<std::size_t>& shown) {
  const InventoryData& d = in.data;
  const auto m = d.f64("/crt/table_4_1/area_kha");
  constexpr std::size_t n = model::k_land_categories;
  ChartFrame f;
  f.title = "Land area per category at the end of each year (Table 4.1 final area)";
  f.y_label = "kha";
  f.height = 380;
  for (const auto y : shown) f.years.push_back(years[y]);
  std::vector<ChartSeries> parts;
  for (std::size_t to = 0; to < n; ++to) {
    ChartSeries s{std::string(model::k_crt_names[to]), k_colours[to], {}, {}};
    for (const auto y : shown) {
      double v = 0.0;
      for (std::size_t from = 0; from < n; ++from) v += m[(y * n + from) * n + to];
      s.values.push_back(v);
    }
    parts.push_back(s);
  }
  const std::size_t last = shown.back();
  std::ostringstream os;
  os << "<h2>Land use and land-use change (Table 4.1)</h2>\n<div class=\"chart\" id=\"chart-land\">"
     << stacked_area_chart(f, parts) << "</div>\n";
  os << "<p class=\"note\">Land transition matrix " << years[last]
     << ", kha: rows the land use of the previous year, columns this year.</p>\n<table id=\"table-4-1\"><tr><th>from "
        "\\ to</th>";
  for (std::size_t to = 0; to < n; ++to) os << "<th>" << esc(std::string(model::k_crt_names[to])) << "</th>";
  os << "<th>Initial area</th></tr>\n";
  std::vector<double> final_area(n, 0.0);
  for (std::size_t from = 0; from < n; ++from) {
    os << "<tr><td>" << esc(std::string(model::k_crt_names[from])) << "</td>";
    double initial = 0.0;
    for (std::size_t to = 0; to < n; ++to) {
      const double v = m[(last * n + from) * n + to];
      initial += v;
      final_area[to] += v;
      os << "<td>" << grouped(v, 2) << "</td>";
    }
    os << "<td>" << grouped(initial, 2) << "</td></tr>\n";
  }
  os << "<tr><th>Final area</th>";
  double all = 0.0;
  for (const double v : final_area) {
    os << "<th>" << grouped(v, 2) << "</th>";
    all += v;
  }
  os << "<th>" << grouped(all, 2) << "</th></tr></table>\n";
  return os.str();
}

std::string province_section(const HtmlReportInput& in, const std::vector<std::int32_t>& years, std::size_t last) {
  const InventoryData& d = in.data;
  const auto net = d.f64("/provinces/net_kt_co2e");
  const auto area = d.f64("/provinces/area_kha");
  const std::size_t np = model::k_provinces, nc = model::k_crt_categories, nl = model::k_land_categories;
  std::vector<ProvinceValue> values(np);
  std::ostringstream rows;
  for (std::size_t p = 0; p < np; ++p) {
    double kt = 0.0, kha = 0.0;
    for (std::size_t c = 0; c < nl; ++c) {
      kt += net[(last * np + p) * nc + c];
      kha += area[(last * np + p) * nl + c];
    }
    const std::string name(model::k_province_names[p + 1]);
    if (kha > 0.0) {
      values[p].value = kt / kha;  // kt / kha = t per ha
      values[p].detail = grouped(kt, 1) + " kt CO2-eq on " + grouped(kha, 1) + " kha";
      rows << "<tr><td>" << esc(name) << "</td><td>" << grouped(kha, 1) << "</td><td>" << grouped(kt, 1) << "</td><td>"
           << grouped(kt / kha, 2) << "</td></tr>\n";
    }
  }
  std::ostringstream os;
  os << "<h2>Provinces</h2>\n<div class=\"row\"><div class=\"chart\" id=\"chart-provinces\">";
  if (in.provinces.empty()) {
    os << "<p class=\"note\">No province outlines available.</p>";
  } else {
    os << province_choropleth(in.provinces, values,
                              "Net emissions per hectare, " + std::to_string(years[last]) + " (4.A\u20134.F)",
                              "t CO2-eq/ha");
  }
  os << "</div><div><table id=\"table-provinces\"><tr><th>Province</th><th>Area (kha)</th><th>Net (kt CO2-eq)</th>"
        "<th>t CO2-eq/ha</th></tr>\n"
     << rows.str()
     << "</table><p class=\"note\">Provinces the run does not cover are grey. HWP (4.G) is national and "
        "not in the map.</p></div></div>\n";
  return os.str();
}

/// One compliance card: the test's status and its key figures.
std::string eu_card(const InventoryData& d, const std::string& title, const std::string& flag,
                    const std::vector<std::pair<std::string, std::string>>& figures) {
  const auto& f = d.get("/eu_accounting/" + flag);
  const double v = f.f64.empty() ? k_nan : f.f64[0];
  const std::string cls = std::isnan(v) ? "unknown" : v == 1.0 ? "ok" : "bad";
  const std::string word = std::isnan(v) ? "missing" : v == 1.0 ? "met" : "not met";
  std::ostringstream os;
  os << "<div class=\"card\" id=\"eu-" << esc(flag.substr(0, flag.find('/'))) << "\"><div class=\"k\">" << esc(title)
     << "</div><div class=\"v\"><span class=\"badge " << cls << "\">" << word << "</span></div>";
  for (const auto& [label, path] : figures) {
    const auto& t = d.get("/eu_accounting/" + path);
    const double x = t.f64.empty() ? k_nan : t.f64[0];
    os << "<div class=\"k\">" << esc(label) << ": <b>" << (std::isnan(x) ? "missing" : grouped(x, 1) + " kt CO2-eq")
       << "</b></div>";
  }
  os << "<div class=\"k\">" << esc(reporting::eu_status_text(f)) << "</div></div>";
  return os.str();
}

std::string eu_section(const HtmlReportInput& in, const std::vector<std::int32_t>& years) {
  const InventoryData& d = in.data;
  std::ostringstream os;
  os << "<h2>EU LULUCF Regulation</h2>\n";
  if (!reporting::has_eu_accounting(d)) {
    os << "<p class=\"note\">This inventory has no /eu_accounting (written before Polder computed it).</p>\n";
    return os.str();
  }
  os << "<p class=\"note\">Regulation (EU) 2018/841 as amended by (EU) 2023/839, computed from this run's CRT series "
        "(docs/reporting.md). Before flexibilities (Art. 10\u201313b) and technical corrections.</p>\n";
  if (const auto scope = d.attribute("/eu_accounting", "scope"))
    os << "<p class=\"note\" id=\"eu-scope\"><b>Scope:</b> " << esc(*scope) << ".</p>\n";
  os << "<div class=\"cards\">"
     << eu_card(d, "2021\u20132025: no debit (Art. 4(1))", "period_2021_2025/no_debit_met",
                {{"accounted total", "period_2021_2025/total_accounted_kt_co2e"},
                 {"managed forest land", "period_2021_2025/managed_forest_land_kt_co2e"}})
     << eu_card(d, "2026\u20132029: budget (Art. 4(4))", "budget_2026_2029/within_budget",
                {{"budget", "budget_2026_2029/budget_kt_co2e"},
                 {"sum of differences", "budget_2026_2029/sum_of_differences_kt_co2e"},
                 {"Art. 13c addition", "budget_2026_2029/article_13c_addition_kt_co2e"}})
     << eu_card(d, "2030: target (Art. 4(3), Annex IIa)", "target_2030/target_met",
                {{"2030 minus 2016\u20132018 mean", "target_2030/difference_2030_kt_co2e"},
                 {"target (column C)", "target_2030/annex_iia_target_change_kt_co2e"},
                 {"gap", "target_2030/gap_kt_co2e"}})
     << "</div>\n<div class=\"row\">";
  std::vector<BarItem> bars;
  const std::string p = "/eu_accounting/period_2021_2025/";
  for (std::size_t k = 0; k < reporting::k_accounting_categories; ++k) {
    const std::string key(reporting::k_accounting_category_keys[k]);
    bars.push_back({std::string(reporting::k_accounting_category_names[k]), d.f64(p + key + "_kt_co2e")[0]});
  }
  bars.push_back({"Total accounted", d.f64(p + "total_accounted_kt_co2e")[0]});
  os << "<div class=\"chart\" id=\"chart-eu-2021\">"
     << bar_chart("Accounted 2021\u20132025 per category", "kt CO2-eq over five years", bars) << "</div>";
  // Differences from the 2016-2018 mean, the budget trajectory and the 2030 target.
  namespace eu = reporting::eu;
  const double base = d.f64("/eu_accounting/budget_2026_2029/base_2016_2018_kt_co2e")[0];
  const double start = d.f64("/eu_accounting/budget_2026_2029/start_2021_2023_kt_co2e")[0];
  const double target = d.f64("/eu_accounting/target_2030/annex_iia_target_change_kt_co2e")[0];
  ChartFrame f;
  f.title = "Difference from the 2016\u20132018 mean";
  f.y_label = "kt CO2-eq per year";
  f.width = 580;
  f.height = 330;
  ChartSeries diff{"this run", "#000000", {}, {}}, path{"trajectory (Art. 4(4))", "#ef6c00", {}, "6 4"},
      goal{"2030 target (Annex IIa C)", "#c62828", {}, {}};
  const auto total = d.f64("/eu_accounting/total_kt_co2e");
  for (std::int32_t y = eu::k_target_base_begin; y <= eu::k_target_year; ++y) {
    f.years.push_back(y);
    double v = k_nan;
    for (std::size_t i = 0; i < years.size(); ++i)
      if (years[i] == y) v = total[i] - base;
    diff.values.push_back(v);
    const double d0 = start - base;
    path.values.push_back(y >= eu::k_trajectory_start_year
                              ? d0 + static_cast<double>(y - eu::k_trajectory_start_year) /
                                         static_cast<double>(eu::k_target_year - eu::k_trajectory_start_year) *
                                         (target - d0)
                              : k_nan);
    goal.values.push_back(y == eu::k_target_year ? target : k_nan);
  }
  os << "<div class=\"chart\" id=\"chart-eu-path\">";
  if (std::isnan(base)) {
    os << "<p class=\"note\">The run lacks 2016\u20132018: no differences or trajectory to draw.</p>";
  } else {
    os << line_chart(f, {diff, path, goal});
  }
  os << "</div></div>\n<p class=\"note\">Every term with its legal source and formula: <code>polder report FILE "
        "--table eu</code>, the workbook's 'EU accounting' sheet, or /eu_accounting in the inventory.</p>\n";
  return os.str();
}

std::string maps_section(const HtmlReportInput& in) {
  if (in.maps.empty()) return "<!-- per-cell maps: none given (polder report --html takes them from a maps file) -->\n";
  std::ostringstream os;
  os << "<h2>Per-cell maps</h2>\n<div class=\"row\">";
  for (const auto& m : in.maps)
    os << "<figure class=\"chart\"><img alt=\"" << esc(m.title) << "\" src=\"" << esc(m.image_data_uri)
       << "\"><figcaption>" << esc(m.title) << " (" << esc(m.units) << ")</figcaption></figure>";
  os << "</div>\n";
  return os.str();
}

std::string attr(const InventoryData& d, const std::string& object, const std::string& name) {
  return d.attribute(object, name).value_or("");
}

}  // namespace

std::string html_report(const HtmlReportInput& in) {
  const InventoryData& d = in.data;
  const auto years = d.years();
  if (years.empty()) throw InputError(cat("'", d.source(), "' holds no inventory years"));
  const auto shown = shown_years(in, years);
  const std::size_t first = shown.front(), last = shown.back();
  const auto total = d.f64("/inventory/total_kt_co2e");
  std::ostringstream os;
  const std::string title = attr(d, "/", "title").empty() ? "Polder inventory" : attr(d, "/", "title");
  os << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" << esc(title)
     << " \u2014 Polder LULUCF report</title>\n<style>" << k_style << "</style></head>\n<body>\n";
  os << "<h1>" << esc(title) << "</h1>\n<div class=\"meta\">Netherlands LULUCF inventory (CRT sector 4) \u00b7 region "
     << esc(attr(d, "/provenance", "region")) << " \u00b7 scenario " << esc(attr(d, "/", "scenario"))
     << " \u00b7 years " << years[first] << "\u2013" << years[last] << " \u00b7 Polder "
     << esc(attr(d, "/", "polder_version")) << " (" << esc(attr(d, "/", "git_revision")) << ") \u00b7 written "
     << esc(attr(d, "/", "created_utc")) << "</div>\n";
  const double change = total[last] - total[first];
  os << "<div class=\"cards\"><div class=\"card\"><div class=\"k\">Net emissions " << years[last]
     << "</div><div class=\"v\">" << grouped(total[last], 1) << " kt CO2-eq</div></div>"
     << "<div class=\"card\"><div class=\"k\">Net emissions " << years[first] << "</div><div class=\"v\">"
     << grouped(total[first], 1) << " kt CO2-eq</div></div>"
     << "<div class=\"card\"><div class=\"k\">Change " << years[first] << "\u2013" << years[last]
     << "</div><div class=\"v " << (change <= 0 ? "ok" : "bad") << "\">" << (change > 0 ? "+" : "")
     << grouped(change, 1) << " kt</div></div></div>\n";
  os << emissions_section(in, years, shown) << land_section(in, years, shown) << province_section(in, years, last)
     << eu_section(in, years) << maps_section(in);
  os << "<footer>Sign convention: emissions +, removals \u2212; kt CO2-eq with AR5 GWP100 (CH4 28, N2O 265). Source: "
     << esc(d.source()) << ". Made by " << esc(in.generator)
     << " (polder report --html); the page loads nothing from elsewhere.</footer>\n</body></html>\n";
  return os.str();
}

void write_html_report(const HtmlReportInput& in, const std::string& path) {
  const std::string page = html_report(in);
  AtomicFile out(path);
  {
    std::ofstream f(out.temp_path(), std::ios::binary);
    f << page;
    f.close();
    if (!f) throw InputError(cat("cannot write '", path, "'"));
  }
  out.commit();
}

}  // namespace polder::io::report
