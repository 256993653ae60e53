#pragma once
// The books of one cell for one pass of a year, in the FLINT style: every change of a carbon pool goes
// through a named operation that also books it in a ledger column, so carbon cannot leave a pool
// unaccounted. The residual (pool change minus booked change) is checked every year.

#include <array>
#include <cmath>

#include "solver/model/ledger_layout.hpp"

namespace polder::engine {

enum class Pool : int { biomass = 0, dead_wood, litter, mineral_soil, organic_soil };
inline constexpr int k_pools = 5;

struct CellBooks {
  std::array<double, k_pools> pool{};
  std::array<double, k_pools> start{};
  std::array<double, model::k_quantities> q{};  ///< per hectare

  void open(double biomass, double dead_wood, double litter, double mineral, double organic) {
    pool = {biomass, dead_wood, litter, mineral, organic};
    start = pool;
    q.fill(0.0);
  }
  double& operator[](Pool p) { return pool[static_cast<std::size_t>(p)]; }
  double operator[](Pool p) const { return pool[static_cast<std::size_t>(p)]; }

  /// Living biomass gain (growth, regrowth, vegetation established at conversion).
  void gain_biomass(double c) {
    pool[0] += c;
    q[model::qi(model::Quantity::lb_gain_tc)] += c;
  }
  /// Living biomass loss (harvest, mortality, fire, clearing).
  void lose_biomass(double c) {
    pool[0] -= c;
    q[model::qi(model::Quantity::lb_loss_tc)] += c;
  }
  /// Net change of a dead organic matter or soil pool.
  void change(Pool p, double c) {
    pool[static_cast<std::size_t>(p)] += c;
    q[model::qi(column(p))] += c;
  }
  void book(model::Quantity quantity, double value) { q[model::qi(quantity)] += value; }
  /// Dissolved organic carbon leaving the peat to surface water: a loss of the organic-soil pool that is
  /// reported as off-site CO2 (CRT 4(II)), not as an on-site stock change.
  void export_doc(double c) {
    pool[static_cast<std::size_t>(Pool::organic_soil)] -= c;
    q[model::qi(model::Quantity::doc_tc)] += c;
  }

  /// Pool change not matched by booked stock changes and exports (t C ha-1); zero unless a pool was
  /// edited outside these operations.
  double residual() const {
    double change_sum = 0.0;
    for (int i = 0; i < k_pools; ++i)
      change_sum += pool[static_cast<std::size_t>(i)] - start[static_cast<std::size_t>(i)];
    using model::Quantity;
    const double booked = q[model::qi(Quantity::lb_gain_tc)] - q[model::qi(Quantity::lb_loss_tc)] +
                          q[model::qi(Quantity::dead_wood_tc)] + q[model::qi(Quantity::litter_tc)] +
                          q[model::qi(Quantity::mineral_soil_tc)] + q[model::qi(Quantity::organic_soil_tc)] -
                          q[model::qi(Quantity::doc_tc)];
    return change_sum - booked;
  }
  /// Gross carbon moved, the scale the residual is judged against.
  double turnover() const {
    using model::Quantity;
    return q[model::qi(Quantity::lb_gain_tc)] + q[model::qi(Quantity::lb_loss_tc)] +
           std::fabs(q[model::qi(Quantity::dead_wood_tc)]) + std::fabs(q[model::qi(Quantity::litter_tc)]) +
           std::fabs(q[model::qi(Quantity::mineral_soil_tc)]) + std::fabs(q[model::qi(Quantity::organic_soil_tc)]) +
           std::fabs(q[model::qi(Quantity::doc_tc)]);
  }

  static constexpr model::Quantity column(Pool p) {
    switch (p) {
      case Pool::dead_wood:
        return model::Quantity::dead_wood_tc;
      case Pool::litter:
        return model::Quantity::litter_tc;
      case Pool::mineral_soil:
        return model::Quantity::mineral_soil_tc;
      case Pool::organic_soil:
        return model::Quantity::organic_soil_tc;
      case Pool::biomass:
        break;
    }
    return model::Quantity::lb_gain_tc;
  }
};

}  // namespace polder::engine
