#pragma once
// Policy measures turned into per-cell data (docs/scenarios.md, "How a measure becomes cells"). For
// each measure, in the order the config files give them:
//   1. its qualifying cells: the measure's provinces, land-use classes (as mapped in the year before it
//      starts, or in the last map), soil classes, mask and neighbourhood rule, what its action can act
//      on (organic soils for water tables and rewetting, mineral soils for soil management, stands for
//      species and harvest, flammable classes for fire prevention, salt marsh for accretion), and no
//      cell an earlier measure took;
//   2. its target in cells per province and year: a national area shared out over the provinces by
//      their qualifying area (largest remainders), per-province areas as given, or a share of the
//      qualifying area, reached linearly from the start to the target year, then growing by
//      `rate_after_ha_yr`; a target the qualifying area cannot meet is an error, or with `shortfall =
//      warn` capped and reported;
//   3. the cells taken: in the order of a priority score (the distance band to the `near` class when
//      priority = near, then a counter-based permutation of the cell id), the first N(p, y) of province
//      p by year y, found by bisection over the score with exact integer counts summed over ranks, so
//      the same cells are taken for any decomposition;
//   4. for planted cells that may fail (`survival` < 1), a counter-based draw per cell.
// The result is a list of activations (year, cell, measure) per tile, applied by pass A of that year
// (land_use_pass.cpp): conversions, rewetting, water-table raises, soil-management transitions, species,
// fire, accretion and harvest factors set on the cell's process records, which the kernels read.
//
// Measures and the baseline projection (land_use_projection.hpp): only the cells of measures that set
// the land use (`land_use`, `rewet`) are kept out of the projection, from their reservation on. The
// cells of management measures (soil management, water tables, species, harvest, fire, accretion) stay
// open to it, so a measure's effect is its management and not a change of the baseline's land-use
// change. A management cell the projection (or a map event) converts to a class the measure does not
// act on leaves its measure, and a reserved one that no longer qualifies when its year comes is not
// activated (`acts_on`).

#include <cstdint>
#include <string>
#include <vector>

#include "io/config/measure_config.hpp"
#include "io/config/run_config.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::engine {

/// A cell entering measure `measure` (1-based index into the plan's specs) in `year`.
struct MeasureActivation {
  std::int16_t year = 0;
  std::uint16_t cell = 0;  ///< offset in the tile's cells
  std::uint8_t measure = 0;
  friend bool operator<(const MeasureActivation& a, const MeasureActivation& b) {
    return a.year != b.year ? a.year < b.year : a.cell < b.cell;
  }
};

/// What the allocation of one measure came to, for the inventory (national figures).
struct MeasureOutcome {
  double qualifying_ha = 0.0;       ///< area that qualifies
  double requested_ha = 0.0;        ///< the target by the target year
  double planned_ha = 0.0;          ///< taken by the target year (less than requested only with shortfall = warn)
  double planted_ha_end = 0.0;      ///< taken by the run's last year
  double established_ha_end = 0.0;  ///< of which established (survival)
  double taken_earlier_ha = 0.0;    ///< would qualify, but earlier measures (config order) took it
  std::string shortfall;            ///< "" or what could not be met
};

/// The value of the `measure` cell field: 0 none, m reserved for measure m, m | k_active once in it.
inline constexpr std::uint8_t k_measure_active = 0x80;
inline std::uint8_t measure_index(std::uint8_t field) { return static_cast<std::uint8_t>(field & 0x7F); }
inline bool measure_active(std::uint8_t field) { return (field & k_measure_active) != 0; }

/// A canonical text of everything that decides the future of the land besides the parameters: the
/// measures and the projection settings. A restart must match it; a branch (--branch-from) may differ.
std::string scenario_signature(const io::RunConfig& config);

class MeasurePlan {
 public:
  MeasurePlan() = default;
  /// Collective. `s` must hold the starting state's static fields (tiles, positions, land use).
  /// `seed` keys the allocation and survival draws: kernels::draw_seed(config.seed, draw).
  MeasurePlan(const parallel::Comm& comm, const CellState& s, const std::vector<std::int32_t>& map_years,
              const ModelParameters& p, const io::RunConfig& config, std::uint64_t seed);

  bool empty() const { return m_specs.empty(); }
  const std::vector<io::MeasureSpec>& specs() const { return m_specs; }
  const std::vector<MeasureOutcome>& outcomes() const { return m_outcomes; }
  /// Activations of local tile t in (year, cell) order.
  const std::vector<MeasureActivation>& activations(std::size_t t) const { return m_activations[t]; }
  /// Reserves in `s.measure` the cells that enter a measure in `first_year` or later, clearing any other
  /// reservation; active cells (already in a measure) are left as they are.
  void reserve(CellState& s, std::int32_t first_year) const;
  /// The species of a new or converted stand of measure m (1-based) at cell `cell_id`.
  std::uint8_t species(std::uint8_t measure, std::int64_t cell_id, std::uint64_t seed) const;
  /// Largest fire-ignition factor of any measure (at least 1): a bound for the ignition filter.
  double max_ignition_factor() const { return m_max_ignition_factor; }
  /// Whether the measure of cell field `field` (reserved or active, not 0) sets the cell's land use:
  /// the baseline projection leaves such cells alone.
  bool holds_land_use(std::uint8_t field) const;
  /// Whether a cell of the measure of `field` leaves it when its land use changes: management measures
  /// (all but land_use, rewet and marsh_accretion, whose marshes the coastal model moves).
  bool ends_on_conversion(std::uint8_t field) const;
  /// Whether the measure of cell field `field` can act on a cell of this land use and soil: its
  /// land-use and soil classes and what its action acts on (the cell may have changed since the plan).
  bool acts_on(std::uint8_t field, std::uint8_t land_use, std::uint8_t soil, const ModelParameters& p) const;

 private:
  std::vector<io::MeasureSpec> m_specs;
  std::vector<MeasureOutcome> m_outcomes;
  std::vector<std::vector<MeasureActivation>> m_activations;  ///< per local tile
  double m_max_ignition_factor = 1.0;
};

}  // namespace polder::engine
