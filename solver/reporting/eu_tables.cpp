#include "solver/reporting/eu_tables.hpp"

#include <cmath>
#include <string>

#include "solver/reporting/eu_categories.hpp"
#include "solver/reporting/eu_rules.hpp"
#include "solver/reporting/output_schema.hpp"

namespace polder::reporting {
namespace {

/// "2026 2027 2028 2029" -> "2026-2029"; a broken run stays a list.
std::string compact_years(const std::string& list) {
  std::vector<int> ys;
  std::size_t pos = 0;
  while (pos < list.size()) {
    const auto next = list.find(' ', pos);
    ys.push_back(std::stoi(list.substr(pos, next - pos)));
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < ys.size();) {
    std::size_t j = i;
    while (j + 1 < ys.size() && ys[j + 1] == ys[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(ys[i]);
    if (j > i) {
      out += '-';
      out += std::to_string(ys[j]);
    }
    i = j + 1;
  }
  return out;
}

}  // namespace

bool has_eu_accounting(const InventoryData& data) { return data.has("/eu_accounting/total_kt_co2e"); }

std::string eu_status_text(const Dataset& term) {
  std::string s = term.attribute("status").value_or("complete");
  if (const auto y = term.attribute("missing_years")) s += "; years " + compact_years(*y) + " not in the run";
  if (const auto p = term.attribute("missing_parameters")) s += "; parameters not given: " + *p;
  if (const auto u = term.attribute("unverified_parameters")) s += "; unverified: " + *u;
  return s;
}

ReportTable eu_terms_table(const TableContext& c) {
  ReportTable t;
  t.key = "eu";
  t.sheet = "EU accounting";
  t.file = "eu_accounting";
  t.title = "EU LULUCF accounting, Regulation (EU) 2018/841 as amended by Regulation (EU) 2023/839";
  t.units = "kt CO2-eq unless said";
  t.code_header = "term";
  t.label_header = "meaning";
  t.columns = {"Value", "Units", "Status", "Legal source", "Formula"};
  t.csv_columns = {"value", "units", "status", "legal_source", "formula"};
  t.note =
      "Emissions +, removals -. 'missing': the run lacks the years or parameters (never counted as zero). "
      "Flags: 1 met, 0 missed. Not applied: natural disturbances (Art. 10), flexibilities (Art. 11-13b), "
      "technical corrections.";
  if (const auto scope = c.data.attribute("/eu_accounting", "scope")) t.note = "Scope: " + *scope + ". " + t.note;
  const std::vector<std::pair<std::string, std::string>> blocks = {
      {"period_2021_2025/", "2021-2025: accounted categories and the no-debit test (Art. 4(1), 6-9)"},
      {"budget_2026_2029/", "2026-2029: budget on the trajectory to 2030 (Art. 4(4), 13c)"},
      {"target_2030/", "2030: target against Annex IIa (Art. 4(3))"}};
  for (const auto& [prefix, title] : blocks) {
    ReportBlock b;
    b.title = title;
    for (const auto& s : inventory_schema()) {
      if (s.path.rfind("/eu_accounting/" + prefix, 0) != 0) continue;
      const Dataset& d = c.data.get(s.path);
      const std::string key = s.path.substr(std::string("/eu_accounting/").size());
      const std::string status = eu_status_text(d);
      for (std::size_t i = 0; i < d.f64.size(); ++i) {
        std::string suffix;
        if (d.f64.size() > 1) {
          suffix = ' ';
          suffix += std::to_string(eu::k_budget_begin + static_cast<int>(i));
        }
        const double v = d.f64[i];
        b.rows.push_back({key + suffix,
                          s.description + suffix,
                          0,
                          {std::isnan(v) ? ReportCell::key("missing") : ReportCell::number(v), ReportCell::key(s.units),
                           ReportCell::key(status), ReportCell::key(s.legal_source), ReportCell::key(s.formula)}});
      }
    }
    t.blocks.push_back(b);
  }
  return t;
}

ReportTable eu_annual_table(const TableContext& c) {
  ReportTable t;
  t.key = "eu_annual";
  t.sheet = "EU annual";
  t.file = "eu_annual";
  t.title = "EU land accounting categories per year (Art. 2(1); Impl. Reg. (EU) 2020/1208 Annex XX)";
  t.units = "kt CO2-eq";
  t.year_rows = true;
  t.code_header = "year";
  t.label_header = "";
  for (std::size_t k = 0; k < k_accounting_categories; ++k) {
    t.columns.push_back(std::string(k_accounting_category_names[k]) + " (kt CO2-eq)");
    t.csv_columns.push_back(std::string(k_accounting_category_keys[k]) + "_kt_co2e");
  }
  for (std::size_t k = 0; k < k_hwp_origins; ++k) {
    t.columns.push_back("HWP from " + std::string(k_hwp_origin_keys[k]) + " (kt CO2)");
    t.csv_columns.push_back("hwp_" + std::string(k_hwp_origin_keys[k]) + "_kt_co2");
  }
  t.columns.push_back("Managed forest land, dead wood and HWP except paper (kt CO2-eq)");
  t.csv_columns.push_back("managed_forest_exempt_kt_co2e");
  t.columns.push_back("All land reporting categories (kt CO2-eq)");
  t.csv_columns.push_back("total_kt_co2e");
  t.note =
      "Afforested land and managed forest land include their HWP. Settlements and other land remaining are in "
      "no 2021-2025 category; managed wetland counts only if elected.";
  const auto net = c.data.f64("/eu_accounting/net_kt_co2e");
  const auto hwp = c.data.f64("/eu_accounting/hwp_by_origin_kt_co2");
  const auto exempt = c.data.f64("/eu_accounting/managed_forest_exempt_kt_co2e");
  const auto total = c.data.f64("/eu_accounting/total_kt_co2e");
  ReportBlock b;
  for (const auto y : c.selected) {
    ReportRow row{std::to_string(c.years[y]), "", 0, {}};
    for (std::size_t k = 0; k < k_accounting_categories; ++k)
      row.cells.push_back(ReportCell::number(net[y * k_accounting_categories + k]));
    for (std::size_t k = 0; k < k_hwp_origins; ++k) row.cells.push_back(ReportCell::number(hwp[y * k_hwp_origins + k]));
    row.cells.push_back(ReportCell::number(exempt[y]));
    row.cells.push_back(ReportCell::number(total[y]));
    b.rows.push_back(row);
  }
  t.blocks.push_back(b);
  return t;
}

}  // namespace polder::reporting
