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
  /// place, from the back: only the records after the first insertion point move, as blocks (memmove),
  /// and no memory is allocated once the columns have grown to their working size.
  void merge(RecordList& added) {
    if (added.empty()) return;
    const std::size_t n = size(), m = added.size();
    // Merged position of every added record; records before the first one stay where they are.
    m_order.resize(m);
    auto at = cell.begin();
    for (std::size_t j = 0; j < m; ++j) {
      at = std::lower_bound(at, cell.end(), added.cell[j]);
      m_order[j] = static_cast<std::uint32_t>(static_cast<std::size_t>(at - cell.begin()) + j);
    }
    std::size_t column = 0;
    visit([&](const ColumnInfo&, auto& mine) {
      using Vec = std::decay_t<decltype(mine)>;
      const Vec& theirs = added.template column_at<Vec>(column++);
      mine.resize(n + m);
      // From the back: old records [m_order[j] - j, end) move behind added record j, by j + 1.
      std::size_t end = n;
      for (std::size_t j = m; j-- > 0;) {
        const std::size_t start = m_order[j] - j;
        const auto first = mine.begin() + static_cast<std::ptrdiff_t>(start);
        std::copy_backward(first, mine.begin() + static_cast<std::ptrdiff_t>(end),
                           mine.begin() + static_cast<std::ptrdiff_t>(end + j + 1));
        mine[m_order[j]] = theirs[j];
        end = start;
      }
    });
    added.clear();
  }

  /// Removes the records at indices `rows` (ascending, distinct); in place, the records between them
  /// moved as blocks from the first one on.
  void erase_rows(std::span<const std::uint32_t> rows) {
    if (rows.empty()) return;
    visit([&](const ColumnInfo&, auto& column) {
      auto w = column.begin() + rows[0];
      for (std::size_t j = 0; j < rows.size(); ++j) {
        const auto from = column.begin() + rows[j] + 1;
        const auto to = j + 1 < rows.size() ? column.begin() + rows[j + 1] : column.end();
        w = std::copy(from, to, w);
      }
      column.resize(static_cast<std::size_t>(w - column.begin()));
    });
  }

  /// Removes the records at indices `drop` (ascending, distinct) and merges `added` (sorted by cell,
  /// cells not kept in this list), keeping cell order: the same list as erase_rows then merge, with
  /// every record behind the first change moved once. In place: the runs of records between changes
  /// that move towards the front are moved first, front to back, then those that move towards the
  /// back, back to front (records keep their order, so no move overwrites a run not yet moved).
  void splice(std::span<const std::uint32_t> drop, RecordList& added) {
    const std::size_t n = size(), d = drop.size(), m = added.size();
    if (d == 0 && m == 0) return;
    if (m == 0) return erase_rows(drop);
    if (d == 0) return merge(added);
    // Insertion point of every added record among the old ones; then its final position.
    m_order.resize(m);
    auto at = cell.begin();
    for (std::size_t j = 0; j < m; ++j) {
      at = std::lower_bound(at, cell.end(), added.cell[j]);
      m_order[j] = static_cast<std::uint32_t>(at - cell.begin());
    }
    thread_local std::vector<Run> runs;
    runs.clear();
    std::size_t i = 0, j = 0;
    std::ptrdiff_t shift = 0;  // final - old index of the records from k on
    std::size_t k = std::min<std::size_t>(drop[0], m_order[0]);
    while (k < n) {
      for (; j < m && m_order[j] <= k; ++j) {
        m_order[j] = static_cast<std::uint32_t>(static_cast<std::ptrdiff_t>(k) + shift);
        ++shift;
      }
      if (i < d && drop[i] == k) {
        ++i;
        ++k;
        --shift;
        continue;
      }
      const std::size_t next = std::min<std::size_t>(i < d ? drop[i] : n, j < m ? m_order[j] : n);
      if (shift != 0) runs.push_back({static_cast<std::ptrdiff_t>(k), static_cast<std::ptrdiff_t>(next), shift});
      k = next;
    }
    for (; j < m; ++j) m_order[j] = static_cast<std::uint32_t>(static_cast<std::ptrdiff_t>(n) + shift++);
    const auto n_new = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(n) + shift);
    std::size_t column = 0;
    visit([&](const ColumnInfo&, auto& mine) {
      using Vec = std::decay_t<decltype(mine)>;
      const Vec& theirs = added.template column_at<Vec>(column++);
      if (n_new > n) mine.resize(n_new);
      const auto b = mine.begin();
      for (const Run& r : runs)
        if (r.shift < 0) std::copy(b + r.begin, b + r.end, b + (r.begin + r.shift));
      for (auto r = runs.rbegin(); r != runs.rend(); ++r)
        if (r->shift > 0) std::copy_backward(b + r->begin, b + r->end, b + (r->end + r->shift));
      for (std::size_t q = 0; q < m; ++q) mine[m_order[q]] = theirs[q];
      mine.resize(n_new);
    });
    added.clear();
  }

  /// Removes the records whose flag in `drop` (one per record) is set.
  void erase_flagged(std::span<const std::uint8_t> drop) {
    thread_local std::vector<std::uint32_t> rows;
    rows.clear();
    for (std::size_t r = 0; r < size(); ++r)
      if (drop[r]) rows.push_back(static_cast<std::uint32_t>(r));
    erase_rows(rows);
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

  /// Old records [begin, end) that move by `shift` in a splice.
  struct Run {
    std::ptrdiff_t begin, end, shift;
  };
  std::vector<std::uint32_t> m_order;
};

}  // namespace polder::engine
