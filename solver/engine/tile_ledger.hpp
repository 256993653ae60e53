#pragma once
// Per-tile sums of the ledger. A tile touches only a few (province, CRT row) pairs, so sums live in
// a small slot table; when the tile is done they are rounded to ledger quanta and added as integers to
// the rank's ledger, which makes the final totals independent of how tiles are spread over ranks and
// threads (see model/ledger_layout.hpp).

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "solver/model/ledger_layout.hpp"
#include "solver/model/wetland_subrow.hpp"

namespace polder::engine {

class TileLedger {
 public:
  TileLedger() { m_slot.fill(-1); }

  /// The quantity sums of (province0, row), created on first use.
  double* row(int province0, int row) {
    const int key = province0 * model::k_ledger_rows + row;
    int slot = m_slot[static_cast<std::size_t>(key)];
    if (slot < 0) {
      slot = static_cast<int>(m_keys.size());
      m_slot[static_cast<std::size_t>(key)] = static_cast<std::int16_t>(slot);
      m_keys.push_back(key);
      m_sums.resize(m_sums.size() + model::k_quantities, 0.0);
    }
    return m_sums.data() + static_cast<std::size_t>(slot) * model::k_quantities;
  }

  /// The quantity sums of the cells of active measure `m` (1-based; measure_plan.hpp), created on first
  /// use: the same books as the rows, summed per measure.
  double* measure_row(int m) {
    const auto need = static_cast<std::size_t>(m + 1) * model::k_quantities;
    if (m_measure_sums.size() < need) m_measure_sums.resize(need, 0.0);
    return m_measure_sums.data() + static_cast<std::size_t>(m) * model::k_quantities;
  }
  /// Adds the books of one cell (per hectare, times the cell area) to the row of its measure, if any.
  void add_measure(std::uint8_t measure_field, const double* per_ha, double area_ha) {
    if ((measure_field & 0x80) == 0) return;
    double* acc = measure_row(measure_field & 0x7F);
    for (int q = 0; q < model::k_quantities; ++q) acc[q] += per_ha[q] * area_ha;
  }

  /// The quantity sums of the 4.D sub-row of a cell of land use `land_use` in `province0`
  /// (model/wetland_subrow.hpp), or nullptr for a land use outside the wetlands category.
  double* wetland_row(int province0, std::uint8_t land_use) {
    const int sub = model::wetland_subrow_of(land_use);
    if (sub < 0) return nullptr;
    if (m_wetland_sums.empty()) m_wetland_sums.assign(model::k_wetland_ledger_size, 0.0);
    return m_wetland_sums.data() + model::wetland_index(province0, sub, 0);
  }
  /// Adds the books of one cell (per hectare, times the cell area) that went to reporting key `key` to
  /// its 4.D sub-row, when the key is a wetlands row.
  void add_wetland(int key, std::uint8_t land_use, const double* per_ha, double area_ha) {
    if (model::row_to(key % model::k_ledger_rows) != model::index(model::LandCategory::wetlands)) return;
    double* acc = wetland_row(key / model::k_ledger_rows, land_use);
    if (acc == nullptr) return;
    for (int q = 0; q < model::k_quantities; ++q) acc[q] += per_ha[q] * area_ha;
  }

  void add_transition(int province0, int from, int to, double area_ha) {
    m_transitions[model::transition_index(province0, from, to)] += area_ha;
  }

  /// Carbon-balance residual of the tile's cells and the scale it is relative to.
  void add_balance(double residual_t, double scale_t) {
    m_residual += residual_t;
    m_scale += scale_t;
  }

  /// Rounds the sums to quanta, adds them to the integer ledgers, and clears the tile ledger. A sum
  /// that is not finite (NaN or Inf in a pool) or too large for the integer ledger is not added but
  /// counted in `nonfinite`, which fails the year's mass-balance check.
  void fold_into(std::vector<std::int64_t>& ledger, std::vector<std::int64_t>& transitions, std::int64_t& residual_q,
                 std::int64_t& scale_q, std::int64_t& nonfinite, std::vector<std::int64_t>* measures = nullptr,
                 std::vector<std::int64_t>* wetland = nullptr) {
    const auto add = [&nonfinite](std::int64_t& to, double v) {
      if (representable(v)) {
        to += quantise(v);
      } else {
        ++nonfinite;
      }
    };
    for (std::size_t s = 0; s < m_keys.size(); ++s) {
      const int key = m_keys[s];
      const std::size_t base = static_cast<std::size_t>(key) * model::k_quantities;
      for (int q = 0; q < model::k_quantities; ++q)
        add(ledger[base + static_cast<std::size_t>(q)], m_sums[s * model::k_quantities + static_cast<std::size_t>(q)]);
      m_slot[static_cast<std::size_t>(key)] = -1;
    }
    for (std::size_t i = 0; i < m_transitions.size(); ++i) {
      if (m_transitions[i] != 0.0) add(transitions[i], m_transitions[i]);
      m_transitions[i] = 0.0;
    }
    if (!m_measure_sums.empty()) {
      if (measures != nullptr) {
        if (measures->size() < m_measure_sums.size()) measures->resize(m_measure_sums.size(), 0);
        for (std::size_t k = 0; k < m_measure_sums.size(); ++k)
          if (m_measure_sums[k] != 0.0) add((*measures)[k], m_measure_sums[k]);
      }
      std::fill(m_measure_sums.begin(), m_measure_sums.end(), 0.0);
    }
    if (!m_wetland_sums.empty()) {
      if (wetland != nullptr) {
        if (wetland->size() < m_wetland_sums.size()) wetland->resize(m_wetland_sums.size(), 0);
        for (std::size_t k = 0; k < m_wetland_sums.size(); ++k)
          if (m_wetland_sums[k] != 0.0) add((*wetland)[k], m_wetland_sums[k]);
      }
      std::fill(m_wetland_sums.begin(), m_wetland_sums.end(), 0.0);
    }
    add(residual_q, std::fabs(m_residual));
    add(scale_q, m_scale);
    m_residual = m_scale = 0.0;
    m_keys.clear();
    m_sums.clear();
  }

  static std::int64_t quantise(double v) { return std::llround(v / model::k_ledger_quantum); }
  /// Finite and within the range the integer ledger holds (|v| < 9e9 t or ha per tile).
  static bool representable(double v) { return std::fabs(v) < 9.0e9; }

 private:
  std::array<std::int16_t, static_cast<std::size_t>(model::k_provinces) * model::k_ledger_rows> m_slot{};
  std::vector<int> m_keys;
  std::vector<double> m_sums;
  std::array<double, model::k_transition_size> m_transitions{};
  std::vector<double> m_measure_sums;  ///< [measure][quantity], measure 0 unused
  std::vector<double> m_wetland_sums;  ///< [province][4.D sub-row][quantity], allocated on first use
  double m_residual = 0.0;
  double m_scale = 0.0;
};

}  // namespace polder::engine
