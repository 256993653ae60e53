#pragma once
// A read-only view of the reduced ledger of a run as doubles, laid out [year][province][CRT row][quantity]
// exactly as /ledger/values stores it. The writer builds it from the engine's exact integers and
// `polder report` from the file, so both compute every table from the same numbers in the same order.

#include <cstddef>
#include <span>

#include "solver/model/ledger_layout.hpp"

namespace polder::reporting {

class LedgerView {
 public:
  LedgerView() = default;
  LedgerView(std::span<const double> values, std::size_t years) : m_values(values), m_years(years) {}

  std::size_t years() const { return m_years; }

  /// One province (province0 = 0..11).
  double value(std::size_t year, int province0, int row, model::Quantity q) const {
    return m_values[year * model::k_ledger_size + model::ledger_index(province0, row, model::qi(q))];
  }
  /// Sum over the provinces in province order (the order every national total uses).
  double national(std::size_t year, int row, model::Quantity q) const {
    double v = 0.0;
    for (int p = 0; p < model::k_provinces; ++p) v += value(year, p, row, q);
    return v;
  }
  /// One province, or the nation for province0 = -1.
  double at(std::size_t year, int province0, int row, model::Quantity q) const {
    return province0 < 0 ? national(year, row, q) : value(year, province0, row, q);
  }

 private:
  std::span<const double> m_values;
  std::size_t m_years = 0;
};

}  // namespace polder::reporting
