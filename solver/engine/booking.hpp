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

/// Sum of x[0..n) in four fixed lanes (no loop-carried dependency through one accumulator): lane k
/// adds x[k], x[k + 4], ... in order, the tail goes to lane 0, and the lanes are added as
/// (l0 + l1) + (l2 + l3). The lanes are written as two two-double vectors (GCC/Clang vector extension),
/// which is the same arithmetic as four scalars but keeps the loop in vector registers.
inline double lane_sum(const double* x, std::size_t n) {
  typedef double Pair __attribute__((vector_size(16)));
  Pair low = {0.0, 0.0}, high = {0.0, 0.0};
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    Pair a, b;
    __builtin_memcpy(&a, x + i, sizeof a);
    __builtin_memcpy(&b, x + i + 2, sizeof b);
    low += a;
    high += b;
  }
  double a0 = low[0];
  for (; i < n; ++i) a0 += x[i];
  return (a0 + low[1]) + (high[0] + high[1]);
}

/// Adds columns[c][0..n) per reporting key to the ledger as the table says, per hectare x the cell
/// area. A chunk holds few keys, mostly in long runs of neighbouring cells: each run is summed in
/// registers (four lanes) and run sums are added per key, in record order, so the sums depend only on
/// the records, not on the build or the thread count.
class KeyBooker {
 public:
  KeyBooker() { m_slot_of.fill(-1); }

  /// `measures` (optional, one per record: the cell's measure field) also books the records of active
  /// measures to their measure rows; `land_uses` (optional, one per record) books the records of 4.D
  /// rows to their sub-rows (model/wetland_subrow.hpp).
  void book(std::span<const ReportKey> keys, std::span<const double* const> columns, std::span<const Booking> table,
            TileLedger& ledger, std::span<const std::uint8_t> measures = {},
            std::span<const std::uint8_t> land_uses = {}) {
    const std::size_t n = keys.size(), n_cols = columns.size();
    m_keys.clear();
    m_runs.clear();
    for (std::size_t a = 0; a < n;) {
      std::size_t b = a + 1;
      while (b < n && keys[b] == keys[a]) ++b;
      std::int16_t& slot = m_slot_of[keys[a]];
      if (slot < 0) {
        slot = static_cast<std::int16_t>(m_keys.size());
        m_keys.push_back(keys[a]);
      }
      m_runs.push_back(
          {static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b - a), static_cast<std::uint16_t>(slot)});
      a = b;
    }
    m_sums.assign(m_keys.size() * n_cols, 0.0);
    for (std::size_t c = 0; c < n_cols; ++c) {
      const double* x = columns[c];
      for (const Run& r : m_runs) m_sums[r.slot * n_cols + c] += lane_sum(x + r.start, r.length);
    }
    for (std::size_t k = 0; k < m_keys.size(); ++k) {
      double* acc = ledger.row(m_keys[k] / model::k_ledger_rows, m_keys[k] % model::k_ledger_rows);
      for (const Booking& line : table)
        acc[model::qi(line.quantity)] += m_sums[k * n_cols + static_cast<std::size_t>(line.column)] * k_cell_ha;
      m_slot_of[m_keys[k]] = -1;
    }
    // Records of active measures, one by one (measures cover a small share of the cells).
    for (std::size_t r = 0; r < measures.size(); ++r) {
      if ((measures[r] & 0x80) == 0) continue;
      double* acc = ledger.measure_row(measures[r] & 0x7F);
      for (const Booking& line : table) acc[model::qi(line.quantity)] += columns[line.column][r] * k_cell_ha;
    }
    constexpr int k_wetlands = model::index(model::LandCategory::wetlands);
    for (std::size_t r = 0; r < land_uses.size(); ++r) {
      if (model::row_to(keys[r] % model::k_ledger_rows) != k_wetlands) continue;
      double* acc = ledger.wetland_row(keys[r] / model::k_ledger_rows, land_uses[r]);
      if (acc == nullptr) continue;
      for (const Booking& line : table) acc[model::qi(line.quantity)] += columns[line.column][r] * k_cell_ha;
    }
  }

 private:
  struct Run {
    std::uint32_t start;
    std::uint32_t length;
    std::uint16_t slot;
  };
  std::array<std::int16_t, static_cast<std::size_t>(model::k_provinces) * model::k_ledger_rows> m_slot_of{};
  std::vector<ReportKey> m_keys;
  std::vector<Run> m_runs;
  std::vector<double> m_sums;
};

}  // namespace polder::engine
