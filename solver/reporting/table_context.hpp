#pragma once
// What a report table is built from: the inventory, the selected years, the ledger view and the
// category and province filters the table has agreed to apply.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "solver/reporting/inventory_data.hpp"
#include "solver/reporting/ledger_view.hpp"

namespace polder::reporting {

struct TableContext {
  const InventoryData& data;
  std::vector<std::int32_t> years;    ///< all years of the inventory
  std::vector<std::size_t> selected;  ///< indices into `years` to show
  LedgerView ledger;                  ///< /ledger/values
  std::optional<int> category;        ///< 0..6 if filtered
  std::optional<int> province;        ///< 0..11 if filtered
  /// /ledger/wetland_subrows ([year][province][4.D sub-row][quantity]); empty for inventories written
  /// before the 4.D sub-rows existed.
  std::span<const double> wetland_subrows = {};

  /// -1 (national) or the province.
  int province0() const { return province.value_or(-1); }
  bool shows_category(int c) const { return !category || *category == c; }
};

}  // namespace polder::reporting
