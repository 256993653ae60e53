#include "solver/app/summary.hpp"

#include <cstdio>

#include "solver/reporting/crt_arithmetic.hpp"

namespace polder::app {

void print_run_summary(std::ostream& out, const std::vector<model::YearTotals>& years, const io::Provenance& prov) {
  if (years.empty()) return;
  char line[256];
  out << "\nPolder LULUCF inventory: " << prov.run_name << " (" << prov.region << ", scenario " << prov.scenario
      << ")\n";
  std::snprintf(line, sizeof line, "territory %.1f kha, %lld active 25 m cells, %d rank(s) x %d thread(s), %.1f s\n",
                prov.territory_kha, static_cast<long long>(prov.active_cells), prov.ranks, prov.threads,
                prov.wall_time_s);
  out << line;
  out << "\nNet emissions (+) / removals (-), kt CO2-eq (AR5 GWP100)\n";
  std::snprintf(line, sizeof line, "%-6s", "year");
  out << line;
  for (const auto code : model::k_crt_codes) {
    std::snprintf(line, sizeof line, "%10.*s", static_cast<int>(code.size()), code.data());
    out << line;
  }
  out << "     total\n";
  // At most ~12 rows: first, last, and evenly spaced years between.
  const std::size_t n = years.size();
  const std::size_t step = n <= 12 ? 1 : (n + 10) / 11;
  for (std::size_t k = 0; k < n; ++k) {
    if (k % step != 0 && k + 1 != n) continue;
    const auto c = reporting::category_co2e_kt(years[k]);
    double total = 0.0;
    std::snprintf(line, sizeof line, "%-6d", years[k].year);
    out << line;
    for (const double v : c) {
      std::snprintf(line, sizeof line, "%10.1f", v);
      out << line;
      total += v;
    }
    std::snprintf(line, sizeof line, "%10.1f\n", total);
    out << line;
  }
  const auto& last = years.back();
  double burnt = 0.0, area = 0.0, organic = 0.0;
  for (int p = 0; p < model::k_provinces; ++p)
    for (int r = 0; r < model::k_conversion_rows; ++r) {
      burnt += last.value(p, r, model::Quantity::burnt_area_ha);
      area += last.value(p, r, model::Quantity::area_ha);
      organic += last.value(p, r, model::Quantity::organic_area_ha);
    }
  std::snprintf(line, sizeof line,
                "\n%d: area %.1f kha (organic soils %.1f kha), burnt %.0f ha, HWP inflow %.1f kt C, "
                "carbon balance closure %.1e\n",
                last.year, area * 1e-3, organic * 1e-3, burnt,
                (last.hwp.inflow_tc[0] + last.hwp.inflow_tc[1] + last.hwp.inflow_tc[2]) * 1e-3,
                last.mass_balance_relative_error);
  out << line;
}

}  // namespace polder::app
