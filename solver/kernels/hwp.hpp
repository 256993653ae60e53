#pragma once
// Harvested wood products (CRT 4.G), production approach, first-order decay per product class
// (IPCC 2019 Vol. 4 Eq. 12.1; Reg. (EU) 2018/841 Annex V half-lives: sawnwood 35, panels 25, paper 2 yr):
//
//   C(i+1) = exp(-k) C(i) + (1 - exp(-k)) / k * Inflow(i),    k = ln 2 / half-life
//   decay(i) = C(i) + Inflow(i) - C(i+1)

#include <array>
#include <cmath>

namespace polder::kernels {

struct HwpParams {
  std::array<double, 3> half_life_yr = {35.0, 25.0, 2.0};  ///< sawnwood, panels, paper
  std::array<double, 3> product_share = {0.5, 0.2, 0.3};   ///< share of harvested carbon per class
  double domestic_share = 1.0;                             ///< share of harvest entering domestic HWP
  double initial_stock_factor = 1.0;  ///< start pools at this multiple of the steady state of the first inflow
};

struct HwpStep {
  double new_stock = 0.0;
  double decay = 0.0;
};

inline HwpStep hwp_first_order(double half_life, double stock, double inflow) {
  const double k = std::log(2.0) / half_life;
  const double e = std::exp(-k);
  HwpStep s;
  s.new_stock = e * stock + (1.0 - e) / k * inflow;
  s.decay = stock + inflow - s.new_stock;
  return s;
}

/// Steady-state stock of a product class under constant inflow (used to start the pools).
inline double hwp_steady_stock(double half_life, double inflow) { return inflow * half_life / std::log(2.0); }

}  // namespace polder::kernels
