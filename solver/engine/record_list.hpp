#pragma once
// The cells one process acts on in one tile, as a structure of arrays sorted by cell (the CTSM/ELM
// "filter" idea, DESIGN.md "The next shape of a year"). Every list has the cell's offset in its tile
// and its reporting key (province and CRT row); the process adds its own columns, declared once in a
// column table (process_lists.hpp) from which allocation, insertion, removal, lookup and checkpoints
// are all generated. A list changes only where cells enter or leave the process (a conversion, a fire,
// peat used up), and then by one merge over the list.

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace polder::engine {

/// Reporting key of a cell: province0 * 36 + CRT row (model/ledger_layout.hpp).
using ReportKey = std::uint16_t;

/// A column of the cell-field table: its name, the checkpoint dataset that holds it ("" = rebuilt from
/// the input, not checkpointed), the range a checkpointed value must lie in, and its unit.
struct ColumnInfo {
  const char* name;
  const char* checkpoint;
  double low;
  double high;
  const char* unit;
};

/// `Columns` supplies the process columns through `template <class V> static void visit(Columns&, V&&)`
/// calling v(ColumnInfo, std::vector<T>&) for each column; RecordList adds `cell` and `key`.
template <typename Columns>
class RecordList : public Columns {
 public:
  std::vector<std::uint16_t> cell;  ///< offset of the cell in its tile's cell range, ascending
  std::vector<ReportKey> key;       ///< reporting key of the cell

  std::size_t size() const { return cell.size(); }
  bool empty() const { return cell.empty(); }

  /// Calls v(ColumnInfo, vector) for every column, `cell` and `key` first.
  template <typename V>
  void visit(V&& v) {
    v(ColumnInfo{"cell", "", 0, 0, "1"}, cell);
    v(ColumnInfo{"key", "", 0, 0, "1"}, key);
    Columns::visit(static_cast<Columns&>(*this), v);
  }

  /// Index of the record of `c`, or -1.
  std::ptrdiff_t find(std::uint16_t c) const {
    const auto it = std::lower_bound(cell.begin(), cell.end(), c);
    return (it != cell.end() && *it == c) ? it - cell.begin() : -1;
  }

  /// Appends one record with default column values; returns its index. Appends must come in ascending
  /// cell order (used while building a list), or be followed by `sort_by_cell`.
  std::size_t push_back(std::uint16_t c, ReportKey k) {
    visit([](const ColumnInfo&, auto& column) { column.emplace_back(); });
    cell.back() = c;
    key.back() = k;
    return cell.size() - 1;
  }

  /// Merges `added` (sorted by cell, cells not yet in this list) into this list, keeping cell order. In
  /// place, from the back: only the records after the first insertion point move, and no memory is
  /// allocated once the columns have grown to their working size.
  void merge(RecordList& added) {
    if (added.empty()) return;
    const std::size_t n = size(), m = added.size();
    // Merged position of every added record; records before the first one stay where they are.
    m_order.resize(m);
    std::size_t i = static_cast<std::size_t>(std::lower_bound(cell.begin(), cell.end(), added.cell[0]) - cell.begin());
    for (std::size_t j = 0; j < m; ++j) {
      while (i < n && cell[i] < added.cell[j]) ++i;
      m_order[j] = static_cast<std::uint32_t>(i + j);
    }
    std::size_t column = 0;
    visit([&](const ColumnInfo&, auto& mine) {
      using Vec = std::decay_t<decltype(mine)>;
      const Vec& theirs = added.template column_at<Vec>(column++);
      mine.resize(n + m);
      // Walk from the back: old record k moves to k + (number of added records before it).
      std::size_t k = n;  // old records not yet moved: [0, k)
      for (std::size_t j = m; j-- > 0;) {
        const std::size_t dest = m_order[j];
        // Old records that sort after added record j go behind it.
        while (k > dest - j) {
          --k;
          mine[k + j + 1] = mine[k];
        }
        mine[dest] = theirs[j];
      }
    });
    added.clear();
  }

  /// Removes the records whose flag in `drop` (one per record) is set; in place, from the first one.
  void erase_flagged(std::span<const std::uint8_t> drop) {
    std::size_t first = 0;
    while (first < size() && !drop[first]) ++first;
    if (first == size()) return;
    visit([&](const ColumnInfo&, auto& column) {
      std::size_t w = first;
      for (std::size_t r = first; r < column.size(); ++r)
        if (!drop[r]) column[w++] = column[r];
      column.resize(w);
    });
  }

  void clear() {
    visit([](const ColumnInfo&, auto& column) { column.clear(); });
  }

  void shrink_to_fit() {
    visit([](const ColumnInfo&, auto& column) { column.shrink_to_fit(); });
  }

  /// Bytes held by the columns (for the memory report).
  std::size_t bytes() {
    std::size_t b = 0;
    visit([&](const ColumnInfo&, auto& column) {
      b += column.capacity() * sizeof(typename std::decay_t<decltype(column)>::value_type);
    });
    return b;
  }

 private:
  /// The `index`-th column in visit order, as type Vec (the same list type, so the types match).
  template <typename Vec>
  Vec& column_at(std::size_t index) {
    Vec* found = nullptr;
    std::size_t k = 0;
    visit([&](const ColumnInfo&, auto& column) {
      if constexpr (std::is_same_v<std::decay_t<decltype(column)>, Vec>) {
        if (k == index) found = &column;
      }
      ++k;
    });
    return *found;
  }

  std::vector<std::uint32_t> m_order;
};

}  // namespace polder::engine
