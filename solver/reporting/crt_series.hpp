#pragma once
// The CRT series the EU accounting is computed from: per year the net emissions of every CRT row, the
// dead-wood stock change of every row and the net CO2 of the HWP pools split by the origin of the wood
// and by product. One member of an ensemble is one CrtSeries.
//
// How HWP origin is tracked: the engine books the carbon of harvested wood per CRT row of the cell it
// was cut on (ledger quantity harvest_t_c) and feeds national first-order-decay pools per product with
// it (4.G). First-order decay is linear, so the pools split exactly into one pool per origin: each
// origin's inflow is the pools' inflow times its share of the year's harvest, and its decay follows
// the same recursion with the run's half-lives. The stock the pools start with (steady state of the
// first year's inflow) is assigned to managed forest land, as Annex V allows when HWP from afforested
// land cannot be told apart. The product mix and the domestic share are national, the same for every
// origin: an approximation of the NIR, which splits HWP by origin from harvest statistics.

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "solver/model/crt_category.hpp"
#include "solver/reporting/eu_categories.hpp"
#include "solver/reporting/inventory_data.hpp"

namespace polder::reporting {

using RowValues = std::array<double, model::k_conversion_rows>;
using HwpByOrigin = std::array<std::array<double, 3>, k_hwp_origins>;  ///< [origin][product]

struct CrtSeries {
  std::vector<std::int32_t> years;
  std::vector<RowValues> row_net_kt_co2e;     ///< [year][row] net emissions, AR5 GWP100
  std::vector<RowValues> row_dead_wood_kt_c;  ///< [year][row] dead-wood stock change (gain +)
  std::vector<HwpByOrigin> hwp_kt_co2;        ///< [year][origin][product] net CO2 of HWP (removal -)

  std::size_t size() const { return years.size(); }
  std::optional<std::size_t> index_of(std::int32_t year) const;
  /// A series of `years` with every value zero (tests fill it by hand).
  static CrtSeries zeros(const std::vector<std::int32_t>& years);
};

/// Net CO2 of HWP per year, origin and product, from the pools (inflow, stock at the end of the year,
/// decay; [year][product], kt C) and the harvest per origin ([year][origin], any unit).
std::vector<HwpByOrigin> hwp_by_origin(const std::vector<std::array<double, 3>>& inflow_kt_c,
                                       const std::vector<std::array<double, 3>>& stock_kt_c,
                                       const std::vector<std::array<double, 3>>& decay_kt_c,
                                       const std::vector<std::array<double, k_hwp_origins>>& harvest,
                                       const std::array<double, 3>& half_life_yr);

/// The series of an inventory (/crt, /ledger harvest, /crt/table_4_G) with the HWP half-lives of its run.
CrtSeries crt_series(const InventoryData& data, const std::array<double, 3>& half_life_yr);

}  // namespace polder::reporting
