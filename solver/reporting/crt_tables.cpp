#include "solver/reporting/crt_tables.hpp"

#include <array>
#include <cmath>
#include <functional>
#include <string>

#include "solver/model/crt_rows.hpp"
#include "solver/model/province.hpp"
#include "solver/model/wetland_subrow.hpp"
#include "solver/reporting/crt_arithmetic.hpp"

namespace polder::reporting {
namespace {

using model::Quantity;
using Rows = std::vector<int>;
constexpr int k_cats = model::k_land_categories;

ReportCell num(double v) { return ReportCell::number(v); }
ReportCell key(const char* k) { return ReportCell::key(k); }
/// value / area, "NA" when there is no area to divide by.
ReportCell ratio(double v, double area) { return area > 0.0 ? num(v / area) : (v == 0.0 ? key("NO") : key("NA")); }

std::string code_of(int category) { return std::string(model::k_crt_codes[static_cast<std::size_t>(category)]); }
std::string name_of(int category) { return std::string(model::k_crt_names[static_cast<std::size_t>(category)]); }

std::string where(const TableContext& c) {
  return c.province ? ", " + std::string(model::k_province_names[static_cast<std::size_t>(*c.province + 1)])
                    : std::string();
}

Rows rows_to(int category) {
  Rows r;
  for (int from = 0; from < k_cats; ++from) r.push_back(model::conversion_row(category, from));
  return r;
}

/// Sum of a quantity over rows of a year (province filter applied).
double sum(const TableContext& c, std::size_t y, const Rows& rows, Quantity q) {
  double v = 0.0;
  for (const int r : rows) v += c.ledger.at(y, c.province0(), r, q);
  return v;
}

RowGases gases(const TableContext& c, std::size_t y, const Rows& rows) {
  RowGases g;
  for (const int r : rows) add_to(g, gases_at(c.ledger, y, c.province0(), r));
  return g;
}

/// A row whose cells are all zero numbers becomes "NO" (not occurring), as the CRT writes it.
void mark_not_occurring(ReportRow& row) {
  for (const auto& cell : row.cells) {
    if (!cell.is_number() && cell.text != "NO") return;
    if (cell.is_number() && cell.value != 0.0) return;
  }
  for (auto& cell : row.cells) cell = key("NO");
}

ReportTable make(std::string key, std::string sheet, std::string file, std::string title, std::string units) {
  ReportTable t;
  t.key = std::move(key);
  t.sheet = std::move(sheet);
  t.file = std::move(file);
  t.title = std::move(title);
  t.units = std::move(units);
  return t;
}

/// One row per land category (and a total), its cells from `cells(year, rows)`.
void category_blocks(const TableContext& c, ReportTable& t,
                     const std::function<std::vector<ReportCell>(std::size_t, const Rows&)>& cells,
                     const char* total_label = "Total for all land-use categories") {
  for (const auto y : c.selected) {
    ReportBlock b;
    b.year = c.years[y];
    if (!c.category) {
      Rows all;
      for (int r = 0; r < model::k_conversion_rows; ++r) all.push_back(r);
      b.rows.push_back({"4", total_label, 0, cells(y, all)});
    }
    for (int cat = 0; cat < k_cats; ++cat) {
      if (!c.shows_category(cat)) continue;
      ReportRow row{code_of(cat), name_of(cat), 1, cells(y, rows_to(cat))};
      mark_not_occurring(row);
      b.rows.push_back(row);
    }
    t.blocks.push_back(b);
  }
}

/// A booked quantity of 4.D sub-row `s` in year index `y`: the province, or the nation in province order.
double wetland_subrow_value(const TableContext& c, std::size_t y, int s, Quantity q) {
  const auto at = [&](int p) {
    return c.wetland_subrows[y * model::k_wetland_ledger_size + model::wetland_index(p, s, model::qi(q))];
  };
  if (c.province0() >= 0) return at(c.province0());
  double v = 0.0;
  for (int p = 0; p < model::k_provinces; ++p) v += at(p);
  return v;
}

std::vector<ReportCell> not_estimated(std::size_t n) { return std::vector<ReportCell>(n, ReportCell::key("NE")); }

}  // namespace

ReportTable table_4(const TableContext& c) {
  ReportTable t =
      make("4", "Table4", "table_4", "Table 4 Sectoral report for land use, land-use change and forestry" + where(c),
           "kt, kt CO2-eq");
  t.columns = {"Net CO2 emissions/removals (kt)", "CH4 (kt)", "N2O (kt)", "Total net emissions (kt CO2-eq)"};
  t.csv_columns = {"net_co2_kt", "ch4_kt", "n2o_kt", "net_kt_co2e"};
  t.note = "Emissions +, removals -. AR5 GWP100 (CH4 28, N2O 265). 4.H Other: NO.";
  const bool national = !c.province;
  const std::size_t nc = model::k_crt_categories;
  for (const auto y : c.selected) {
    ReportBlock b;
    b.year = c.years[y];
    std::vector<std::vector<ReportCell>> per_cat;
    std::array<double, 4> total{};
    for (int cat = 0; cat < model::k_crt_categories; ++cat) {
      std::array<double, 4> v{};
      if (national) {
        const std::size_t i = y * nc + static_cast<std::size_t>(cat);
        v = {c.data.f64("/inventory/co2_kt")[i], c.data.f64("/inventory/ch4_kt")[i], c.data.f64("/inventory/n2o_kt")[i],
             c.data.f64("/inventory/net_kt_co2e")[i]};
      } else if (cat < k_cats) {
        const RowGases g = gases(c, y, rows_to(cat));
        v = {g.co2_t * 1e-3, g.ch4_t * 1e-3, g.n2o_t * 1e-3, g.co2e_t() * 1e-3};
      }
      for (std::size_t k = 0; k < 4; ++k) total[k] += v[k];
      if (!national && cat == model::k_crt_hwp) {
        per_cat.push_back(std::vector<ReportCell>(4, key("NA")));
      } else {
        per_cat.push_back({num(v[0]), num(v[1]), num(v[2]), num(v[3])});
      }
    }
    if (national) total[3] = c.data.f64("/inventory/total_kt_co2e")[y];
    if (!c.category)
      b.rows.push_back({"4",
                        "Total LULUCF" + std::string(national ? "" : " (without 4.G)"),
                        0,
                        {num(total[0]), num(total[1]), num(total[2]), num(total[3])}});
    constexpr int k_wetlands = model::index(model::LandCategory::wetlands);
    for (int cat = 0; cat < model::k_crt_categories; ++cat) {
      if (!c.shows_category(cat)) continue;
      b.rows.push_back({code_of(cat), name_of(cat), 1, per_cat[static_cast<std::size_t>(cat)]});
      // 4.D by land-use class, so marsh drowning and restoration show beside the total.
      for (int s = 0; cat == k_wetlands && !c.wetland_subrows.empty() && s < model::k_wetland_subrows; ++s) {
        const RowGases g = gases_of([&](Quantity q) { return wetland_subrow_value(c, y, s, q); });
        ReportRow row{
            code_of(cat) + "." + std::string(model::k_wetland_subrow_keys[static_cast<std::size_t>(s)]),
            "of which " + model::lower_first(std::string(model::k_wetland_subrow_names[static_cast<std::size_t>(s)])),
            2,
            {num(g.co2_t * 1e-3), num(g.ch4_t * 1e-3), num(g.n2o_t * 1e-3), num(g.co2e_t() * 1e-3)}};
        mark_not_occurring(row);
        b.rows.push_back(row);
      }
    }
    if (!c.category) b.rows.push_back({"4.H", "Other", 1, std::vector<ReportCell>(4, key("NO"))});
    t.blocks.push_back(b);
  }
  if (!national) t.note += " HWP (4.G) is national: NA for a province.";
  return t;
}

ReportTable table_4_1(const TableContext& c) {
  ReportTable t = make("4.1", "Table4.1", "table_4_1", "Table 4.1 Land transition matrix", "kha");
  t.code_header = "initial";
  t.label_header = "initial land use";
  t.groups = {{"Final land use (this year)", static_cast<std::size_t>(k_cats)}, {"", 1}};
  for (int to = 0; to < k_cats; ++to) {
    t.columns.push_back(name_of(to) + " (kha)");
    t.csv_columns.push_back(std::string(model::k_land_category_names[static_cast<std::size_t>(to)]) + "_kha");
  }
  t.columns.push_back("Initial area (kha)");
  t.csv_columns.push_back("initial_area_kha");
  t.note = "Rows: land use in the previous year; columns: this year. All land is managed (no unmanaged split).";
  const auto m = c.data.f64("/crt/table_4_1/area_kha");
  const std::size_t n = k_cats;
  for (const auto y : c.selected) {
    ReportBlock b;
    b.year = c.years[y];
    std::array<double, k_cats> final_area{};
    double all = 0.0;
    for (std::size_t from = 0; from < n; ++from) {
      ReportRow row{code_of(static_cast<int>(from)), name_of(static_cast<int>(from)), 1, {}};
      double initial = 0.0;
      for (std::size_t to = 0; to < n; ++to) {
        const double v = m[(y * n + from) * n + to];
        row.cells.push_back(num(v));
        initial += v;
        final_area[to] += v;
      }
      all += initial;
      row.cells.push_back(num(initial));
      b.rows.push_back(row);
    }
    ReportRow fin{"final", "Final area", 0, {}};
    for (const double v : final_area) fin.cells.push_back(num(v));
    fin.cells.push_back(num(all));
    b.rows.push_back(fin);
    ReportRow change{"change", "Net change", 0, {}};
    for (std::size_t to = 0; to < n; ++to) {
      double initial = 0.0;
      for (std::size_t k = 0; k < n; ++k) initial += m[(y * n + to) * n + k];
      change.cells.push_back(num(final_area[to] - initial));
    }
    change.cells.push_back(key("NA"));
    b.rows.push_back(change);
    t.blocks.push_back(b);
  }
  return t;
}

ReportTable table_land_category(const TableContext& c, int category) {
  const std::string code = code_of(category);
  ReportTable t = make(code, "Table" + code, "table_4_" + std::string(1, static_cast<char>('a' + category)),
                       "Table " + code + " " + name_of(category) + where(c), "kha, t C/ha, kt C, kt CO2");
  t.groups = {{"Activity data", 3},
              {"Implied carbon stock change factors (t C/ha)", 7},
              {"Carbon stock changes (kt C)", 7},
              {"", 1}};
  const std::vector<std::string> pools = {
      "Living biomass: gains", "Living biomass: losses",    "Living biomass: net change", "Dead wood: net change",
      "Litter: net change",    "Mineral soils: net change", "Organic soils: net change"};
  const std::vector<std::string> keys = {
      "living_biomass_gains", "living_biomass_losses", "living_biomass_net", "dead_wood", "litter",
      "mineral_soils",        "organic_soils"};
  t.columns = {"Total area (kha)", "Mineral soils area (kha)", "Organic soils area (kha)"};
  t.csv_columns = {"area_kha", "mineral_area_kha", "organic_area_kha"};
  for (std::size_t k = 0; k < pools.size(); ++k) {
    t.columns.push_back(pools[k] + " (t C/ha)");
    t.csv_columns.push_back("ief_" + keys[k] + "_t_c_per_ha");
  }
  for (std::size_t k = 0; k < pools.size(); ++k) {
    t.columns.push_back(pools[k] + " (kt C)");
    t.csv_columns.push_back(keys[k] + "_kt_c");
  }
  t.columns.push_back("Net CO2 emissions/removals (kt)");
  t.csv_columns.push_back("net_co2_kt");
  t.note =
      "Stock change: gain +, loss -; net CO2: emission +, removal - (-44/12 x stock change, plus off-site CO2 from "
      "DOC of organic soils, also shown in 4(II)). Implied factors per total area; mineral and organic soils per "
      "their own area. NO: not occurring; NA: no area to divide by.";
  // The cells of a row from its booked quantities `v(q)` and its net CO2.
  const auto cells_of = [](const std::function<double(Quantity)>& v, double co2_t) {
    const double area = v(Quantity::area_ha) * 1e-3;
    const double organic = v(Quantity::organic_area_ha) * 1e-3;
    const double mineral = area - organic;
    const double gains = v(Quantity::lb_gain_tc) * 1e-3;
    const double losses = -v(Quantity::lb_loss_tc) * 1e-3;
    const std::array<double, 7> stock = {gains,
                                         losses,
                                         gains + losses,
                                         v(Quantity::dead_wood_tc) * 1e-3,
                                         v(Quantity::litter_tc) * 1e-3,
                                         v(Quantity::mineral_soil_tc) * 1e-3,
                                         v(Quantity::organic_soil_tc) * 1e-3};
    std::vector<ReportCell> out = {num(area), num(mineral), num(organic)};
    for (std::size_t k = 0; k < 7; ++k) out.push_back(ratio(stock[k], k == 5 ? mineral : k == 6 ? organic : area));
    for (const double x : stock) out.push_back(num(x));
    out.push_back(num(co2_t * 1e-3));
    return out;
  };
  const auto cells = [&](std::size_t y, const Rows& rows) {
    return cells_of([&](Quantity q) { return sum(c, y, rows, q); }, gases(c, y, rows).co2_t);
  };
  const bool subrows = category == model::index(model::LandCategory::wetlands) && !c.wetland_subrows.empty();
  if (subrows)
    t.note +=
        " 4.D by land-use class: the sub-rows (salt marsh, seagrass meadows, tidal flats, open water, reed "
        "marsh) split the total of 4.D, remaining and converted land together.";
  for (const auto y : c.selected) {
    ReportBlock b;
    b.year = c.years[y];
    const int remaining = model::conversion_row(category, category);
    Rows converted;
    for (int from = 0; from < k_cats; ++from)
      if (from != category) converted.push_back(model::conversion_row(category, from));
    b.rows.push_back({code, "Total " + model::lower_first(name_of(category)), 0, cells(y, rows_to(category))});
    b.rows.push_back({model::crt_row_code(remaining), model::crt_row_name(remaining), 1, cells(y, {remaining})});
    b.rows.push_back(
        {code + ".2", "Land converted to " + model::lower_first(name_of(category)), 1, cells(y, converted)});
    for (const int r : converted) b.rows.push_back({model::crt_row_code(r), model::crt_row_name(r), 2, cells(y, {r})});
    for (int s = 0; subrows && s < model::k_wetland_subrows; ++s) {
      const auto v = [&](Quantity q) { return wetland_subrow_value(c, y, s, q); };
      b.rows.push_back(
          {code + "." + std::string(model::k_wetland_subrow_keys[static_cast<std::size_t>(s)]),
           "of which " + model::lower_first(std::string(model::k_wetland_subrow_names[static_cast<std::size_t>(s)])), 1,
           cells_of(v, gases_of(v).co2_t)});
    }
    for (auto& row : b.rows) mark_not_occurring(row);
    t.blocks.push_back(b);
  }
  return t;
}

ReportTable table_4_I(const TableContext& c) {
  ReportTable t = make("4(I)", "Table4(I)", "table_4_i",
                       "Table 4(I) Direct N2O emissions from nitrogen inputs to managed soils" + where(c), "kt N, kt");
  t.columns = {"N input from fertilizers and organic amendments (kt N)", "Implied emission factor (kg N2O-N/kg N)",
               "N2O emissions (kt)"};
  t.csv_columns = {"n_input_kt_n", "ief_kg_n2o_n_per_kg_n", "n2o_kt"};
  t.note =
      "NE: Polder does not estimate N inputs to forest land, wetlands and settlements; N applied to cropland and "
      "grassland is reported in Agriculture (3.D).";
  category_blocks(c, t, [](std::size_t, const Rows&) { return not_estimated(3); });
  return t;
}

ReportTable table_4_II(const TableContext& c) {
  ReportTable t = make("4(II)", "Table4(II)", "table_4_ii",
                       "Table 4(II) Emissions and removals from drainage and rewetting and other management of "
                       "organic soils" +
                           where(c),
                       "kha, kt, kg/ha");
  t.groups = {{"Activity data", 3}, {"Emissions", 3}, {"Implied emission factors", 2}, {"Memo", 1}};
  t.columns = {"Organic soils, drained and rewetted (kha)",
               "of which rewetted (kha)",
               "of which peat soils (kha)",
               "Off-site CO2 from dissolved organic carbon (kt)",
               "CH4 incl. ditches (kt)",
               "N2O (kt)",
               "CH4 (kg CH4/ha)",
               "N2O (kg N2O/ha)",
               "N2O of cropland and grassland reported in Agriculture 3.D.a.6 (kt)"};
  t.csv_columns = {"organic_area_kha",  "rewetted_area_kha", "peat_area_kha",          "doc_co2_kt", "ch4_kt", "n2o_kt",
                   "ief_ch4_kg_per_ha", "ief_n2o_kg_per_ha", "n2o_agriculture_memo_kt"};
  t.note = "Implied factors per hectare of organic soil. The memo column is not in the LULUCF totals.";
  category_blocks(c, t, [&](std::size_t y, const Rows& rows) {
    const double area_ha = sum(c, y, rows, Quantity::organic_area_ha);
    const double ch4 = sum(c, y, rows, Quantity::ch4_organic_t), n2o = sum(c, y, rows, Quantity::n2o_organic_t);
    return std::vector<ReportCell>{num(area_ha * 1e-3),
                                   num(sum(c, y, rows, Quantity::rewetted_area_ha) * 1e-3),
                                   num(sum(c, y, rows, Quantity::peat_area_ha) * 1e-3),
                                   num(sum(c, y, rows, Quantity::doc_tc) * model::k_co2_per_c * 1e-3),
                                   num(ch4 * 1e-3),
                                   num(n2o * 1e-3),
                                   ratio(ch4 * 1e3, area_ha),
                                   ratio(n2o * 1e3, area_ha),
                                   num(sum(c, y, rows, Quantity::n2o_organic_agri_t) * 1e-3)};
  });
  return t;
}

ReportTable table_4_III(const TableContext& c) {
  ReportTable t = make("4(III)", "Table4(III)", "table_4_iii",
                       "Table 4(III) Direct N2O emissions from nitrogen mineralization/immobilization associated with "
                       "loss/gain of soil organic matter" +
                           where(c),
                       "kt C, kt N, kt");
  t.columns = {"Mineral-soil carbon stock change (kt C)", "N mineralized (kt N)", "N2O emissions (kt)"};
  t.csv_columns = {"mineral_soils_kt_c", "n_mineralized_kt_n", "n2o_kt"};
  t.note = "N mineralized is not reported separately (NE); N2O follows from the carbon lost and the C:N ratio.";
  category_blocks(c, t, [&](std::size_t y, const Rows& rows) {
    return std::vector<ReportCell>{num(sum(c, y, rows, Quantity::mineral_soil_tc) * 1e-3), key("NE"),
                                   num(sum(c, y, rows, Quantity::n2o_mineralisation_t) * 1e-3)};
  });
  return t;
}

ReportTable table_4_IV(const TableContext& c) {
  ReportTable t = make("4(IV)", "Table4(IV)", "table_4_iv",
                       "Table 4(IV) Indirect N2O emissions from managed soils" + where(c), "kt N, kt");
  t.columns = {"N volatilised or leached (kt N)", "N2O emissions (kt)"};
  t.csv_columns = {"n_kt_n", "n2o_kt"};
  t.note = "NE: Polder does not estimate indirect N2O.";
  for (const auto y : c.selected) {
    ReportBlock b;
    b.year = c.years[y];
    b.rows.push_back({"4(IV)", "Total", 0, not_estimated(2)});
    b.rows.push_back({"4(IV).1", "Atmospheric deposition", 1, not_estimated(2)});
    b.rows.push_back({"4(IV).2", "Nitrogen leaching and run-off", 1, not_estimated(2)});
    t.blocks.push_back(b);
  }
  return t;
}

ReportTable table_4_V(const TableContext& c) {
  ReportTable t =
      make("4(V)", "Table4(V)", "table_4_v", "Table 4(V) Biomass burning (wildfires)" + where(c), "kha, kt, kg/ha");
  t.groups = {{"Activity data", 1}, {"Emissions", 3}, {"Implied emission factors", 2}};
  t.columns = {"Area burned (kha)", "CO2 (kt)", "CH4 (kt)", "N2O (kt)", "CH4 (kg/ha)", "N2O (kg/ha)"};
  t.csv_columns = {"burnt_area_kha", "co2_kt", "ch4_kt", "n2o_kt", "ief_ch4_kg_per_ha", "ief_n2o_kg_per_ha"};
  t.note =
      "Wildfires only; no controlled burning. CO2 is included in the carbon stock changes of 4.A-4.F (IE in Table 4).";
  category_blocks(c, t, [&](std::size_t y, const Rows& rows) {
    const double area_ha = sum(c, y, rows, Quantity::burnt_area_ha);
    const double ch4 = sum(c, y, rows, Quantity::ch4_fire_t), n2o = sum(c, y, rows, Quantity::n2o_fire_t);
    return std::vector<ReportCell>{num(area_ha * 1e-3),       num(sum(c, y, rows, Quantity::fire_co2_t) * 1e-3),
                                   num(ch4 * 1e-3),           num(n2o * 1e-3),
                                   ratio(ch4 * 1e3, area_ha), ratio(n2o * 1e3, area_ha)};
  });
  return t;
}

ReportTable table_4_G(const TableContext& c) {
  ReportTable t = make("4.G", "Table4.G", "table_4_g", "Table 4.G Harvested wood products (production approach)",
                       "yr, kt C, kt CO2");
  t.code_header = "code";
  t.label_header = "product";
  t.columns = {"Half-life (yr)",
               "Inflow (kt C)",
               "Decay (kt C)",
               "Net change in stock (kt C)",
               "Stock at the end of the year (kt C)",
               "Net CO2 emissions/removals (kt)"};
  t.csv_columns = {"half_life_yr", "inflow_kt_c", "decay_kt_c", "net_change_kt_c", "stock_kt_c", "net_co2_kt"};
  t.note =
      "Domestic harvest only (production approach), first-order decay (IPCC 2019 Eq. 12.1, Reg. (EU) 2018/841 "
      "Annex V). Net CO2 = -44/12 x net change.";
  std::array<ReportCell, 3> half_life = {key("NA"), key("NA"), key("NA")};
  if (c.data.has("/provenance/parameters/name")) {
    const auto& names = c.data.text("/provenance/parameters/name");
    const auto values = c.data.f64("/provenance/parameters/value");
    const std::array<const char*, 3> keys = {"hwp.half_life.sawnwood", "hwp.half_life.panels", "hwp.half_life.paper"};
    for (std::size_t i = 0; i < names.size(); ++i)
      for (std::size_t k = 0; k < 3; ++k)
        if (names[i] == keys[k]) half_life[k] = num(values[i]);
  }
  const auto in = c.data.f64("/crt/table_4_G/inflow_kt_c");
  const auto st = c.data.f64("/crt/table_4_G/stock_kt_c");
  const auto de = c.data.f64("/crt/table_4_G/decay_kt_c");
  const auto& products = c.data.text("/crt/table_4_G/products");
  for (const auto y : c.selected) {
    ReportBlock b;
    b.year = c.years[y];
    std::array<double, 4> total{};
    std::vector<ReportRow> rows;
    for (std::size_t k = 0; k < 3; ++k) {
      const double i = in[y * 3 + k], d = de[y * 3 + k], s = st[y * 3 + k];
      total[0] += i;
      total[1] += d;
      total[2] += s;
      std::string label = products[k];
      if (!label.empty()) label[0] = static_cast<char>(label[0] - 'a' + 'A');
      rows.push_back({"4.G." + std::to_string(k + 1),
                      label,
                      1,
                      {half_life[k], num(i), num(d), num(i - d), num(s), num(-model::k_co2_per_c * (i - d))}});
    }
    b.rows.push_back({"4.G",
                      "Total harvested wood products",
                      0,
                      {key("NA"), num(total[0]), num(total[1]), num(total[0] - total[1]), num(total[2]),
                       num(c.data.f64("/crt/table_4_G/net_co2_kt")[y])}});
    b.rows.insert(b.rows.end(), rows.begin(), rows.end());
    t.blocks.push_back(b);
  }
  return t;
}

}  // namespace polder::reporting
