#include "solver/engine/process_records.hpp"

#include <algorithm>

#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/model/forest_species.hpp"

namespace polder::engine {
namespace {

template <typename A>
const A* find_attributes(const std::vector<A>& v, std::uint16_t cell) {
  const auto it = std::lower_bound(v.begin(), v.end(), cell, [](const A& a, std::uint16_t c) { return a.cell < c; });
  return (it != v.end() && it->cell == cell) ? &*it : nullptr;
}

}  // namespace

const ForestAttributes* forest_attributes(const TileInput& in, std::uint16_t cell) {
  return find_attributes(in.forest, cell);
}
const OrganicAttributes* organic_attributes(const TileInput& in, std::uint16_t cell) {
  return find_attributes(in.organic, cell);
}
const CoastalAttributes* coastal_attributes(const TileInput& in, std::uint16_t cell) {
  return find_attributes(in.coastal, cell);
}

std::uint8_t stand_species(const ForestAttributes* a) {
  return a != nullptr && a->species != 0 ? a->species
                                         : static_cast<std::uint8_t>(model::ForestSpecies::other_broadleaves);
}

std::size_t add_woody(const CellState& s, std::size_t t, std::size_t i, ReportKey key, WoodyList& list) {
  const auto cell = static_cast<std::uint16_t>(i - s.begin(t));
  const auto* a = forest_attributes(s.tile_input(t), cell);
  const std::size_t r = list.push_back(cell, key);
  list.species[r] = stand_species(a);
  list.yield_class[r] = a != nullptr ? a->yield_class : 0;
  list.climate_cell[r] = s.climate_cell[i];
  list.harvest_factor[r] = 1.0F;
  return r;
}

std::size_t add_organic(const CellState& s, std::size_t t, std::size_t i, ReportKey key, OrganicList& list) {
  const auto cell = static_cast<std::uint16_t>(i - s.begin(t));
  const auto* a = organic_attributes(s.tile_input(t), cell);
  POLDER_VERIFY(a != nullptr, "organic soil without input attributes at cell ", s.cell_id(t, i));
  const std::size_t r = list.push_back(cell, key);
  list.climate_cell[r] = s.climate_cell[i];
  list.ditch_fraction[r] = a->ditch_fraction;
  list.wtd_base_cm[r] = a->wtd_base_cm;
  return r;
}

std::size_t add_flammable(const CellState& s, std::size_t t, std::size_t i, ReportKey key, FlammableList& list) {
  const std::size_t r = list.push_back(static_cast<std::uint16_t>(i - s.begin(t)), key);
  list.cell_id[r] = static_cast<std::uint32_t>(s.cell_id(t, i));
  list.ignition_factor[r] = 1.0F;
  list.spreads[r] = 1;
  return r;
}

std::size_t add_coastal(const CellState& s, const ModelParameters& p, std::size_t t, std::size_t i, ReportKey key,
                        CoastalList& list) {
  const auto cell = static_cast<std::uint16_t>(i - s.begin(t));
  const std::size_t r = list.push_back(cell, key);
  list.accretion_factor[r] = 1.0F;
  // Brackish zones are a test on the cell centre, done once here instead of every year.
  list.brackish[r] = kernels::is_brackish(p.wetland, grid::NationalGrid::x_center(s.col_of(t, i)),
                                          grid::NationalGrid::y_center(s.row_of(t, i)))
                         ? 1
                         : 0;
  return r;
}

}  // namespace polder::engine
