// HWP by origin: the per-origin pools must add up to the national pools the engine keeps, wood from one
// origin must stay with it, and the starting stock counts as managed forest land (Annex V).

#include <gtest/gtest.h>

#include <cmath>

#include "solver/kernels/hwp.hpp"
#include "solver/model/ledger_layout.hpp"
#include "solver/reporting/crt_series.hpp"

using namespace polder::reporting;

namespace {

struct Pools {
  std::vector<std::array<double, 3>> inflow, stock, decay;
};

/// The engine's national pools (solver/engine/simulation.cpp) for a harvest series, kt C.
Pools national_pools(const std::vector<double>& harvest, const std::array<double, 3>& half_life) {
  const std::array<double, 3> share = {0.5, 0.2, 0.3};
  Pools p;
  std::array<double, 3> s{};
  for (std::size_t y = 0; y < harvest.size(); ++y) {
    std::array<double, 3> in{}, st{}, de{};
    for (std::size_t k = 0; k < 3; ++k) {
      in[k] = harvest[y] * share[k];
      if (y == 0) s[k] = polder::kernels::hwp_steady_stock(half_life[k], in[k]);
      const auto step = polder::kernels::hwp_first_order(half_life[k], s[k], in[k]);
      st[k] = step.new_stock;
      de[k] = step.decay;
      s[k] = step.new_stock;
    }
    p.inflow.push_back(in);
    p.stock.push_back(st);
    p.decay.push_back(de);
  }
  return p;
}

}  // namespace

TEST(HwpOrigin, OriginsAddUpToTheNationalPools) {
  const std::array<double, 3> hl = {35, 25, 2};
  const std::vector<double> harvest = {100, 120, 90, 150, 80, 110};
  const Pools p = national_pools(harvest, hl);
  std::vector<std::array<double, k_hwp_origins>> by_origin;
  for (std::size_t y = 0; y < harvest.size(); ++y)  // shares change every year
    by_origin.push_back(
        {0.7 * harvest[y], 0.1 * static_cast<double>(y), 0.3 * harvest[y] - 0.1 * static_cast<double>(y)});
  const auto h = hwp_by_origin(p.inflow, p.stock, p.decay, by_origin, hl);
  for (std::size_t y = 0; y < harvest.size(); ++y)
    for (std::size_t k = 0; k < 3; ++k) {
      const double national = -polder::model::k_co2_per_c * (p.inflow[y][k] - p.decay[y][k]);
      EXPECT_NEAR(h[y][0][k] + h[y][1][k] + h[y][2][k], national, 1e-9 * (1 + std::abs(national))) << y << " " << k;
    }
}

TEST(HwpOrigin, StartingStockIsManagedForestLandAndWoodStaysWithItsOrigin) {
  const std::array<double, 3> hl = {35, 25, 2};
  const std::vector<double> harvest = {100, 100, 100};
  const Pools p = national_pools(harvest, hl);
  // All wood from afforested land: its pools start empty and only grow (a removal, CO2 < 0);
  // managed forest land holds only the decaying starting stock (an emission).
  std::vector<std::array<double, k_hwp_origins>> by_origin(3, {0.0, 1.0, 0.0});
  const auto h = hwp_by_origin(p.inflow, p.stock, p.decay, by_origin, hl);
  for (std::size_t y = 0; y < 3; ++y) {
    for (std::size_t k = 0; k < 3; ++k) {
      EXPECT_LT(h[y][1][k], 0.0);
      EXPECT_GT(h[y][0][k], 0.0);
      EXPECT_EQ(h[y][2][k], 0.0);
    }
  }
  // In the first year the afforested pool of paper (k = ln 2 / 2) keeps f = (1 - e^-k) / k of its inflow.
  const double k = std::log(2.0) / 2.0, f = (1.0 - std::exp(-k)) / k;
  EXPECT_NEAR(h[0][1][2], -polder::model::k_co2_per_c * f * 30.0, 1e-9);
}
