#pragma once
// Reporting arithmetic: from the reduced ledger of a year to the CRT-shaped tables (net CO2, CH4, N2O
// and CO2-eq per category and per row). Emissions are +, removals are - (UNFCCC CRT convention);
// stock changes are + for a gain. GWP: AR5 (CH4 28, N2O 265).

#include <array>

#include "solver/model/year_totals.hpp"

namespace polder::model {

struct RowGases {
  double stock_change_tc = 0.0;  ///< sum of the carbon stock changes (gain +)
  double co2_t = 0.0;            ///< net CO2 (emission +): -44/12 * stock change + off-site DOC
  double ch4_t = 0.0;
  double n2o_t = 0.0;
  double co2e_t() const { return co2_t + k_gwp_ch4 * ch4_t + k_gwp_n2o * n2o_t; }
};

/// Gases of one ledger cell (province0, row).
inline RowGases row_gases(const YearTotals& y, int province0, int row) {
  RowGases g;
  const auto v = [&](Quantity q) { return y.value(province0, row, q); };
  g.stock_change_tc = v(Quantity::lb_gain_tc) - v(Quantity::lb_loss_tc) + v(Quantity::dead_wood_tc) +
                      v(Quantity::litter_tc) + v(Quantity::mineral_soil_tc) + v(Quantity::organic_soil_tc);
  g.co2_t = -k_co2_per_c * g.stock_change_tc + k_co2_per_c * v(Quantity::doc_tc);
  g.ch4_t = v(Quantity::ch4_organic_t) + v(Quantity::ch4_wetland_t) + v(Quantity::ch4_fire_t);
  g.n2o_t = v(Quantity::n2o_organic_t) + v(Quantity::n2o_mineralisation_t) + v(Quantity::n2o_fire_t);
  return g;
}

/// Sum over provinces of one CRT row.
inline RowGases national_row(const YearTotals& y, int row) {
  RowGases g;
  for (int p = 0; p < k_provinces; ++p) {
    const RowGases r = row_gases(y, p, row);
    g.stock_change_tc += r.stock_change_tc;
    g.co2_t += r.co2_t;
    g.ch4_t += r.ch4_t;
    g.n2o_t += r.n2o_t;
  }
  return g;
}

/// Net CO2 of harvested wood products (4.G): the pools' net gain is a removal.
inline double hwp_co2_t(const YearTotals& y) { return -k_co2_per_c * y.hwp.net_change_tc(); }

/// Net kt CO2-eq per CRT category 4.A ... 4.G for one province (province0 >= 0) or nationally (-1).
/// HWP is national only (it is not attached to a province's land).
inline std::array<double, k_crt_categories> category_co2e_kt(const YearTotals& y, int province0 = -1) {
  std::array<double, k_crt_categories> out{};
  for (int row = 0; row < k_conversion_rows; ++row) {
    const RowGases g = province0 < 0 ? national_row(y, row) : row_gases(y, province0, row);
    out[static_cast<std::size_t>(row_to(row))] += g.co2e_t() * 1e-3;
  }
  if (province0 < 0) out[k_crt_hwp] = hwp_co2_t(y) * 1e-3;
  return out;
}

}  // namespace polder::model
