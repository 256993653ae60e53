#pragma once
// Closing the 4.D sub-rows onto the 4.D rows of the ledger. The sub-rows (model/wetland_subrow.hpp)
// are booked beside the ledger from the same per-cell values, and each tile rounds both to ledger
// quanta on its own, so their sums may differ from the 4.D rows by a few quanta (1e-9 t or ha) per tile.
// Per province and quantity the difference is checked to be only that rounding and is then booked to
// the sub-row of largest magnitude, so that the sub-rows add up to 4.D exactly, in integers.

#include <cstddef>

#include "solver/model/year_totals.hpp"

namespace polder::engine {

/// `tiles`: the number of tiles of the run (each rounds its sums twice a year). Throws InternalError
/// when a difference is larger than that rounding (a 4.D booking that missed its sub-row).
void close_wetland_subrows(model::YearTotals& totals, std::size_t tiles);

}  // namespace polder::engine
