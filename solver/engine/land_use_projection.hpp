#pragma once
// The baseline projection of land use after the last map (docs/method.md, §3 "Baseline projection"):
// conversion rates between land-use classes per province, measured on the input's map series over one
// map interval (by default the last), applied every projected year. The rate from class a to class b
// in province p is
//   r(p, a, b) = n(p, a -> b) / n(p, a) / (to_year - from_year)   per year,
// with n counted over the cells whose class is a at the end of from_year and b at the end of to_year.
// Each year a 1-ha block (4 x 4 cells) draws one uniform u (counter-based: seed, year, block id); each of
// its cells of class a converts to the first class b whose cumulative rate exceeds u. Blocks make the
// changes come in parcels and keep the draws independent of the decomposition. Classes driven by the
// sea (coastal water, tidal flats, salt marsh, seagrass by default) are neither left nor entered, and
// cells that a measure takes are left to the measure.

#include <cstdint>
#include <utility>
#include <vector>

#include "io/config/run_config.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/engine/year_context.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/province.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::engine {

class ProjectionRates {
 public:
  ProjectionRates() = default;
  /// Collective: counts the conversions of the map interval over all ranks. Disabled (no projected
  /// changes) when the config turns it off or the input has a single map.
  ProjectionRates(const parallel::Comm& comm, const CellState& s, const std::vector<std::int32_t>& map_years,
                  const io::RunConfig& config);

  bool enabled() const { return m_enabled; }
  std::int32_t from_year() const { return m_from; }
  std::int32_t to_year() const { return m_to; }
  /// First year the projection changes land use (the year after the last map).
  std::int32_t first_year() const { return m_first; }
  /// Rate per year from class a to class b in province p (1..12).
  double rate(int province, int from, int to) const;
  /// Cells of class `from` at from_year that were class `to` at to_year, in province p.
  std::int64_t count(int province, int from, int to) const;

  /// A cell of local tile t changes from class `from` to `to` (convert_cell): a cell of a fixed class
  /// that becomes free can move from now on, so the tile's blocks are listed again.
  void cell_changed(std::size_t t, std::uint8_t from, std::uint8_t to) const;

  /// Appends this year's projected conversions of local tile t, (cell, new class) in cell order, for
  /// cells not `taken` (a measure's or already changing this year) and not fixed.
  void targets(const YearContext& ctx, const CellState& s, std::size_t t,
               const std::vector<std::pair<std::uint16_t, std::uint8_t>>& taken,
               std::vector<std::pair<std::uint16_t, std::uint8_t>>& out) const;

 private:
  static constexpr int k_lu = model::k_land_use_classes;
  static std::size_t index(int province, int from, int to) {
    return (static_cast<std::size_t>(province - 1) * k_lu + static_cast<std::size_t>(from)) * k_lu +
           static_cast<std::size_t>(to);
  }
  /// The 4 x 4 blocks overlapping local tile t: first block row and column, and their numbers.
  struct BlockSpan {
    std::int32_t br0 = 0, bc0 = 0;
    std::size_t n_rows = 0, n_cols = 0;
  };
  static BlockSpan block_span(const CellState& s, std::size_t t);

  bool m_enabled = false;
  std::int32_t m_from = 0, m_to = 0, m_first = 0;
  std::vector<std::int64_t> m_counts;  ///< [province][from][to]
  std::vector<double> m_cumulative;    ///< [province][from][to]: sum of the rates to classes <= to
  double m_max_total = 0.0;            ///< largest total rate of any (province, class)
  std::vector<std::uint8_t> m_fixed;   ///< per class: 1 if the projection leaves it alone
  /// Local tile t's blocks (row-major index in block_span) that can give a target, listed again when
  /// stale. Each tile is only touched by the thread that runs it, so the cache needs no lock.
  const std::vector<std::uint32_t>& blocks(const CellState& s, std::size_t t) const;
  mutable std::vector<std::vector<std::uint32_t>> m_blocks;
  mutable std::vector<std::uint8_t> m_blocks_stale;  ///< per local tile: 1 until listed, or a cell freed
  /// Per local tile: index of the first cell of each row of the tile, and the cell count at the end.
  std::vector<std::vector<std::uint32_t>> m_row_start;
};

}  // namespace polder::engine
