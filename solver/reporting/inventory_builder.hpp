#pragma once
// Builds every result dataset of an inventory (/inventory, /crt, /provinces, /ledger, /diagnostics,
// /eu_accounting; schema in output_schema.hpp) from the engine's reduced years. Pure: the HDF5 writer
// only writes what this returns.

#include <vector>

#include "solver/model/year_totals.hpp"
#include "solver/reporting/eu_accounting.hpp"
#include "solver/reporting/eu_parameters.hpp"
#include "solver/reporting/inventory_data.hpp"

namespace polder::reporting {

InventoryData build_inventory_data(const std::vector<model::YearTotals>& years, const EuParameters& eu);

/// Adds the /eu_accounting datasets of `a` (the terms with their status attributes).
void add_eu_accounting(InventoryData& data, const EuAccounting& a);

}  // namespace polder::reporting
