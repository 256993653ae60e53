#pragma once
// The datasets an ensemble adds to its inventory (schema: solver/reporting/output_schema.cpp, documented
// in docs/output-format.md and docs/uncertainty.md): /ensemble (the members, the values they used of the
// sampled quantities, their net emissions) and, for an ensemble with draws whose tables hold every
// member, /uncertainty (statistics per scenario entry over its draws 1..N, the convergence record and
// the rank-correlation sensitivity). Pure: the same tables give the same bits.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "io/config/ensemble_config.hpp"
#include "solver/engine/ensemble_runner.hpp"
#include "solver/reporting/inventory_data.hpp"

namespace polder::engine {

/// `sampled_names`: the plan's quantities (empty without draws); `years`: the inventory years.
reporting::InventoryData ensemble_datasets(const io::EnsembleConfig& config,
                                           const std::vector<std::string>& sampled_names, const EnsembleTables& t,
                                           std::span<const std::int32_t> years);

}  // namespace polder::engine
