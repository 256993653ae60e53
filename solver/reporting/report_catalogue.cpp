#include "solver/reporting/report_catalogue.hpp"

#include <algorithm>
#include <cmath>

#include "solver/core/error.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/model/province.hpp"
#include "solver/reporting/crt_tables.hpp"
#include "solver/reporting/eu_accounting.hpp"
#include "solver/reporting/eu_tables.hpp"
#include "solver/reporting/legacy_tables.hpp"
#include "solver/reporting/table_context.hpp"

namespace polder::reporting {
namespace {

TableEntry entry(std::string key, std::string summary, bool years, bool category, bool province, bool per_year,
                 bool in_workbook, int only_category = -1) {
  TableEntry e;
  e.key = std::move(key);
  e.summary = std::move(summary);
  e.years = years;
  e.category = category || only_category >= 0;
  e.province = province;
  e.per_year_blocks = per_year;
  e.in_workbook = in_workbook;
  e.only_category = only_category;
  return e;
}

std::vector<TableEntry> build_catalogue() {
  std::vector<TableEntry> t;
  // key, summary, years, category, province, per-year blocks, in workbook, only category
  t.push_back(entry("summary", "net emissions per CRT category and year", true, true, true, false, true));
  t.push_back(
      entry("4", "Table 4 sectoral report: net CO2, CH4, N2O, CO2-eq per category", true, true, true, true, true));
  t.push_back(entry("4.1", "Table 4.1 land transition matrix", true, false, false, true, true));
  for (int c = 0; c < model::k_land_categories; ++c)
    t.push_back(entry(std::string(model::k_crt_codes[static_cast<std::size_t>(c)]),
                      "Table " + std::string(model::k_crt_codes[static_cast<std::size_t>(c)]) + " " +
                          std::string(model::k_crt_names[static_cast<std::size_t>(c)]) +
                          ": areas, stock changes per pool, implied factors, net CO2",
                      true, true, true, true, true, c));
  t.push_back(entry("4(I)", "Table 4(I) direct N2O from N inputs (NE)", true, true, true, true, true));
  t.push_back(entry("4(II)", "Table 4(II) drained and rewetted organic soils", true, true, true, true, true));
  t.push_back(entry("4(III)", "Table 4(III) N2O from N mineralisation", true, true, true, true, true));
  t.push_back(entry("4(IV)", "Table 4(IV) indirect N2O (NE)", true, false, true, true, true));
  t.push_back(entry("4(V)", "Table 4(V) biomass burning", true, true, true, true, true));
  t.push_back(entry("4.G", "Table 4.G harvested wood products", true, true, false, true, true, model::k_crt_hwp));
  t.push_back(entry("provinces", "net emissions per province and category", true, true, true, true, true));
  t.push_back(entry("eu", "EU LULUCF accounting: every term with its legal source", false, false, false, false, true));
  t.push_back(entry("eu_annual", "EU land accounting categories per year", true, false, false, false, true));
  t.push_back(entry("gases", "net CO2, CH4 and N2O per category and year", true, true, false, false, false));
  t.push_back(entry("crt", "every CRT row: area, pools, gases (one year)", true, true, true, true, false));
  t.push_back(entry("transitions", "land transition matrix (one year)", true, false, false, true, false));
  t.push_back(entry("organic", "Table 4(II) quantities per year", true, true, false, false, false));
  t.push_back(entry("fire", "Table 4(V) quantities per year", true, true, false, false, false));
  t.push_back(entry("hwp", "Table 4.G quantities per year", true, false, false, false, false, model::k_crt_hwp));
  t.push_back(
      entry("diagnostics", "mass balance, subsidence, depleted peat, fire cells", true, false, false, false, false));
  return t;
}

const TableEntry* find(const std::string& key) {
  for (const auto& e : report_catalogue())
    if (e.key == key) return &e;
  return nullptr;
}

/// Why a table cannot apply the filter ("" if it can).
std::string refusal(const TableEntry& e, const ReportFilter& f) {
  if (f.has_years() && !e.years)
    return "its periods are fixed by the Regulation (2021-2025, 2026-2029, 2030); drop --years/--from/--to";
  if (f.category && !e.category) return "it has no CRT category to select; drop --category";
  if (f.category && e.only_category >= 0 && *f.category != e.only_category)
    return "it shows category " + std::string(model::k_crt_codes[static_cast<std::size_t>(e.only_category)]) + " only";
  if (f.category && *f.category == model::k_crt_hwp && e.only_category < 0 &&
      (e.key == "organic" || e.key == "fire" || e.key == "4(I)" || e.key == "4(II)" || e.key == "4(III)" ||
       e.key == "4(V)" || e.key == "crt"))
    return "4.G (HWP) is not a land category of this table";
  if (f.province && !e.province)
    return "it is national only (the inventory holds no per-province values for it); drop --province";
  return {};
}

std::vector<ReportTable> build_one(const TableEntry& e, const TableContext& c) {
  const std::string& k = e.key;
  if (k == "summary") {
    auto t = legacy_summary(c);
    t[0].sheet = "Summary";
    t[0].file = "summary";
    return t;
  }
  if (k == "4") return {table_4(c)};
  if (k == "4.1") return {table_4_1(c)};
  if (e.only_category >= 0 && e.only_category < model::k_land_categories)
    return {table_land_category(c, e.only_category)};
  if (k == "4(I)") return {table_4_I(c)};
  if (k == "4(II)") return {table_4_II(c)};
  if (k == "4(III)") return {table_4_III(c)};
  if (k == "4(IV)") return {table_4_IV(c)};
  if (k == "4(V)") return {table_4_V(c)};
  if (k == "4.G") return {table_4_G(c)};
  if (k == "provinces") {
    auto t = legacy_provinces(c);
    t[0].sheet = "Provinces";
    t[0].file = "provinces";
    t[0].title = "Net emissions per province and category";
    for (auto& b : t[0].blocks) b.title.clear();
    return t;
  }
  if (k == "eu") return {eu_terms_table(c)};
  if (k == "eu_annual") return {eu_annual_table(c)};
  if (k == "gases") return legacy_gases(c);
  if (k == "crt") return legacy_crt(c);
  if (k == "transitions") return legacy_transitions(c);
  if (k == "organic") return legacy_organic(c);
  if (k == "fire") return legacy_fire(c);
  if (k == "hwp") return legacy_hwp(c);
  return legacy_diagnostics(c);
}

/// The EU accounting asked for by name must have something to show.
void check_eu_years(const InventoryData& data) {
  if (!has_eu_accounting(data))
    throw InputError(cat("'", data.source(),
                         "' has no /eu_accounting (written before Polder computed it): run the "
                         "inventory again"));
  bool any = false;
  std::string lacking;
  for (const char* test : k_compliance_tests) {
    const Dataset& d = data.get(std::string("/eu_accounting/") + test);
    if (!d.f64.empty() && !std::isnan(d.f64[0])) any = true;
    if (const auto y = d.attribute("missing_years")) lacking += cat("\n  ", test, ": years ", *y, " not in the run");
  }
  if (!any) {
    const auto years = data.years();
    throw InputError(cat("'", data.source(), "' covers ", years.front(), "-", years.back(),
                         ", which holds none of the EU accounting periods (base 2005-2009 and 2016-2018, 2021-2025, "
                         "2026-2029, 2030):",
                         lacking));
  }
}

}  // namespace

const std::vector<TableEntry>& report_catalogue() {
  static const std::vector<TableEntry> table = build_catalogue();
  return table;
}

std::string report_table_keys() {
  std::string s;
  for (const auto& e : report_catalogue()) {
    if (!s.empty()) s += ' ';
    s += e.key;
  }
  return s;
}

BuiltReport build_report(const InventoryData& data, const ReportSelection& sel) {
  const bool named = !sel.keys.empty();
  std::vector<const TableEntry*> entries;
  if (named) {
    for (const auto& k : sel.keys) {
      const TableEntry* e = find(k);
      if (e == nullptr) throw ConfigError(cat("--table '", k, "' is not a table; tables are: ", report_table_keys()));
      entries.push_back(e);
    }
  } else {
    for (const auto& e : report_catalogue())
      if (e.in_workbook) entries.push_back(&e);
  }
  BuiltReport out;
  const std::vector<std::int32_t> years = data.years();
  TableContext context{
      data, years, {}, LedgerView(data.f64("/ledger/values"), years.size()), sel.filter.category, sel.filter.province};
  if (data.has("/ledger/wetland_subrows")) context.wetland_subrows = data.f64("/ledger/wetland_subrows");
  for (const TableEntry* e : entries) {
    const std::string why = refusal(*e, sel.filter);
    if (!why.empty()) {
      if (named) throw ConfigError(cat("table ", e->key, " cannot apply this filter: ", why));
      out.left_out.push_back(e->key);
      continue;
    }
    if (e->key == "eu" || e->key == "eu_annual") {
      if (named && e->key == "eu") check_eu_years(data);
      if (!has_eu_accounting(data)) {
        if (named) check_eu_years(data);
        out.left_out.push_back(e->key);
        continue;
      }
    }
    context.selected = sel.filter.select(years, e->per_year_blocks);
    auto built = build_one(*e, context);
    // The terminal tables have no sheet or file of their own: name them after the key.
    for (std::size_t i = 0; i < built.size(); ++i) {
      const std::string name = built.size() > 1 ? cat(e->key, "_", i + 1) : e->key;
      if (built[i].sheet.empty()) built[i].sheet = name;
      if (built[i].file.empty()) built[i].file = name;
    }
    for (auto& t : built) out.tables.push_back(std::move(t));
  }
  return out;
}

}  // namespace polder::reporting
