#include "solver/reporting/crt_series.hpp"

#include <cmath>

#include "solver/core/error.hpp"
#include "solver/model/ledger_layout.hpp"
#include "solver/reporting/ledger_view.hpp"

namespace polder::reporting {

std::optional<std::size_t> CrtSeries::index_of(std::int32_t year) const {
  for (std::size_t i = 0; i < years.size(); ++i)
    if (years[i] == year) return i;
  return std::nullopt;
}

CrtSeries CrtSeries::zeros(const std::vector<std::int32_t>& years) {
  CrtSeries s;
  s.years = years;
  s.row_net_kt_co2e.assign(years.size(), RowValues{});
  s.row_dead_wood_kt_c.assign(years.size(), RowValues{});
  s.hwp_kt_co2.assign(years.size(), HwpByOrigin{});
  return s;
}

std::vector<HwpByOrigin> hwp_by_origin(const std::vector<std::array<double, 3>>& inflow_kt_c,
                                       const std::vector<std::array<double, 3>>& stock_kt_c,
                                       const std::vector<std::array<double, 3>>& decay_kt_c,
                                       const std::vector<std::array<double, k_hwp_origins>>& harvest,
                                       const std::array<double, 3>& half_life_yr) {
  const std::size_t n = inflow_kt_c.size();
  POLDER_VERIFY(stock_kt_c.size() == n && decay_kt_c.size() == n && harvest.size() == n,
                "HWP series of different lengths");
  std::vector<HwpByOrigin> out(n, HwpByOrigin{});
  if (n == 0) return out;
  for (std::size_t k = 0; k < 3; ++k) {
    if (!(half_life_yr[k] > 0.0)) throw InputError(cat("HWP half-life of product ", k, " is not given or not > 0"));
    // The pool recursion of solver/kernels/hwp.hpp: S' = e S + f I, decay = (1 - e) S + (1 - f) I.
    const double rate = std::log(2.0) / half_life_yr[k];
    const double e = std::exp(-rate);
    const double f = (1.0 - e) / rate;
    std::array<double, k_hwp_origins> stock{};
    // Stock at the start of the first year, recovered from its end-of-year balance, all from managed
    // forest land (Annex V, when the origins cannot be told apart).
    stock[index_of_origin(HwpOrigin::managed_forest_land)] = stock_kt_c[0][k] + decay_kt_c[0][k] - inflow_kt_c[0][k];
    for (std::size_t y = 0; y < n; ++y) {
      double total = 0.0;
      for (const double h : harvest[y]) total += h;
      for (int o = 0; o < k_hwp_origins; ++o) {
        const auto oi = static_cast<std::size_t>(o);
        const double share = total > 0.0 ? harvest[y][oi] / total : (o == 0 ? 1.0 : 0.0);
        const double in = inflow_kt_c[y][k] * share;
        const double decay = (1.0 - e) * stock[oi] + (1.0 - f) * in;
        out[y][oi][k] = -model::k_co2_per_c * (in - decay);
        stock[oi] += in - decay;
      }
    }
  }
  return out;
}

CrtSeries crt_series(const InventoryData& data, const std::array<double, 3>& half_life_yr) {
  const auto years = data.years();
  const std::size_t ny = years.size();
  CrtSeries s = CrtSeries::zeros(years);
  const auto net = data.f64("/crt/net_kt_co2e");
  const auto dead_wood = data.f64("/crt/dead_wood_kt_c");
  constexpr std::size_t nr = model::k_conversion_rows;
  for (std::size_t y = 0; y < ny; ++y)
    for (std::size_t r = 0; r < nr; ++r) {
      s.row_net_kt_co2e[y][r] = net[y * nr + r];
      s.row_dead_wood_kt_c[y][r] = dead_wood[y * nr + r];
    }
  const LedgerView ledger(data.f64("/ledger/values"), ny);
  std::vector<std::array<double, 3>> inflow(ny), stock(ny), decay(ny);
  std::vector<std::array<double, k_hwp_origins>> harvest(ny, std::array<double, k_hwp_origins>{});
  const auto in = data.f64("/crt/table_4_G/inflow_kt_c");
  const auto st = data.f64("/crt/table_4_G/stock_kt_c");
  const auto de = data.f64("/crt/table_4_G/decay_kt_c");
  for (std::size_t y = 0; y < ny; ++y) {
    for (std::size_t k = 0; k < 3; ++k) {
      inflow[y][k] = in[y * 3 + k];
      stock[y][k] = st[y * 3 + k];
      decay[y][k] = de[y * 3 + k];
    }
    for (int r = 0; r < model::k_conversion_rows; ++r)
      harvest[y][index_of_origin(hwp_origin_of_row(r))] += ledger.national(y, r, model::Quantity::harvest_tc);
  }
  s.hwp_kt_co2 = hwp_by_origin(inflow, stock, decay, harvest, half_life_yr);
  return s;
}

}  // namespace polder::reporting
