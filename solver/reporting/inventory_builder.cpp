#include "solver/reporting/inventory_builder.hpp"

#include <cmath>
#include <functional>
#include <string>

#include "solver/model/crt_rows.hpp"
#include "solver/reporting/crt_arithmetic.hpp"
#include "solver/reporting/crt_series.hpp"
#include "solver/reporting/ledger_view.hpp"
#include "solver/reporting/output_schema.hpp"

namespace polder::reporting {
namespace {

using model::Quantity;
constexpr int k_rows = model::k_conversion_rows;
constexpr int k_cats = model::k_land_categories;

std::vector<std::size_t> shape_of(const std::string& path, std::size_t years) {
  return expected_shape(spec(path), RunDims{years, 0, 0});
}

class Builder {
 public:
  Builder(const std::vector<model::YearTotals>& years, InventoryData& out)
      : m_years(years), m_ny(years.size()), m_out(out) {
    for (const auto& y : years)
      for (const auto v : y.ledger) m_ledger.push_back(static_cast<double>(v) * model::k_ledger_quantum);
    m_view = LedgerView(m_ledger, m_ny);
  }

  void put(const std::string& path, std::vector<double> v) {
    m_out.put(path, f64_dataset(shape_of(path, m_ny), std::move(v)));
  }
  void put_text(const std::string& path, std::vector<std::string> v) { m_out.put(path, text_dataset(std::move(v))); }

  void inventory() {
    std::vector<std::int64_t> year_values;
    for (const auto& y : m_years) year_values.push_back(y.year);
    m_out.put("/inventory/years", int_dataset(ValueType::i32, {m_ny}, year_values));
    std::vector<std::string> codes, names;
    for (int c = 0; c < model::k_crt_categories; ++c) {
      codes.emplace_back(model::k_crt_codes[static_cast<std::size_t>(c)]);
      names.emplace_back(model::k_crt_names[static_cast<std::size_t>(c)]);
    }
    put_text("/inventory/categories", codes);
    put_text("/inventory/category_names", names);
    std::vector<double> net, co2, ch4, n2o, total;
    for (std::size_t yi = 0; yi < m_ny; ++yi) {
      const auto& y = m_years[yi];
      const auto cat = category_co2e_kt(y);
      double sum = 0.0;
      std::array<double, model::k_crt_categories> c2{}, c4{}, n2{};
      for (int row = 0; row < k_rows; ++row) {
        const auto g = national_row(m_view, yi, row);
        const auto c = static_cast<std::size_t>(model::row_to(row));
        c2[c] += g.co2_t * 1e-3;
        c4[c] += g.ch4_t * 1e-3;
        n2[c] += g.n2o_t * 1e-3;
      }
      c2[model::k_crt_hwp] = hwp_co2_t(y) * 1e-3;
      for (std::size_t c = 0; c < cat.size(); ++c) {
        net.push_back(cat[c]);
        co2.push_back(c2[c]);
        ch4.push_back(c4[c]);
        n2o.push_back(n2[c]);
        sum += cat[c];
      }
      total.push_back(sum);
    }
    put("/inventory/net_kt_co2e", net);
    put("/inventory/total_kt_co2e", total);
    put("/inventory/co2_kt", co2);
    put("/inventory/ch4_kt", ch4);
    put("/inventory/n2o_kt", n2o);
  }

  void crt_rows() {
    std::vector<std::string> row_codes, row_names;
    for (int row = 0; row < k_rows; ++row) {
      row_codes.push_back(model::crt_row_code(row));
      row_names.push_back(model::crt_row_name(row));
    }
    put_text("/crt/rows", row_codes);
    put_text("/crt/row_names", row_names);
    const auto per_row = [&](const std::string& name, const std::function<double(std::size_t, int)>& value) {
      std::vector<double> v;
      for (std::size_t y = 0; y < m_ny; ++y)
        for (int row = 0; row < k_rows; ++row) v.push_back(value(y, row));
      put("/crt/" + name, v);
    };
    const auto kilo = [&](Quantity q) {
      return [this, q](std::size_t y, int row) { return m_view.national(y, row, q) * 1e-3; };
    };
    per_row("area_kha", kilo(Quantity::area_ha));
    per_row("organic_area_kha", kilo(Quantity::organic_area_ha));
    per_row("living_biomass_gains_kt_c", kilo(Quantity::lb_gain_tc));
    per_row("living_biomass_losses_kt_c",
            [&](std::size_t y, int row) { return -m_view.national(y, row, Quantity::lb_loss_tc) * 1e-3; });
    per_row("dead_wood_kt_c", kilo(Quantity::dead_wood_tc));
    per_row("litter_kt_c", kilo(Quantity::litter_tc));
    per_row("mineral_soils_kt_c", kilo(Quantity::mineral_soil_tc));
    per_row("organic_soils_kt_c", kilo(Quantity::organic_soil_tc));
    per_row("net_stock_change_kt_c",
            [&](std::size_t y, int row) { return national_row(m_view, y, row).stock_change_tc * 1e-3; });
    per_row("co2_kt", [&](std::size_t y, int row) { return national_row(m_view, y, row).co2_t * 1e-3; });
    per_row("ch4_kt", [&](std::size_t y, int row) { return national_row(m_view, y, row).ch4_t * 1e-3; });
    per_row("n2o_kt", [&](std::size_t y, int row) { return national_row(m_view, y, row).n2o_t * 1e-3; });
    per_row("net_kt_co2e", [&](std::size_t y, int row) { return national_row(m_view, y, row).co2e_t() * 1e-3; });
  }

  /// The 4.D sub-rows by land-use class (model/wetland_subrow.hpp), national.
  void wetland_subrows() {
    put_text("/crt/wetland_subrows/names",
             std::vector<std::string>(model::k_wetland_subrow_names.begin(), model::k_wetland_subrow_names.end()));
    const auto per_subrow = [&](const std::string& name, const std::function<double(std::size_t, int)>& value) {
      std::vector<double> v;
      for (std::size_t y = 0; y < m_ny; ++y)
        for (int s = 0; s < model::k_wetland_subrows; ++s) v.push_back(value(y, s));
      put("/crt/wetland_subrows/" + name, v);
    };
    per_subrow("area_kha", [&](std::size_t y, int s) {
      double a = 0.0;
      for (int p = 0; p < model::k_provinces; ++p) a += m_years[y].wetland_value(p, s, Quantity::area_ha);
      return a * 1e-3;
    });
    const auto gas = [&](double RowGases::*member) {
      return [this, member](std::size_t y, int s) { return national_wetland_subrow(m_years[y], s).*member * 1e-3; };
    };
    per_subrow("net_stock_change_kt_c", gas(&RowGases::stock_change_tc));
    per_subrow("co2_kt", gas(&RowGases::co2_t));
    per_subrow("ch4_kt", gas(&RowGases::ch4_t));
    per_subrow("n2o_kt", gas(&RowGases::n2o_t));
    per_subrow("net_kt_co2e",
               [&](std::size_t y, int s) { return national_wetland_subrow(m_years[y], s).co2e_t() * 1e-3; });
  }

  void crt_tables() {
    std::vector<double> matrix;
    for (const auto& y : m_years)
      for (int from = 0; from < k_cats; ++from)
        for (int to = 0; to < k_cats; ++to) {
          double v = 0.0;
          for (int p = 0; p < model::k_provinces; ++p)
            v += static_cast<double>(y.transitions[model::transition_index(p, from, to)]) * model::k_ledger_quantum;
          matrix.push_back(v * 1e-3);
        }
    put("/crt/table_4_1/area_kha", matrix);
    put_text("/crt/table_4_1/categories",
             std::vector<std::string>(model::k_land_category_names.begin(), model::k_land_category_names.end()));
    const auto per_category = [&](const std::string& name, Quantity q, double scale) {
      std::vector<double> v;
      for (std::size_t y = 0; y < m_ny; ++y) {
        std::array<double, k_cats> c{};
        for (int row = 0; row < k_rows; ++row)
          c[static_cast<std::size_t>(model::row_to(row))] += m_view.national(y, row, q);
        for (const double x : c) v.push_back(x * scale);
      }
      put(name, v);
    };
    per_category("/crt/table_4_II/drained_organic_area_kha", Quantity::organic_area_ha, 1e-3);
    per_category("/crt/table_4_II/rewetted_area_kha", Quantity::rewetted_area_ha, 1e-3);
    per_category("/crt/table_4_II/doc_co2_kt", Quantity::doc_tc, model::k_co2_per_c * 1e-3);
    per_category("/crt/table_4_II/ch4_kt", Quantity::ch4_organic_t, 1e-3);
    per_category("/crt/table_4_II/n2o_kt", Quantity::n2o_organic_t, 1e-3);
    per_category("/crt/table_4_III/n2o_kt", Quantity::n2o_mineralisation_t, 1e-3);
    per_category("/crt/table_4_V/burnt_area_ha", Quantity::burnt_area_ha, 1.0);
    per_category("/crt/table_4_V/co2_kt", Quantity::fire_co2_t, 1e-3);
    per_category("/crt/table_4_V/ch4_kt", Quantity::ch4_fire_t, 1e-3);
    per_category("/crt/table_4_V/n2o_kt", Quantity::n2o_fire_t, 1e-3);
    per_category("/crt/wetlands/ch4_kt", Quantity::ch4_wetland_t, 1e-3);
    per_category("/crt/table_4_II/n2o_agriculture_memo_kt", Quantity::n2o_organic_agri_t, 1e-3);
    per_category("/crt/table_4_II/peat_area_kha", Quantity::peat_area_ha, 1e-3);
    per_category("/crt/mineral_soils_climate_memo_kt_c", Quantity::mineral_climate_tc, 1e-3);
    per_category("/crt/forest/increment_mm3", Quantity::increment_m3, 1e-6);
    per_category("/crt/forest/fellings_mm3", Quantity::fellings_m3, 1e-6);
    per_category("/crt/forest/standing_volume_mm3", Quantity::standing_volume_m3, 1e-6);

    std::vector<double> inflow, stock, decay, hwp_net;
    for (const auto& y : m_years) {
      for (int k = 0; k < 3; ++k) {
        inflow.push_back(y.hwp.inflow_tc[k] * 1e-3);
        stock.push_back(y.hwp.stock_tc[k] * 1e-3);
        decay.push_back(y.hwp.decay_tc[k] * 1e-3);
      }
      hwp_net.push_back(hwp_co2_t(y) * 1e-3);
    }
    put_text("/crt/table_4_G/products", {"sawnwood", "wood-based panels", "paper and paperboard"});
    put("/crt/table_4_G/inflow_kt_c", inflow);
    put("/crt/table_4_G/stock_kt_c", stock);
    put("/crt/table_4_G/decay_kt_c", decay);
    put("/crt/table_4_G/net_co2_kt", hwp_net);
  }

  void provinces() {
    put_text("/provinces/names",
             std::vector<std::string>(model::k_province_names.begin() + 1, model::k_province_names.end()));
    std::vector<double> pnet, parea;
    for (std::size_t yi = 0; yi < m_ny; ++yi)
      for (int p = 0; p < model::k_provinces; ++p) {
        const auto c = category_co2e_kt(m_years[yi], p);
        for (int k = 0; k < model::k_crt_categories; ++k) pnet.push_back(c[static_cast<std::size_t>(k)]);
        std::array<double, k_cats> area{};
        for (int row = 0; row < k_rows; ++row)
          area[static_cast<std::size_t>(model::row_to(row))] += m_view.value(yi, p, row, Quantity::area_ha) * 1e-3;
        parea.insert(parea.end(), area.begin(), area.end());
      }
    put("/provinces/net_kt_co2e", pnet);
    put("/provinces/area_kha", parea);
  }

  void ledger() {
    put("/ledger/values", m_ledger);
    std::vector<double> wetland;
    for (const auto& y : m_years)
      for (const auto v : y.wetland) wetland.push_back(static_cast<double>(v) * model::k_ledger_quantum);
    put("/ledger/wetland_subrows", std::move(wetland));
    put_text("/ledger/quantities",
             std::vector<std::string>(model::k_quantity_keys.begin(), model::k_quantity_keys.end()));
  }

  void diagnostics() {
    std::vector<double> balance, subsidence, depleted, water_table;
    std::vector<std::int64_t> ignitions, burnt, patches;
    std::vector<double> burnt_ha, large_ha, largest_ha;
    for (std::size_t yi = 0; yi < m_ny; ++yi) {
      const auto& y = m_years[yi];
      balance.push_back(y.mass_balance_relative_error);
      double sub = 0.0, org = 0.0, dep = 0.0, wtd = 0.0, rewetted = 0.0;
      for (int row = 0; row < k_rows; ++row) {
        sub += m_view.national(yi, row, Quantity::subsidence_cm_ha);
        org += m_view.national(yi, row, Quantity::organic_area_ha);
        dep += m_view.national(yi, row, Quantity::peat_depleted_ha);
        wtd += m_view.national(yi, row, Quantity::wtd_cm_ha);
        rewetted += m_view.national(yi, row, Quantity::rewetted_area_ha);
      }
      subsidence.push_back(org > 0.0 ? sub / org : 0.0);
      water_table.push_back(org - rewetted > 0.0 ? wtd / (org - rewetted) : 0.0);
      depleted.push_back(dep);
      ignitions.push_back(y.fire_ignitions);
      burnt.push_back(y.fire_cells);
      patches.push_back(y.fire_patches);
      burnt_ha.push_back(static_cast<double>(y.fire_cells) * model::k_cell_area_ha);
      large_ha.push_back(static_cast<double>(y.fire_large_cells) * model::k_cell_area_ha);
      largest_ha.push_back(static_cast<double>(y.fire_largest_cells) * model::k_cell_area_ha);
    }
    put("/diagnostics/mass_balance_relative_error", balance);
    put("/diagnostics/mean_subsidence_cm", subsidence);
    put("/diagnostics/peat_depleted_ha", depleted);
    put("/diagnostics/mean_water_table_depth_cm", water_table);
    m_out.put("/diagnostics/fire_ignitions", int_dataset(ValueType::i64, {m_ny}, ignitions));
    m_out.put("/diagnostics/fire_cells", int_dataset(ValueType::i64, {m_ny}, burnt));
    m_out.put("/diagnostics/fire_patches", int_dataset(ValueType::i64, {m_ny}, patches));
    put("/diagnostics/fire_burnt_ha", burnt_ha);
    put("/diagnostics/fire_effis_ha", large_ha);
    put("/diagnostics/fire_largest_ha", largest_ha);
  }

 private:
  const std::vector<model::YearTotals>& m_years;
  std::size_t m_ny;
  InventoryData& m_out;
  std::vector<double> m_ledger;
  LedgerView m_view;
};

std::string join_years(const std::vector<std::int32_t>& years) {
  std::string s;
  for (const auto y : years) {
    if (!s.empty()) s += ' ';
    s += std::to_string(y);
  }
  return s;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) {
    if (!s.empty()) s += ' ';
    s += x;
  }
  return s;
}

}  // namespace

void add_eu_accounting(InventoryData& data, const EuAccounting& a) {
  const std::size_t ny = a.years.size();
  data.put(
      "/eu_accounting/accounting_categories",
      text_dataset(std::vector<std::string>(k_accounting_category_keys.begin(), k_accounting_category_keys.end())));
  std::vector<std::string> rows;
  for (int r = 0; r < model::k_conversion_rows; ++r) {
    const auto c = accounting_category_of_row(r);
    rows.emplace_back(c == AccountingCategory::not_accounted
                          ? k_not_accounted
                          : k_accounting_category_keys[static_cast<std::size_t>(index(c))]);
  }
  data.put("/eu_accounting/row_categories", text_dataset(rows));
  data.put("/eu_accounting/hwp_origins",
           text_dataset(std::vector<std::string>(k_hwp_origin_keys.begin(), k_hwp_origin_keys.end())));
  std::vector<double> net, hwp;
  for (std::size_t y = 0; y < ny; ++y) {
    net.insert(net.end(), a.net_kt_co2e[y].begin(), a.net_kt_co2e[y].end());
    hwp.insert(hwp.end(), a.hwp_by_origin_kt_co2[y].begin(), a.hwp_by_origin_kt_co2[y].end());
  }
  data.put("/eu_accounting/net_kt_co2e", f64_dataset({ny, static_cast<std::size_t>(k_accounting_categories)}, net));
  data.put("/eu_accounting/hwp_by_origin_kt_co2", f64_dataset({ny, static_cast<std::size_t>(k_hwp_origins)}, hwp));
  data.put("/eu_accounting/managed_forest_exempt_kt_co2e", f64_dataset({ny}, a.managed_forest_exempt_kt_co2e));
  data.put("/eu_accounting/total_kt_co2e", f64_dataset({ny}, a.total_kt_co2e));
  for (const auto& [key, term] : a.terms) {
    const std::string path = "/eu_accounting/" + key;
    const DatasetSpec& s = spec(path);
    Dataset d = f64_dataset(expected_shape(s, RunDims{ny, 0, 0}), term.values);
    d.attributes.emplace_back("status", term.complete() ? "complete" : "missing");
    if (!term.missing_years.empty()) d.attributes.emplace_back("missing_years", join_years(term.missing_years));
    if (!term.missing_parameters.empty())
      d.attributes.emplace_back("missing_parameters", join(term.missing_parameters));
    if (!term.unverified_parameters.empty())
      d.attributes.emplace_back("unverified_parameters", join(term.unverified_parameters));
    data.put(path, std::move(d));
  }
}

InventoryData build_inventory_data(const std::vector<model::YearTotals>& years, const EuParameters& eu) {
  InventoryData out;
  Builder b(years, out);
  b.inventory();
  b.crt_rows();
  b.crt_tables();
  b.wetland_subrows();
  b.provinces();
  b.ledger();
  b.diagnostics();
  add_eu_accounting(out, evaluate_eu_accounting(crt_series(out, eu.hwp_half_life_yr), eu));
  return out;
}

}  // namespace polder::reporting
