#pragma once
// The CRT arithmetic: from the booked quantities of a ledger cell (province, CRT row) to net CO2, CH4,
// N2O and CO2-eq. Emissions are +, removals are - (UNFCCC CRT convention); carbon stock changes are +
// for a gain, so net CO2 = -44/12 x stock change + off-site CO2 (DOC). GWP: AR5 GWP100 (CH4 28,
// N2O 265, solver/model/ledger_layout.hpp). Works on the engine's YearTotals and on a LedgerView read
// from a file, with the same operations in the same order, so both give the same bits.

#include <array>
#include <cstddef>

#include "solver/model/year_totals.hpp"
#include "solver/reporting/ledger_view.hpp"

namespace polder::reporting {

struct RowGases {
  double stock_change_tc = 0.0;  ///< sum of the carbon stock changes (gain +)
  double co2_t = 0.0;            ///< net CO2 (emission +): -44/12 * stock change + off-site DOC
  double ch4_t = 0.0;
  double n2o_t = 0.0;
  double co2e_t() const { return co2_t + model::k_gwp_ch4 * ch4_t + model::k_gwp_n2o * n2o_t; }
};

/// Gases of one ledger cell; `v(q)` returns the booked quantity q.
template <typename Value>
RowGases gases_of(const Value& v) {
  using model::Quantity;
  RowGases g;
  g.stock_change_tc = v(Quantity::lb_gain_tc) - v(Quantity::lb_loss_tc) + v(Quantity::dead_wood_tc) +
                      v(Quantity::litter_tc) + v(Quantity::mineral_soil_tc) + v(Quantity::organic_soil_tc);
  g.co2_t = -model::k_co2_per_c * g.stock_change_tc + model::k_co2_per_c * v(Quantity::doc_tc);
  g.ch4_t = v(Quantity::ch4_organic_t) + v(Quantity::ch4_wetland_t) + v(Quantity::ch4_fire_t);
  g.n2o_t = v(Quantity::n2o_organic_t) + v(Quantity::n2o_mineralisation_t) + v(Quantity::n2o_fire_t);
  return g;
}

inline void add_to(RowGases& sum, const RowGases& r) {
  sum.stock_change_tc += r.stock_change_tc;
  sum.co2_t += r.co2_t;
  sum.ch4_t += r.ch4_t;
  sum.n2o_t += r.n2o_t;
}

/// Gases of one ledger cell (province0, row) of a year.
inline RowGases row_gases(const model::YearTotals& y, int province0, int row) {
  return gases_of([&](model::Quantity q) { return y.value(province0, row, q); });
}
inline RowGases row_gases(const LedgerView& l, std::size_t year, int province0, int row) {
  return gases_of([&](model::Quantity q) { return l.value(year, province0, row, q); });
}

/// Sum over provinces of the gases of one CRT row (the gases of each province, added in province order).
inline RowGases national_row(const model::YearTotals& y, int row) {
  RowGases g;
  for (int p = 0; p < model::k_provinces; ++p) add_to(g, row_gases(y, p, row));
  return g;
}
inline RowGases national_row(const LedgerView& l, std::size_t year, int row) {
  RowGases g;
  for (int p = 0; p < model::k_provinces; ++p) add_to(g, row_gases(l, year, p, row));
  return g;
}
/// Sum over provinces of the gases of 4.D sub-row `subrow` (model/wetland_subrow.hpp).
inline RowGases national_wetland_subrow(const model::YearTotals& y, int subrow) {
  RowGases g;
  for (int p = 0; p < model::k_provinces; ++p)
    add_to(g, gases_of([&](model::Quantity q) { return y.wetland_value(p, subrow, q); }));
  return g;
}
/// One province, or the nation for province0 = -1.
inline RowGases gases_at(const LedgerView& l, std::size_t year, int province0, int row) {
  return province0 < 0 ? national_row(l, year, row) : row_gases(l, year, province0, row);
}

/// Net CO2 of harvested wood products (4.G): the pools' net gain is a removal.
inline double hwp_co2_t(const model::HwpYear& h) { return -model::k_co2_per_c * h.net_change_tc(); }
inline double hwp_co2_t(const model::YearTotals& y) { return hwp_co2_t(y.hwp); }

/// Net kt CO2-eq per CRT category 4.A ... 4.G for one province (province0 >= 0) or nationally (-1).
/// HWP is national only (it is not attached to a province's land).
inline std::array<double, model::k_crt_categories> category_co2e_kt(const model::YearTotals& y, int province0 = -1) {
  std::array<double, model::k_crt_categories> out{};
  for (int row = 0; row < model::k_conversion_rows; ++row) {
    const RowGases g = province0 < 0 ? national_row(y, row) : row_gases(y, province0, row);
    out[static_cast<std::size_t>(model::row_to(row))] += g.co2e_t() * 1e-3;
  }
  if (province0 < 0) out[model::k_crt_hwp] = hwp_co2_t(y) * 1e-3;
  return out;
}

}  // namespace polder::reporting
