#include "solver/engine/land_use_events.hpp"

#include <algorithm>

#include "solver/core/error.hpp"
#include "solver/engine/year_step.hpp"
#include "solver/kernels/land_use_schedule.hpp"
#include "solver/model/land_use.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::engine {

LandUseEvents::LandUseEvents(const CellState& s, const grid::TileLayout& layout, std::int32_t first_year)
    : m_events(s.n_tiles()), m_marsh(s.n_tiles()), m_cursor(s.n_tiles(), 0), m_scratch(s.n_tiles()) {
  const std::size_t n_maps = s.map_years.size();
  constexpr auto marsh = static_cast<std::uint8_t>(model::LandUse::salt_marsh);
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    auto& events = m_events[t];
    for (std::size_t i = s.begin(t); i < s.end(t); ++i) {
      const auto cell = static_cast<std::uint32_t>(i);
      bool is_marsh = s.land_use_map[0][i] == marsh;
      for (std::size_t k = 0; k + 1 < n_maps; ++k) {
        is_marsh = is_marsh || s.land_use_map[k + 1][i] == marsh;
        if (s.land_use_map[k][i] == s.land_use_map[k + 1][i]) continue;
        const auto id = cell_position(s, layout, t, i).id;
        const std::int32_t y = kernels::change_year(s.map_years[k], s.map_years[k + 1], id);
        if (y >= first_year) events.push_back({static_cast<std::int16_t>(y), cell});
      }
      if (s.seagrass_since[i] > 0 && s.seagrass_since[i] >= first_year) events.push_back({s.seagrass_since[i], cell});
      if (is_marsh) m_marsh[t].push_back(cell);
    }
    // Generated in ascending cell order, so a stable counting sort by year gives (year, cell) order in
    // linear time; a cell's events of one year (a map change and seagrass arrival) end up adjacent.
    if (!events.empty()) {
      const auto [lo, hi] = std::minmax_element(events.begin(), events.end(),
                                                [](const Event& a, const Event& b) { return a.year < b.year; });
      const std::int32_t y0 = lo->year;
      std::vector<std::size_t> start(static_cast<std::size_t>(hi->year - y0) + 2, 0);
      for (const auto& e : events) ++start[static_cast<std::size_t>(e.year - y0) + 1];
      for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
      std::vector<Event> sorted(events.size());
      for (const auto& e : events) sorted[start[static_cast<std::size_t>(e.year - y0)]++] = e;
      events.swap(sorted);
    }
    events.erase(std::unique(events.begin(), events.end(),
                             [](const Event& a, const Event& b) { return a.year == b.year && a.cell == b.cell; }),
                 events.end());
    POLDER_ASSERT(std::is_sorted(events.begin(), events.end()), "land-use events of tile ", t, " out of order");
  });
}

std::span<const std::uint32_t> LandUseEvents::candidates(std::size_t t, std::int32_t year) {
  auto& out = m_scratch[t];
  out.clear();
  const auto& events = m_events[t];
  std::size_t& k = m_cursor[t];
  while (k < events.size() && events[k].year < year) ++k;
  while (k < events.size() && events[k].year == year) out.push_back(events[k++].cell);
  if (!m_marsh[t].empty()) {
    const std::size_t n = out.size();
    out.insert(out.end(), m_marsh[t].begin(), m_marsh[t].end());
    std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
  return out;
}

std::size_t LandUseEvents::event_count() const {
  std::size_t n = 0;
  for (const auto& e : m_events) n += e.size();
  return n;
}

}  // namespace polder::engine
