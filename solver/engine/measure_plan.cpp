#include "solver/engine/measure_plan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/engine/process_records.hpp"
#include "solver/engine/reporting_row.hpp"
#include "solver/kernels/counter_hash.hpp"
#include "solver/model/province.hpp"

namespace polder::engine {
namespace {

using io::MeasureAction;
using io::MeasureSpec;

constexpr int k_provinces = model::k_provinces;

/// A bijection of 32-bit words (MurmurHash3's finaliser after a keyed xor): distinct cells get
/// distinct scores, so the order of a measure's cells has no ties.
std::uint32_t permute(std::uint32_t x, std::uint32_t key) {
  x ^= key;
  x ^= x >> 16;
  x *= 0x85ebca6bU;
  x ^= x >> 13;
  x *= 0xc2b2ae35U;
  x ^= x >> 16;
  return x;
}

std::uint32_t measure_key(std::uint64_t seed, std::size_t m) {
  return static_cast<std::uint32_t>(
      kernels::uniform01(seed, kernels::RandomStream::measure_priority, 0, static_cast<std::int64_t>(m)) *
      4294967296.0);
}

/// Mapped land use of every cell of a tile at the end of `year`.
void land_use_at(const TileInput& in, std::int32_t year, std::vector<std::uint8_t>& out) {
  out.assign(in.land_use_base.begin(), in.land_use_base.end());
  for (const auto& e : in.events) {
    if (e.year > year) break;
    out[e.cell] = e.land_use;
  }
}

/// Distance in metres (chamfer 5-7 on 25 m cells: 25 m across an edge, 35 m across a corner) from every
/// cell of a tile to the nearest cell of class `target`, inside the tile. Inactive positions are
/// crossed but are never the target.
std::vector<float> distance_to_class(const TileInput& in, std::int32_t T, const std::vector<std::uint8_t>& land_use,
                                     std::uint8_t target) {
  constexpr std::int32_t k_far = 1 << 28;
  std::vector<std::int32_t> d(static_cast<std::size_t>(T) * T, k_far);
  for (std::size_t c = 0; c < in.n_cells(); ++c)
    if (land_use[c] == target) d[in.local_index[c]] = 0;
  const auto at = [&](std::int32_t r, std::int32_t c) -> std::int32_t& {
    return d[static_cast<std::size_t>(r) * static_cast<std::size_t>(T) + static_cast<std::size_t>(c)];
  };
  for (std::int32_t r = 0; r < T; ++r)
    for (std::int32_t c = 0; c < T; ++c) {
      std::int32_t& v = at(r, c);
      if (c > 0) v = std::min(v, at(r, c - 1) + 5);
      if (r > 0) {
        v = std::min(v, at(r - 1, c) + 5);
        if (c > 0) v = std::min(v, at(r - 1, c - 1) + 7);
        if (c + 1 < T) v = std::min(v, at(r - 1, c + 1) + 7);
      }
    }
  for (std::int32_t r = T - 1; r >= 0; --r)
    for (std::int32_t c = T - 1; c >= 0; --c) {
      std::int32_t& v = at(r, c);
      if (c + 1 < T) v = std::min(v, at(r, c + 1) + 5);
      if (r + 1 < T) {
        v = std::min(v, at(r + 1, c) + 5);
        if (c + 1 < T) v = std::min(v, at(r + 1, c + 1) + 7);
        if (c > 0) v = std::min(v, at(r + 1, c - 1) + 7);
      }
    }
  std::vector<float> out(in.n_cells());
  for (std::size_t c = 0; c < in.n_cells(); ++c)
    out[c] = d[in.local_index[c]] >= k_far ? std::numeric_limits<float>::infinity()
                                           : static_cast<float>(d[in.local_index[c]]) * 5.0F;
  return out;
}

/// Whether the action can act on a cell of this land use and soil.
bool action_applies(const MeasureSpec& m, std::uint8_t lu, std::uint8_t soil, const ModelParameters& p) {
  switch (m.action) {
    case MeasureAction::land_use:
      return lu != m.to_land_use;
    case MeasureAction::rewet:
    case MeasureAction::water_table:
      return is_organic_soil(soil);
    case MeasureAction::soil_management: {
      const auto cat = category_of_code(lu);
      return is_mineral_soil(soil) && (cat == static_cast<std::uint8_t>(model::LandCategory::cropland) ||
                                       cat == static_cast<std::uint8_t>(model::LandCategory::grassland));
    }
    case MeasureAction::species:
    case MeasureAction::harvest:
      return is_woody(lu);
    case MeasureAction::fire_prevention:
      return p.fire.ignition_per_ha_yr[lu] > 0.0;
    case MeasureAction::marsh_accretion:
      return lu == static_cast<std::uint8_t>(model::LandUse::salt_marsh);
  }
  return false;
}

/// Cells per province and year: the cumulative target of a measure, given its qualifying cells.
struct Targets {
  std::vector<std::int32_t> years;               ///< start_year .. last_year
  std::vector<std::vector<std::int64_t>> cells;  ///< [province 1..12][year index], non-decreasing
};

std::int64_t cells_of(double ha) { return std::llround(ha / k_cell_ha); }

Targets targets_of(const MeasureSpec& m, const std::vector<std::int64_t>& qualifying, std::int32_t last_year,
                   const std::string& taken_earlier, MeasureOutcome& outcome) {
  Targets t;
  for (std::int32_t y = m.start_year; y <= last_year; ++y) t.years.push_back(y);
  t.cells.assign(k_provinces + 1, std::vector<std::int64_t>(t.years.size(), 0));
  std::int64_t q_total = 0;
  for (int p = 1; p <= k_provinces; ++p) q_total += qualifying[static_cast<std::size_t>(p)];
  // The target per province in the target year.
  std::vector<std::int64_t> at_target(k_provinces + 1, 0);
  if (m.fraction) {
    for (int p = 1; p <= k_provinces; ++p)
      at_target[static_cast<std::size_t>(p)] =
          std::llround(*m.fraction * static_cast<double>(qualifying[static_cast<std::size_t>(p)]));
  } else if (!m.area_ha_by_province.empty()) {
    for (const auto& [p, ha] : m.area_ha_by_province) at_target[p] = cells_of(ha);
  } else {
    // National: shared out by qualifying area, largest remainders (ties to the lower province code).
    const std::int64_t total = cells_of(*m.area_ha);
    std::vector<std::pair<double, int>> remainder;
    std::int64_t given = 0;
    for (int p = 1; p <= k_provinces; ++p) {
      const double exact =
          q_total > 0 ? static_cast<double>(total) * static_cast<double>(qualifying[p]) / static_cast<double>(q_total)
                      : 0.0;
      at_target[static_cast<std::size_t>(p)] = static_cast<std::int64_t>(std::floor(exact));
      given += at_target[static_cast<std::size_t>(p)];
      remainder.emplace_back(-(exact - std::floor(exact)), p);
    }
    std::sort(remainder.begin(), remainder.end());
    for (std::size_t k = 0; given < total && q_total > 0 && k < remainder.size(); ++k, ++given)
      ++at_target[static_cast<std::size_t>(remainder[k].second)];
  }
  std::int64_t requested = 0, planned = 0;
  std::string shortfall;
  for (int p = 1; p <= k_provinces; ++p) {
    const auto q = qualifying[static_cast<std::size_t>(p)];
    std::int64_t& want = at_target[static_cast<std::size_t>(p)];
    requested += want;
    if (want > q) {
      shortfall +=
          cat(shortfall.empty() ? "" : "; ", model::k_province_keys[static_cast<std::size_t>(p)], " asks ",
              static_cast<double>(want) * k_cell_ha, " ha where ", static_cast<double>(q) * k_cell_ha, " ha qualify");
      want = q;
    }
    planned += want;
  }
  if (!m.fraction && m.area_ha_by_province.empty() && q_total == 0 && cells_of(*m.area_ha) > 0) {
    requested = cells_of(*m.area_ha);  // nowhere to share it out
    shortfall = cat("no cell qualifies in any province");
  }
  outcome.requested_ha = static_cast<double>(requested) * k_cell_ha;
  outcome.planned_ha = static_cast<double>(planned) * k_cell_ha;
  outcome.qualifying_ha = static_cast<double>(q_total) * k_cell_ha;
  if (!shortfall.empty()) {
    const std::string message =
        cat(m.file, ": measure.", m.id, " (", m.name, "): ", shortfall, " (", outcome.requested_ha, " ha asked, ",
            outcome.qualifying_ha, " ha qualify",
            taken_earlier.empty() ? std::string() : cat("; taken by earlier measures: ", taken_earlier), ")");
    if (!m.shortfall_warn)
      throw ConfigError(cat(message, "; narrow the target, widen where it may act, or set shortfall = warn"));
    outcome.shortfall = message;
  }
  // The ramp: linear from the start to the target year, then rate_after, never beyond what qualifies.
  const double span = static_cast<double>(m.target_year - m.start_year + 1);
  const std::int64_t after_cells = cells_of(m.rate_after_ha_yr);
  for (std::size_t k = 0; k < t.years.size(); ++k) {
    const std::int32_t y = t.years[k];
    for (int p = 1; p <= k_provinces; ++p) {
      const auto want = at_target[static_cast<std::size_t>(p)];
      std::int64_t n = y >= m.target_year
                           ? want
                           : std::llround(static_cast<double>(want) * static_cast<double>(y - m.start_year + 1) / span);
      if (y > m.target_year && after_cells > 0 && q_total > 0)
        n += std::llround(static_cast<double>(after_cells) * static_cast<double>(y - m.target_year) *
                          static_cast<double>(qualifying[static_cast<std::size_t>(p)]) / static_cast<double>(q_total));
      n = std::min(n, qualifying[static_cast<std::size_t>(p)]);
      if (k > 0) n = std::max(n, t.cells[static_cast<std::size_t>(p)][k - 1]);
      t.cells[static_cast<std::size_t>(p)][k] = n;
    }
  }
  return t;
}

/// One qualifying cell of this rank.
struct Candidate {
  std::uint64_t score;
  std::uint32_t rank_cell;  ///< rank-local cell index
};

bool in_list(const std::vector<std::uint8_t>& list, std::uint8_t v) {
  return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

}  // namespace

bool MeasurePlan::holds_land_use(std::uint8_t field) const {
  const MeasureAction a = m_specs[static_cast<std::size_t>(measure_index(field)) - 1].action;
  return a == MeasureAction::land_use || a == MeasureAction::rewet;
}

bool MeasurePlan::ends_on_conversion(std::uint8_t field) const {
  return !holds_land_use(field) &&
         m_specs[static_cast<std::size_t>(measure_index(field)) - 1].action != MeasureAction::marsh_accretion;
}

bool MeasurePlan::acts_on(std::uint8_t field, std::uint8_t land_use, std::uint8_t soil,
                          const ModelParameters& p) const {
  const MeasureSpec& m = m_specs[static_cast<std::size_t>(measure_index(field)) - 1];
  return in_list(m.land_uses, land_use) && in_list(m.soils, soil) && action_applies(m, land_use, soil, p);
}

std::string scenario_signature(const io::RunConfig& config) {
  std::string s = cat("projection ", config.projection ? 1 : 0, " ", config.projection_from, " ", config.projection_to);
  for (const auto& f : config.projection_fixed) s += " " + f;
  s += "\n";
  for (const auto& m : config.measures) {
    s += cat("measure ", m.id, " ", io::action_name(m.action), " start ", m.start_year, " target ", m.target_year);
    const auto list = [&](const char* what, const std::vector<std::uint8_t>& v) {
      s += cat(" ", what);
      for (const auto x : v) s += cat(" ", static_cast<int>(x));
    };
    list("provinces", m.provinces);
    list("land_use", m.land_uses);
    list("soil", m.soils);
    list("species_from", m.species_from);
    s += cat(" mask ", m.mask, " near ", static_cast<int>(m.near_land_use), " ", m.near_m, " ", m.prefer_near ? 1 : 0);
    s += cat(" area ", m.area_ha ? *m.area_ha : -1.0, " fraction ", m.fraction ? *m.fraction : -1.0, " after ",
             m.rate_after_ha_yr, " warn ", m.shortfall_warn ? 1 : 0);
    for (const auto& [p, ha] : m.area_ha_by_province) s += cat(" area.", static_cast<int>(p), " ", ha);
    s += cat(" to ", static_cast<int>(m.to_land_use), " raise ", m.raise_cm, " factor ", m.factor, " spread ",
             m.spread ? 1 : 0, " survival ", m.survival);
    for (const auto& [sp, share] : m.species_mix) s += cat(" species ", static_cast<int>(sp), ":", share);
    s += "\n";
  }
  return s;
}

MeasurePlan::MeasurePlan(const parallel::Comm& comm, const CellState& s, const std::vector<std::int32_t>& map_years,
                         const ModelParameters& p, const io::RunConfig& config, std::uint64_t seed)
    : m_specs(config.measures), m_activations(s.n_tiles()) {
  if (m_specs.empty()) return;
  POLDER_VERIFY(m_specs.size() < k_measure_active, "too many measures: ", m_specs.size());
  const std::int32_t last_map = map_years.empty() ? config.start_year : map_years.back();
  std::vector<std::uint8_t> taken(s.n_cells(), 0);  // measure index that took the cell
  std::vector<std::uint8_t> land_use;
  for (std::size_t mi = 0; mi < m_specs.size(); ++mi) {
    const MeasureSpec& m = m_specs[mi];
    const auto measure = static_cast<std::uint8_t>(mi + 1);
    if (m.action == MeasureAction::fire_prevention) m_max_ignition_factor = std::max(m_max_ignition_factor, m.factor);
    const std::int32_t reference = std::min(m.start_year - 1, last_map);
    const std::uint32_t key = measure_key(seed, mi);
    // 1. Qualifying cells and their scores, per province; cells that qualify but an earlier measure
    //    took are counted per measure (the shortfall report names them).
    std::vector<std::vector<Candidate>> by_province(k_provinces + 1);
    std::vector<std::int64_t> lost_to(m_specs.size() + 1, 0);
    for (std::size_t t = 0; t < s.n_tiles(); ++t) {
      const TileInput& in = s.tile_input(t);
      land_use_at(in, reference, land_use);
      std::vector<float> distance;
      if (m.near_land_use != 0) distance = distance_to_class(in, s.tile_size, land_use, m.near_land_use);
      const bool coastal_target = m.action == MeasureAction::land_use &&
                                  (m.to_land_use == static_cast<std::uint8_t>(model::LandUse::salt_marsh) ||
                                   m.to_land_use == static_cast<std::uint8_t>(model::LandUse::seagrass));
      const CoastalList& coastal = s.processes[t].coastal;
      for (std::size_t c = 0; c < in.n_cells(); ++c) {
        const std::size_t i = s.begin(t) + c;
        const std::uint8_t province = in.province[c], lu = land_use[c], soil = in.soil[c];
        if (province < 1 || province > k_provinces) continue;
        if (!m.provinces.empty() && std::find(m.provinces.begin(), m.provinces.end(), province) == m.provinces.end())
          continue;
        if (!m.land_uses.empty() && std::find(m.land_uses.begin(), m.land_uses.end(), lu) == m.land_uses.end())
          continue;
        if (!m.soils.empty() && std::find(m.soils.begin(), m.soils.end(), soil) == m.soils.end()) continue;
        if (!m.species_from.empty()) {
          const std::uint8_t sp = stand_species(forest_attributes(in, static_cast<std::uint16_t>(c)));
          if (std::find(m.species_from.begin(), m.species_from.end(), sp) == m.species_from.end()) continue;
        }
        if (!action_applies(m, lu, soil, p)) continue;
        // The sea sets the class of coastal cells: only a marsh or seagrass measure may take them.
        if (!coastal_target && m.action == MeasureAction::land_use && coastal.find(static_cast<std::uint16_t>(c)) >= 0)
          continue;
        double band = 0.0;
        if (m.near_land_use != 0) {
          if (!(static_cast<double>(distance[c]) <= m.near_m)) continue;
          band = m.prefer_near ? std::min(255.0, static_cast<double>(distance[c]) / 25.0) : 0.0;
        }
        if (taken[i] != 0) {  // it qualifies, but an earlier measure has it
          ++lost_to[taken[i]];
          continue;
        }
        const auto id = static_cast<std::uint32_t>(s.cell_id(t, i));
        const std::uint64_t score = (static_cast<std::uint64_t>(band) << 32) | permute(id, key);
        by_province[province].push_back({score, static_cast<std::uint32_t>(i)});
      }
    }
    std::vector<std::int64_t> qualifying(k_provinces + 1, 0);
    for (int pr = 1; pr <= k_provinces; ++pr)
      qualifying[static_cast<std::size_t>(pr)] = static_cast<std::int64_t>(by_province[pr].size());
    comm.allreduce_sum(qualifying);
    comm.allreduce_sum(lost_to);
    MeasureOutcome outcome;
    std::string earlier;
    for (std::size_t k = 1; k < lost_to.size(); ++k) {
      if (lost_to[k] == 0) continue;
      outcome.taken_earlier_ha += static_cast<double>(lost_to[k]) * k_cell_ha;
      earlier +=
          cat(earlier.empty() ? "" : ", ", m_specs[k - 1].id, " ", static_cast<double>(lost_to[k]) * k_cell_ha, " ha");
    }
    const Targets targets = targets_of(m, qualifying, config.end_year, earlier, outcome);
    // 2. Thresholds: for every (province, year) the score of its N-th cell, by bisection over the score
    //    with exact counts over all ranks (all thresholds at once, 64 rounds).
    for (auto& c : by_province)
      std::sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
    const std::size_t ny = targets.years.size();
    std::vector<std::uint64_t> low((k_provinces + 1) * ny, 0), high(low.size(), ~std::uint64_t{0});
    std::vector<std::int64_t> counts(low.size());
    const auto n_at = [&](std::size_t k) { return targets.cells[k / ny][k % ny]; };
    for (int round = 0; round < 64; ++round) {
      for (std::size_t k = 0; k < low.size(); ++k) {
        const std::uint64_t mid = low[k] + (high[k] - low[k]) / 2;
        const auto& c = by_province[k / ny];
        counts[k] =
            std::upper_bound(c.begin(), c.end(), mid, [](std::uint64_t v, const Candidate& a) { return v < a.score; }) -
            c.begin();
      }
      comm.allreduce_sum(counts);
      for (std::size_t k = 0; k < low.size(); ++k) {
        const std::uint64_t mid = low[k] + (high[k] - low[k]) / 2;
        // Smallest score v with count(<= v) >= N: [low, high] keeps it.
        if (counts[k] >= n_at(k)) {
          high[k] = mid;
        } else {
          low[k] = mid + 1;
        }
      }
    }
    // 3. Each cell's year: the first year whose threshold reaches its score. Cells of a planting that
    //    fails (survival) are taken (they count as planted) but never activated.
    double established = 0.0, planted = 0.0;
    for (int pr = 1; pr <= k_provinces; ++pr) {
      // Thresholds rise with the year (the targets do): the first year with one is found by bisection.
      std::size_t k0 = 0;
      while (k0 < ny && n_at(static_cast<std::size_t>(pr) * ny + k0) == 0) ++k0;
      const auto first = high.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(pr) * ny + k0);
      const auto last = high.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(pr + 1) * ny);
      for (const Candidate& c : by_province[static_cast<std::size_t>(pr)]) {
        const auto at = std::lower_bound(first, last, c.score);
        if (at == last) continue;
        const std::int32_t year = targets.years[static_cast<std::size_t>(at - first) + k0];
        taken[c.rank_cell] = measure;
        planted += 1.0;
        // Locate the cell's tile (cells are grouped by tile in rank order).
        const auto it =
            std::upper_bound(s.tile_begin.begin(), s.tile_begin.end(), static_cast<std::size_t>(c.rank_cell));
        const auto t = static_cast<std::size_t>(it - s.tile_begin.begin()) - 1;
        if (m.survival < 1.0 &&
            !(kernels::uniform01(seed, kernels::RandomStream::measure_survival, static_cast<std::int32_t>(mi),
                                 s.cell_id(t, c.rank_cell)) < m.survival))
          continue;
        established += 1.0;
        m_activations[t].push_back(
            {static_cast<std::int16_t>(year), static_cast<std::uint16_t>(c.rank_cell - s.begin(t)), measure});
      }
    }
    std::vector<std::int64_t> totals = {static_cast<std::int64_t>(planted), static_cast<std::int64_t>(established)};
    comm.allreduce_sum(totals);
    outcome.planted_ha_end = static_cast<double>(totals[0]) * k_cell_ha;
    outcome.established_ha_end = static_cast<double>(totals[1]) * k_cell_ha;
    if (!outcome.shortfall.empty()) log::warn(cat("polder: ", outcome.shortfall, " (shortfall = warn)"));
    m_outcomes.push_back(outcome);
  }
  for (auto& a : m_activations) std::sort(a.begin(), a.end());
}

void MeasurePlan::reserve(CellState& s, std::int32_t first_year) const {
  for (auto& v : s.measure)
    if (!measure_active(v)) v = 0;
  for (std::size_t t = 0; t < m_activations.size(); ++t)
    for (const auto& a : m_activations[t]) {
      std::uint8_t& v = s.measure[s.begin(t) + a.cell];
      if (a.year >= first_year && !measure_active(v)) v = a.measure;
    }
}

std::uint8_t MeasurePlan::species(std::uint8_t measure, std::int64_t cell_id, std::uint64_t seed) const {
  const auto& mix = m_specs[static_cast<std::size_t>(measure - 1)].species_mix;
  if (mix.empty()) return 0;
  const double u = kernels::uniform01(seed, kernels::RandomStream::measure_species, measure, cell_id);
  double cum = 0.0;
  for (const auto& [sp, share] : mix) {
    cum += share;
    if (u < cum) return sp;
  }
  return mix.back().first;
}

}  // namespace polder::engine
