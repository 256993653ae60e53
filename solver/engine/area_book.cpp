#include "solver/engine/area_book.hpp"

#include <algorithm>

#include "solver/engine/cell_post.hpp"
#include "solver/engine/year_step.hpp"

namespace polder::engine {
namespace {

constexpr std::uint32_t k_classes = model::k_land_use_classes;

}  // namespace

std::uint32_t AreaBook::key(const CellState& s, std::size_t i, std::int32_t year) {
  const std::uint8_t lu = s.land_use[i];
  const int row = reporting_row(category_of_code(lu), s.converted_from[i], s.converted_year[i], year);
  return (static_cast<std::uint32_t>(s.province[i] - 1) * model::k_ledger_rows + static_cast<std::uint32_t>(row)) *
             k_classes +
         lu;
}

AreaBook::AreaBook(const CellState& s, std::size_t t, std::int32_t year) : m_changes(model::k_transition_size, 0) {
  // Counted in a dense table over all keys (12 x 36 x 18), then the non-zero keys in key order: linear
  // in the cells, where sorting the keys of a national run cost seconds.
  std::vector<std::int32_t> counts(static_cast<std::size_t>(model::k_provinces) * model::k_ledger_rows * k_classes, 0);
  for (std::size_t i = s.begin(t); i < s.end(t); ++i) {
    ++counts[key(s, i, year - 1)];
    if (s.converted_year[i] > 0 && s.converted_year[i] + model::k_ipcc_transition_years >= year)
      m_conversions.push_back({s.converted_year[i], static_cast<std::uint32_t>(i)});
  }
  for (std::size_t k = 0; k < counts.size(); ++k)
    if (counts[k] != 0) m_counts.push_back({static_cast<std::uint32_t>(k), counts[k]});
  std::stable_sort(m_conversions.begin(), m_conversions.end(),
                   [](const Conversion& a, const Conversion& b) { return a.year < b.year; });
}

void AreaBook::add(std::uint32_t k, std::int32_t delta) {
  auto it =
      std::lower_bound(m_counts.begin(), m_counts.end(), k, [](const Count& c, std::uint32_t v) { return c.key < v; });
  if (it == m_counts.end() || it->key != k) it = m_counts.insert(it, {k, 0});
  it->cells += delta;
  if (it->cells == 0) m_counts.erase(it);
}

void AreaBook::expire(const CellState& s, std::int32_t year) {
  std::fill(m_changes.begin(), m_changes.end(), 0);
  const std::int32_t ending = year - model::k_ipcc_transition_years;
  while (m_next_expiry < m_conversions.size() && m_conversions[m_next_expiry].year <= ending) {
    const auto& c = m_conversions[m_next_expiry++];
    // Only if the cell has not been converted again since, and was reported as converted until now.
    if (c.year != ending || s.converted_year[c.cell] != c.year) continue;
    const std::uint32_t now = key(s, c.cell, year), before = key(s, c.cell, year - 1);
    if (now == before) continue;
    add(before, -1);
    add(now, +1);
  }
}

void AreaBook::leave(const CellState& s, std::size_t i, std::int32_t year) { add(key(s, i, year), -1); }

void AreaBook::enter(const CellState& s, std::size_t i, std::int32_t year, std::uint8_t old_category) {
  add(key(s, i, year), +1);
  const std::uint8_t cat = category_of_code(s.land_use[i]);
  ++m_changes[model::transition_index(s.province[i] - 1, old_category, cat)];
  if (s.converted_year[i] == year && cat != old_category)
    m_conversions.push_back({static_cast<std::int16_t>(year), static_cast<std::uint32_t>(i)});
}

void AreaBook::post(const ModelParameters& p, TileLedger& ledger) const {
  // Cells per (province, category) at the end of the year; the ones that did not change this year
  // stayed in their category ("remaining" in the transition matrix).
  std::vector<std::int32_t> in_category(static_cast<std::size_t>(model::k_provinces) * model::k_land_categories, 0);
  for (const auto& c : m_counts) {
    const std::uint32_t lu = c.key % k_classes;
    const std::uint32_t row = (c.key / k_classes) % model::k_ledger_rows;
    const auto province0 = static_cast<int>(c.key / k_classes / model::k_ledger_rows);
    double* acc = ledger.row(province0, static_cast<int>(row));
    acc[model::qi(model::Quantity::area_ha)] += c.cells * k_cell_ha;
    const double ch4 = p.wetland.ch4_kg_ha[lu];
    if (ch4 != 0.0) acc[model::qi(model::Quantity::ch4_wetland_t)] += c.cells * (ch4 * 1e-3 * k_cell_ha);
    in_category[static_cast<std::size_t>(province0) * model::k_land_categories +
                category_of_code(static_cast<std::uint8_t>(lu))] += c.cells;
  }
  for (int pr = 0; pr < model::k_provinces; ++pr) {
    for (int to = 0; to < model::k_land_categories; ++to) {
      std::int32_t stayed =
          in_category[static_cast<std::size_t>(pr) * model::k_land_categories + static_cast<std::size_t>(to)];
      for (int from = 0; from < model::k_land_categories; ++from) {
        const std::int32_t n = m_changes[model::transition_index(pr, from, to)];
        stayed -= n;
        if (n != 0) ledger.add_transition(pr, from, to, n * k_cell_ha);
      }
      if (stayed != 0) ledger.add_transition(pr, to, to, stayed * k_cell_ha);
    }
  }
}

std::int64_t AreaBook::cells() const {
  std::int64_t n = 0;
  for (const auto& c : m_counts) n += c.cells;
  return n;
}

}  // namespace polder::engine
