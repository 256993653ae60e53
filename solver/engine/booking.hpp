#pragma once
// Booking a process's per-cell results into the tile ledger, declaratively: each process lists which
// of its output columns goes to which ledger quantity (the booking table), and the columns are summed
// per reporting key (province and CRT row) over a chunk -- a few sums per chunk instead of opening 29
// quantities for every cell.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "solver/engine/record_list.hpp"
#include "solver/engine/reporting_row.hpp"
#include "solver/engine/tile_ledger.hpp"
#include "solver/model/ledger_layout.hpp"

namespace polder::engine {

/// One line of a booking table: output column `column` is added to ledger quantity `quantity`.
struct Booking {
  int column;
  model::Quantity quantity;
};

/// Adds columns[c][0..n) per reporting key to the ledger as the table says, per hectare x the cell
/// area. Cells are summed per key in a small slot table (a chunk holds few keys), in record order, so
/// the sums do not depend on the build or the thread count.
class KeyBooker {
 public:
  KeyBooker() { m_slot_of.fill(-1); }

  void book(std::span<const ReportKey> keys, std::span<const double* const> columns, std::span<const Booking> table,
            TileLedger& ledger) {
    const std::size_t n = keys.size(), n_cols = columns.size();
    m_slot.resize(n);
    m_keys.clear();
    for (std::size_t r = 0; r < n; ++r) {
      std::int16_t& slot = m_slot_of[keys[r]];
      if (slot < 0) {
        slot = static_cast<std::int16_t>(m_keys.size());
        m_keys.push_back(keys[r]);
      }
      m_slot[r] = static_cast<std::uint16_t>(slot);
    }
    m_sums.assign(m_keys.size() * n_cols, 0.0);
    for (std::size_t c = 0; c < n_cols; ++c) {
      const double* x = columns[c];
      double* sums = m_sums.data() + c;
      for (std::size_t r = 0; r < n; ++r) sums[m_slot[r] * n_cols] += x[r];
    }
    for (std::size_t k = 0; k < m_keys.size(); ++k) {
      double* acc = ledger.row(m_keys[k] / model::k_ledger_rows, m_keys[k] % model::k_ledger_rows);
      for (const Booking& line : table)
        acc[model::qi(line.quantity)] += m_sums[k * n_cols + static_cast<std::size_t>(line.column)] * k_cell_ha;
      m_slot_of[m_keys[k]] = -1;
    }
  }

 private:
  std::array<std::int16_t, static_cast<std::size_t>(model::k_provinces) * model::k_ledger_rows> m_slot_of{};
  std::vector<ReportKey> m_keys;
  std::vector<std::uint16_t> m_slot;
  std::vector<double> m_sums;
};

}  // namespace polder::engine
