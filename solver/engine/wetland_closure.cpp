#include "solver/engine/wetland_closure.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "solver/core/error.hpp"

namespace polder::engine {

void close_wetland_subrows(model::YearTotals& totals, std::size_t tiles) {
  constexpr int k_wetlands = model::index(model::LandCategory::wetlands);
  // Per tile and fold, each of the 6 rows and 5 sub-rows rounds by at most half a quantum.
  const auto rounding = static_cast<std::int64_t>(16 * tiles + 16);
  for (int p = 0; p < model::k_provinces; ++p)
    for (int q = 0; q < model::k_quantities; ++q) {
      std::int64_t rows = 0, subrows = 0, largest = 0;
      int at = static_cast<int>(model::WetlandSubrow::open_water);
      for (int from = 0; from < model::k_land_categories; ++from)
        rows += totals.ledger[model::ledger_index(p, model::conversion_row(k_wetlands, from), q)];
      for (int s = 0; s < model::k_wetland_subrows; ++s) {
        const std::int64_t v = totals.wetland[model::wetland_index(p, s, q)];
        subrows += v;
        if (std::llabs(v) > largest) {
          largest = std::llabs(v);
          at = s;
        }
      }
      const std::int64_t diff = rows - subrows;
      const auto allowed = rounding + static_cast<std::int64_t>(1e-12 * std::fabs(static_cast<double>(rows)));
      if (std::llabs(diff) > allowed)
        throw InternalError(cat("the 4.D sub-rows of ", totals.year, " do not add up to 4.D: province ", p + 1, ", ",
                                model::k_quantity_keys[static_cast<std::size_t>(q)], " differs by ",
                                static_cast<double>(diff) * model::k_ledger_quantum, " (", diff, " quanta, at most ",
                                allowed, " expected from rounding)"));
      totals.wetland[model::wetland_index(p, at, q)] += diff;
    }
}

}  // namespace polder::engine
