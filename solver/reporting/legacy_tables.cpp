#include "solver/reporting/legacy_tables.hpp"

#include <string>

#include "solver/model/crt_rows.hpp"
#include "solver/model/province.hpp"
#include "solver/reporting/crt_arithmetic.hpp"
#include "solver/reporting/output_schema.hpp"

namespace polder::reporting {
namespace {

using model::Quantity;

std::string year_label(const TableContext& c, std::size_t y) { return std::to_string(c.years[y]); }

/// Rows = selected years, columns = the chosen indices of the second dimension of a [year][k] dataset.
ReportTable by_year(const TableContext& c, const std::string& key, const std::string& path,
                    const std::vector<std::string>& names, const std::vector<std::size_t>& columns,
                    const std::string& title) {
  ReportTable t;
  t.key = key;
  t.title = title;
  t.units = spec(path).units;
  t.year_rows = true;
  t.code_header = "year";
  t.label_header = "";
  const auto data = c.data.f64(path);
  const std::size_t k = names.size();
  for (const auto col : columns) {
    t.columns.push_back(names[col]);
    t.csv_columns.push_back(names[col]);
  }
  ReportBlock b;
  for (const auto y : c.selected) {
    ReportRow row{year_label(c, y), "", 0, {}};
    for (const auto col : columns) row.cells.push_back(ReportCell::number(data[y * k + col]));
    b.rows.push_back(row);
  }
  t.blocks.push_back(b);
  return t;
}

std::vector<std::size_t> all_or(std::size_t n, const std::optional<int>& only) {
  if (only) return {static_cast<std::size_t>(*only)};
  std::vector<std::size_t> v;
  for (std::size_t i = 0; i < n; ++i) v.push_back(i);
  return v;
}

std::vector<std::string> land_keys(const TableContext& c) { return c.data.text("/crt/table_4_1/categories"); }

}  // namespace

std::vector<ReportTable> legacy_summary(const TableContext& c) {
  const auto& categories = c.data.text("/inventory/categories");
  if (!c.province) {
    auto t = by_year(c, "summary", "/inventory/net_kt_co2e", categories, all_or(categories.size(), c.category),
                     "Net emissions (+) / removals (-) per CRT category");
    if (!c.category) {
      const auto total = c.data.f64("/inventory/total_kt_co2e");
      t.columns.push_back("total");
      t.csv_columns.push_back("total");
      for (std::size_t i = 0; i < c.selected.size(); ++i)
        t.blocks[0].rows[i].cells.push_back(ReportCell::number(total[c.selected[i]]));
    }
    return {t};
  }
  // One province: its land categories from /provinces (4.G is national).
  const std::size_t np = model::k_provinces, nc = model::k_crt_categories;
  const auto data = c.data.f64("/provinces/net_kt_co2e");
  ReportTable t;
  t.key = "summary";
  t.title = "Net emissions (+) / removals (-) per CRT category, " +
            std::string(model::k_province_names[static_cast<std::size_t>(*c.province + 1)]);
  t.units = spec("/provinces/net_kt_co2e").units;
  t.year_rows = true;
  t.code_header = "year";
  t.label_header = "";
  const auto cols = all_or(model::k_land_categories, c.category);
  for (const auto col : cols) {
    t.columns.push_back(categories[col]);
    t.csv_columns.push_back(categories[col]);
  }
  if (!c.category) {
    t.columns.push_back("total");
    t.csv_columns.push_back("total");
  }
  ReportBlock b;
  const auto p = static_cast<std::size_t>(*c.province);
  for (const auto y : c.selected) {
    ReportRow row{year_label(c, y), "", 0, {}};
    double total = 0.0;
    for (const auto col : cols) {
      const double v = data[(y * np + p) * nc + col];
      row.cells.push_back(ReportCell::number(v));
      total += v;
    }
    if (!c.category) row.cells.push_back(ReportCell::number(total));
    b.rows.push_back(row);
  }
  t.blocks.push_back(b);
  t.note = "HWP (4.G) is national and not in a province's total.";
  return {t};
}

std::vector<ReportTable> legacy_gases(const TableContext& c) {
  const auto& categories = c.data.text("/inventory/categories");
  const auto cols = all_or(categories.size(), c.category);
  return {by_year(c, "gases", "/inventory/co2_kt", categories, cols, "Net CO2 per category"),
          by_year(c, "gases", "/inventory/ch4_kt", categories, cols, "CH4 per category"),
          by_year(c, "gases", "/inventory/n2o_kt", categories, cols, "N2O per category")};
}

std::vector<ReportTable> legacy_crt(const TableContext& c) {
  ReportTable t;
  t.key = "crt";
  t.units = "as in column names";
  t.columns = {"area kha", "LB gain", "LB loss", "dead wood", "litter", "mineral",
               "organic",  "CO2 kt",  "CH4 kt",  "N2O kt",    "kt CO2e"};
  t.csv_columns = t.columns;
  const std::string where =
      c.province ? std::string(model::k_province_names[static_cast<std::size_t>(*c.province + 1)]) + ", " : "";
  for (const auto y : c.selected) {
    ReportBlock b;
    b.year = c.years[y];
    b.title =
        "CRT tables 4.A-4.F, " + where + year_label(c, y) + ": areas, carbon stock changes (kt C, gain +) and gases";
    for (int r = 0; r < model::k_conversion_rows; ++r) {
      if (!c.shows_category(model::row_to(r))) continue;
      const auto q = [&](Quantity x) { return c.ledger.at(y, c.province0(), r, x) * 1e-3; };
      const RowGases g = gases_at(c.ledger, y, c.province0(), r);
      const std::vector<double> v = {q(Quantity::area_ha),
                                     q(Quantity::lb_gain_tc),
                                     -q(Quantity::lb_loss_tc),
                                     q(Quantity::dead_wood_tc),
                                     q(Quantity::litter_tc),
                                     q(Quantity::mineral_soil_tc),
                                     q(Quantity::organic_soil_tc),
                                     g.co2_t * 1e-3,
                                     g.ch4_t * 1e-3,
                                     g.n2o_t * 1e-3,
                                     g.co2e_t() * 1e-3};
      bool empty = true;
      for (const double x : v) empty = empty && x == 0.0;
      if (empty) continue;
      ReportRow row{model::crt_row_code(r), model::crt_row_name(r), 0, {}};
      for (const double x : v) row.cells.push_back(ReportCell::number(x));
      b.rows.push_back(row);
    }
    t.blocks.push_back(b);
  }
  t.title = t.blocks.empty() ? "CRT tables 4.A-4.F" : t.blocks.back().title;
  return {t};
}

std::vector<ReportTable> legacy_provinces(const TableContext& c) {
  const auto& categories = c.data.text("/inventory/categories");
  const auto& names = c.data.text("/provinces/names");
  const auto data = c.data.f64("/provinces/net_kt_co2e");
  const std::size_t np = names.size(), nc = categories.size();
  ReportTable t;
  t.key = "provinces";
  t.units = spec("/provinces/net_kt_co2e").units;
  t.label_header = "province";
  const auto cols = all_or(nc, c.category);
  for (const auto col : cols) {
    t.columns.push_back(categories[col]);
    t.csv_columns.push_back(categories[col]);
  }
  for (const auto y : c.selected) {
    ReportBlock b;
    b.year = c.years[y];
    b.title = "Net emissions per province and category, " + year_label(c, y);
    for (std::size_t p = 0; p < np; ++p) {
      if (c.province && static_cast<std::size_t>(*c.province) != p) continue;
      ReportRow row{names[p], "", 0, {}};
      for (const auto col : cols) row.cells.push_back(ReportCell::number(data[(y * np + p) * nc + col]));
      b.rows.push_back(row);
    }
    t.blocks.push_back(b);
  }
  t.title = t.blocks.empty() ? "Net emissions per province and category" : t.blocks.back().title;
  return {t};
}

std::vector<ReportTable> legacy_transitions(const TableContext& c) {
  const auto cats = land_keys(c);
  const auto data = c.data.f64("/crt/table_4_1/area_kha");
  const std::size_t nc = cats.size();
  ReportTable t;
  t.key = "transitions";
  t.units = "kha";
  t.columns = cats;
  t.csv_columns = cats;
  for (const auto y : c.selected) {
    ReportBlock b;
    b.year = c.years[y];
    b.title = "Table 4.1 land transition matrix, " + year_label(c, y) + " (rows: previous year, columns: this year)";
    for (std::size_t a = 0; a < nc; ++a) {
      ReportRow row{cats[a], "", 0, {}};
      for (std::size_t k = 0; k < nc; ++k) row.cells.push_back(ReportCell::number(data[(y * nc + a) * nc + k]));
      b.rows.push_back(row);
    }
    t.blocks.push_back(b);
  }
  t.title = t.blocks.empty() ? "Table 4.1 land transition matrix" : t.blocks.back().title;
  return {t};
}

std::vector<ReportTable> legacy_organic(const TableContext& c) {
  const auto cats = land_keys(c);
  const auto cols = all_or(cats.size(), c.category);
  return {
      by_year(c, "organic", "/crt/table_4_II/drained_organic_area_kha", cats, cols, "Table 4(II): organic-soil area"),
      by_year(c, "organic", "/crt/table_4_II/doc_co2_kt", cats, cols, "Table 4(II): off-site CO2 (DOC)"),
      by_year(c, "organic", "/crt/table_4_II/ch4_kt", cats, cols, "Table 4(II): CH4 from organic soils"),
      by_year(c, "organic", "/crt/table_4_II/n2o_kt", cats, cols, "Table 4(II): N2O from organic soils")};
}

std::vector<ReportTable> legacy_fire(const TableContext& c) {
  const auto cats = land_keys(c);
  const auto cols = all_or(cats.size(), c.category);
  return {by_year(c, "fire", "/crt/table_4_V/burnt_area_ha", cats, cols, "Table 4(V): burnt area"),
          by_year(c, "fire", "/crt/table_4_V/ch4_kt", cats, cols, "Table 4(V): CH4 from wildfire"),
          by_year(c, "fire", "/crt/table_4_V/n2o_kt", cats, cols, "Table 4(V): N2O from wildfire")};
}

std::vector<ReportTable> legacy_hwp(const TableContext& c) {
  const std::vector<std::string> products = {"sawnwood", "panels", "paper"};
  return {by_year(c, "hwp", "/crt/table_4_G/inflow_kt_c", products, {0, 1, 2}, "Table 4.G: inflow to HWP pools"),
          by_year(c, "hwp", "/crt/table_4_G/stock_kt_c", products, {0, 1, 2}, "Table 4.G: HWP pools"),
          by_year(c, "hwp", "/crt/table_4_G/net_co2_kt", {"net CO2"}, {0}, "Table 4.G: net CO2 of HWP")};
}

std::vector<ReportTable> legacy_diagnostics(const TableContext& c) {
  auto t = by_year(c, "diagnostics", "/diagnostics/mass_balance_relative_error", {"closure"}, {0}, "Diagnostics");
  t.units = "closure: relative; subsidence cm; depleted ha";
  t.columns = {"closure", "subsid cm", "depleted", "fire cells"};
  t.csv_columns = {"closure", "mean_subsidence_cm", "peat_depleted_ha", "fire_cells"};
  const auto sub = c.data.f64("/diagnostics/mean_subsidence_cm");
  const auto dep = c.data.f64("/diagnostics/peat_depleted_ha");
  const auto fire = c.data.ints("/diagnostics/fire_cells");
  for (std::size_t i = 0; i < c.selected.size(); ++i) {
    const auto y = c.selected[i];
    auto& cells = t.blocks[0].rows[i].cells;
    cells.push_back(ReportCell::number(sub[y]));
    cells.push_back(ReportCell::number(dep[y]));
    cells.push_back(ReportCell::number(static_cast<double>(fire[y])));
  }
  return {t};
}

}  // namespace polder::reporting
