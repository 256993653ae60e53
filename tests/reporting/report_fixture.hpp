#pragma once
// A small hand-made run for the reporting tests: three years, two provinces, a few CRT rows.

#include <vector>

#include "solver/model/year_totals.hpp"
#include "solver/reporting/eu_parameters.hpp"

namespace polder::testing {

inline void book(model::YearTotals& y, int province0, int row, model::Quantity q, double v) {
  y.ledger[model::ledger_index(province0, row, model::qi(q))] = static_cast<std::int64_t>(v / model::k_ledger_quantum);
}

/// 2020-2022. Province 6 (Utrecht, 0-based) holds forest remaining forest (1000 ha, 100 of them organic)
/// growing 2 t C/ha gross, losing 0.5 t C/ha; province 5 (Gelderland) holds grassland remaining
/// grassland on 500 ha of organic soil losing 4 t C/ha, with CH4 and N2O, and cropland converted to
/// grassland (50 ha). Harvest 300 t C a year on forest. Transitions: 1000 ha forest -> forest,
/// 500 + 50 ha grassland -> grassland, 10 ha cropland -> grassland.
inline std::vector<model::YearTotals> report_years() {
  using model::Quantity;
  std::vector<model::YearTotals> out;
  const int forest = model::conversion_row(0, 0), grass = model::conversion_row(2, 2),
            crop_to_grass = model::conversion_row(2, 1);
  for (int k = 0; k < 3; ++k) {
    model::YearTotals y;
    y.year = 2020 + k;
    book(y, 6, forest, Quantity::area_ha, 1000);
    book(y, 6, forest, Quantity::organic_area_ha, 100);
    book(y, 6, forest, Quantity::lb_gain_tc, 2000 + 100.0 * k);
    book(y, 6, forest, Quantity::lb_loss_tc, 500);
    book(y, 6, forest, Quantity::dead_wood_tc, 20);
    book(y, 6, forest, Quantity::harvest_tc, 300);
    book(y, 5, grass, Quantity::area_ha, 500);
    book(y, 5, grass, Quantity::organic_area_ha, 500);
    book(y, 5, grass, Quantity::organic_soil_tc, -2000);
    book(y, 5, grass, Quantity::doc_tc, 50);
    book(y, 5, grass, Quantity::ch4_organic_t, 10);
    book(y, 5, grass, Quantity::n2o_organic_t, 2);
    book(y, 5, crop_to_grass, Quantity::area_ha, 50);
    book(y, 5, crop_to_grass, Quantity::mineral_soil_tc, 25);
    book(y, 5, grass, Quantity::burnt_area_ha, 3.0 * k);
    book(y, 5, grass, Quantity::ch4_fire_t, 0.1 * k);
    y.transitions[model::transition_index(6, 0, 0)] = static_cast<std::int64_t>(1000 / model::k_ledger_quantum);
    y.transitions[model::transition_index(5, 2, 2)] = static_cast<std::int64_t>(550 / model::k_ledger_quantum);
    y.transitions[model::transition_index(5, 1, 2)] = static_cast<std::int64_t>(10 / model::k_ledger_quantum);
    for (int p = 0; p < 3; ++p) {
      y.hwp.inflow_tc[p] = 100.0;
      y.hwp.decay_tc[p] = 40.0 + p;
      y.hwp.stock_tc[p] = 1000.0 + 60.0 * k;
    }
    out.push_back(y);
  }
  return out;
}

inline reporting::EuParameters report_eu_parameters() {
  reporting::EuParameters p;
  p.hwp_half_life_yr = {35, 25, 2};
  return p;
}

}  // namespace polder::testing
