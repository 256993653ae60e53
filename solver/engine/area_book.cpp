#include "solver/engine/area_book.hpp"

#include <algorithm>
#include <cmath>

#include "solver/engine/reporting_row.hpp"

namespace polder::engine {
namespace {

constexpr std::uint64_t k_classes = model::k_land_use_classes;
constexpr std::uint64_t k_soils = model::k_soil_classes;
/// Keys without the climate cell: (reporting key, land use, soil).
constexpr std::size_t k_small_keys =
    static_cast<std::size_t>(model::k_provinces) * model::k_ledger_rows * k_classes * k_soils;

std::uint64_t small_key(int report_key, std::uint8_t lu, std::uint8_t soil) {
  return (static_cast<std::uint64_t>(report_key) * k_classes + lu) * k_soils + soil;
}

}  // namespace

/// The active measure of a cell (0: none), bits 32-38 of its count key.
std::uint64_t measure_bits(std::uint8_t field) {
  return (field & 0x80) != 0 ? static_cast<std::uint64_t>(field & 0x7F) << 32 : 0;
}

std::uint64_t AreaBook::key(const CellState& s, std::size_t i, std::int32_t year) const {
  const int rk = report_key(s.province(m_tile, i), s.land_use[i], s.converted_from[i], s.converted_year[i], year);
  return measure_bits(s.measure[i]) | (small_key(rk, s.land_use[i], s.soil[i]) << 16) | s.climate_cell[i];
}

AreaBook::AreaBook(const CellState& s, std::size_t t, std::int32_t year)
    : m_tile(t), m_changes(model::k_transition_size, 0) {
  // Counted in a dense table over (reporting key, land use, soil) x the tile's few climate cells, then
  // the non-zero keys in key order: linear in the cells, where sorting a national run's keys costs
  // seconds.
  // The tile's few distinct climate cells (a tile spans at most a handful), in ascending order.
  std::vector<std::uint16_t> climate_cells;
  std::uint16_t last = 0;
  for (std::size_t i = s.begin(t); i < s.end(t); ++i) {
    const std::uint16_t c = s.climate_cell[i];
    if ((i > s.begin(t) && c == last) ||
        std::find(climate_cells.begin(), climate_cells.end(), c) != climate_cells.end()) {
      last = c;
      continue;
    }
    climate_cells.push_back(c);
    last = c;
  }
  std::sort(climate_cells.begin(), climate_cells.end());
  const std::size_t n_cc = climate_cells.size();
  // A dense table over all keys of the tile (reused by the thread, zero between tiles), and the list
  // of the entries touched, sorted at the end: only those are read and cleared.
  thread_local std::vector<std::int32_t> dense;
  thread_local std::vector<std::uint32_t> touched;
  if (dense.size() < k_small_keys * std::max<std::size_t>(n_cc, 1))
    dense.assign(k_small_keys * std::max<std::size_t>(n_cc, 1), 0);
  touched.clear();
  std::vector<std::size_t> in_measure;  // cells of active measures: counted one by one below
  for (std::size_t i = s.begin(t); i < s.end(t); ++i) {
    if (s.converted_year[i] > 0 && s.converted_year[i] + model::k_ipcc_transition_years >= year)
      m_conversions.push_back({s.converted_year[i], static_cast<std::uint32_t>(i)});
    if ((s.measure[i] & 0x80) != 0) {
      in_measure.push_back(i);
      continue;
    }
    const int rk = report_key(s.province(t, i), s.land_use[i], s.converted_from[i], s.converted_year[i], year - 1);
    const auto cc = static_cast<std::size_t>(
        std::lower_bound(climate_cells.begin(), climate_cells.end(), s.climate_cell[i]) - climate_cells.begin());
    const std::size_t k = small_key(rk, s.land_use[i], s.soil[i]) * n_cc + cc;
    if (dense[k]++ == 0) touched.push_back(static_cast<std::uint32_t>(k));
  }
  std::sort(touched.begin(), touched.end());
  m_counts.reserve(touched.size());
  for (const std::uint32_t k : touched) {
    m_counts.push_back({((k / n_cc) << 16) | climate_cells[k % n_cc], dense[k]});
    dense[k] = 0;
  }
  for (const std::size_t i : in_measure) add(key(s, i, year - 1), +1);
  std::stable_sort(m_conversions.begin(), m_conversions.end(),
                   [](const Conversion& a, const Conversion& b) { return a.year < b.year; });
}

void AreaBook::add(std::uint64_t k, std::int32_t delta) {
  auto it =
      std::lower_bound(m_counts.begin(), m_counts.end(), k, [](const Count& c, std::uint64_t v) { return c.key < v; });
  if (it == m_counts.end() || it->key != k) it = m_counts.insert(it, {k, 0});
  it->cells += delta;  // an emptied key stays until the next year's expire (no shift of the table)
}

void AreaBook::expire(const CellState& s, std::int32_t year, std::vector<std::uint32_t>& rekeyed) {
  std::fill(m_changes.begin(), m_changes.end(), 0);
  std::erase_if(m_counts, [](const Count& c) { return c.cells == 0; });
  const std::int32_t ending = year - model::k_ipcc_transition_years;
  while (m_next_expiry < m_conversions.size() && m_conversions[m_next_expiry].year <= ending) {
    const auto& c = m_conversions[m_next_expiry++];
    // Only if the cell has not been converted again since, and was reported as converted until now.
    if (c.year != ending || s.converted_year[c.cell] != c.year) continue;
    const std::uint64_t now = key(s, c.cell, year), before = key(s, c.cell, year - 1);
    if (now == before) continue;
    add(before, -1);
    add(now, +1);
    rekeyed.push_back(c.cell);
  }
}

void AreaBook::leave(const CellState& s, std::size_t i, std::int32_t year) { add(key(s, i, year), -1); }

void AreaBook::enter(const CellState& s, std::size_t i, std::int32_t year, int old_category) {
  add(key(s, i, year), +1);
  if (old_category < 0) return;  // a soil change, not a land transition
  const std::uint8_t cat = category_of_code(s.land_use[i]);
  ++m_changes[model::transition_index(s.province(m_tile, i) - 1, old_category, cat)];
  if (s.converted_year[i] == year && cat != old_category)
    m_conversions.push_back({static_cast<std::int16_t>(year), static_cast<std::uint32_t>(i)});
}

void AreaBook::post(const ModelParameters& p, const ClimateTables& climate, TileLedger& ledger) const {
  using model::Quantity;
  // Cells per (province, category) at the end of the year; the ones that did not change this year
  // stayed in their category ("remaining" in the transition matrix).
  std::vector<std::int32_t> in_category(static_cast<std::size_t>(model::k_provinces) * model::k_land_categories, 0);
  double turnover = 0.0;
  for (const auto& c : m_counts) {
    if (c.cells == 0) continue;
    const auto cc = static_cast<std::size_t>(c.key & 0xFFFF);
    const std::uint64_t sk = (c.key >> 16) & 0xFFFF;
    const auto measure = static_cast<int>(c.key >> 32);
    const auto soil = static_cast<std::uint8_t>(sk % k_soils);
    const auto lu = static_cast<std::uint8_t>((sk / k_soils) % k_classes);
    const auto rk = static_cast<int>(sk / k_soils / k_classes);
    const int province0 = rk / model::k_ledger_rows, row = rk % model::k_ledger_rows;
    double* acc = ledger.row(province0, row);
    double* mr = measure > 0 ? ledger.measure_row(measure) : nullptr;
    double* wr =
        model::row_to(row) == model::index(model::LandCategory::wetlands) ? ledger.wetland_row(province0, lu) : nullptr;
    acc[model::qi(Quantity::area_ha)] += c.cells * k_cell_ha;
    if (wr != nullptr) {
      wr[model::qi(Quantity::area_ha)] += c.cells * k_cell_ha;
      if (p.wetland.ch4_kg_ha[lu] != 0.0)
        wr[model::qi(Quantity::ch4_wetland_t)] += c.cells * (p.wetland.ch4_kg_ha[lu] * 1e-3 * k_cell_ha);
    }
    const double ch4 = p.wetland.ch4_kg_ha[lu];
    if (ch4 != 0.0) acc[model::qi(Quantity::ch4_wetland_t)] += c.cells * (ch4 * 1e-3 * k_cell_ha);
    if (mr != nullptr) {
      mr[model::qi(Quantity::area_ha)] += c.cells * k_cell_ha;
      if (ch4 != 0.0) mr[model::qi(Quantity::ch4_wetland_t)] += c.cells * (ch4 * 1e-3 * k_cell_ha);
    }
    in_category[static_cast<std::size_t>(province0) * model::k_land_categories + category_of_code(lu)] += c.cells;
    // The climate response of mineral-soil carbon (cell_state.hpp): SOC_eq x dx per cell.
    if (is_mineral_soil(soil) && climate.soil_dx[cc] != 0.0) {
      const double d = kernels::soc_equilibrium(p.mineral, soil, lu) * climate.soil_dx[cc] * (c.cells * k_cell_ha);
      acc[model::qi(Quantity::mineral_soil_tc)] += d;
      acc[model::qi(Quantity::mineral_climate_tc)] += d;
      if (mr != nullptr) {
        mr[model::qi(Quantity::mineral_soil_tc)] += d;
        mr[model::qi(Quantity::mineral_climate_tc)] += d;
      }
      if (wr != nullptr) {
        wr[model::qi(Quantity::mineral_soil_tc)] += d;
        wr[model::qi(Quantity::mineral_climate_tc)] += d;
      }
      turnover += std::fabs(d);
    }
  }
  ledger.add_balance(0.0, turnover);
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
