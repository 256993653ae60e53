#pragma once
// The reduced results of one inventory year, as exact integers in ledger quanta (see ledger_layout).
// Plain data: the engine fills it, io writes it, report prints it.

#include <cstdint>
#include <vector>

#include "solver/model/ledger_layout.hpp"
#include "solver/model/wetland_subrow.hpp"

namespace polder::model {

/// National harvested-wood-products pools (CRT 4.G, production approach, first-order decay).
struct HwpYear {
  double inflow_tc[3] = {0, 0, 0};  ///< sawnwood, wood-based panels, paper and paperboard
  double stock_tc[3] = {0, 0, 0};   ///< pool at the end of the year
  double decay_tc[3] = {0, 0, 0};   ///< carbon leaving the pools this year
  double net_change_tc() const {
    return inflow_tc[0] + inflow_tc[1] + inflow_tc[2] - decay_tc[0] - decay_tc[1] - decay_tc[2];
  }
};

/// Area of one 25 m cell, ha (grid::NationalGrid::cell_area_ha; the engine asserts they agree).
inline constexpr double k_cell_area_ha = 0.0625;

struct YearTotals {
  std::int32_t year = 0;
  std::vector<std::int64_t> ledger = std::vector<std::int64_t>(k_ledger_size, 0);
  std::vector<std::int64_t> transitions = std::vector<std::int64_t>(k_transition_size, 0);
  /// Books of the cells of each active policy measure: [measure 0..M][quantity] in ledger quanta
  /// (measure 0 unused); empty without measures.
  std::vector<std::int64_t> measures;
  /// Books of the 4.D sub-rows, [province][sub-row][quantity] (model/wetland_subrow.hpp), in ledger
  /// quanta; they add up to the 4.D rows of `ledger` exactly (Simulation closes the rounding).
  std::vector<std::int64_t> wetland = std::vector<std::int64_t>(k_wetland_ledger_size, 0);
  HwpYear hwp;
  /// Carbon balance check: |sum of stock changes - sum of booked fluxes| / sum of |fluxes|.
  double mass_balance_relative_error = 0.0;
  std::int64_t fire_ignitions = 0;
  std::int64_t fire_cells = 0;
  std::int64_t fire_patches = 0;        ///< burnt patches (8-connected cells of one year)
  std::int64_t fire_large_cells = 0;    ///< cells in patches of >= 30 ha (EFFIS-comparable)
  std::int64_t fire_largest_cells = 0;  ///< cells of the year's largest patch

  double value(int province0, int row, Quantity q) const {
    return static_cast<double>(ledger[ledger_index(province0, row, qi(q))]) * k_ledger_quantum;
  }
  double wetland_value(int province0, int subrow, Quantity q) const {
    return static_cast<double>(wetland[wetland_index(province0, subrow, qi(q))]) * k_ledger_quantum;
  }
};

}  // namespace polder::model
