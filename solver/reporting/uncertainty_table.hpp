#pragma once
// `polder report FILE --uncertainty`: the Monte Carlo statistics of an ensemble inventory
// (/uncertainty, docs/uncertainty.md) as one table, a block per year, a row per CRT category and the
// total; per scenario entry, side by side, the mean, the 95 % interval (2.5 % and 97.5 % percentiles)
// and the IPCC Approach 2 uncertainty in % of the mean.

#include "solver/reporting/inventory_data.hpp"
#include "solver/reporting/report_filter.hpp"
#include "solver/reporting/report_table.hpp"

namespace polder::reporting {

/// The table for the years (and category) that `filter` selects. InputError if the inventory has no
/// /uncertainty (a single run, or an ensemble without draws).
ReportTable uncertainty_table(const InventoryData& data, const ReportFilter& filter);

}  // namespace polder::reporting
