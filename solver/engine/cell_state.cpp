#include "engine/cell_state.hpp"

namespace polder::engine {

void CellState::resize(std::size_t n, std::size_t n_map_years) {
  local_index.assign(n, 0);
  province.assign(n, 0);
  land_use_map.assign(n_map_years, std::vector<std::uint8_t>(n, 0));
  soil.assign(n, 0);
  glg_cm.assign(n, 0.0F);
  ghg_cm.assign(n, 0.0F);
  ditch_fraction.assign(n, 0.0F);
  species.assign(n, 0);
  yield_class.assign(n, 0);
  marsh_elevation_cm.assign(n, 0.0F);
  seagrass_since.assign(n, 0);
  climate_cell.assign(n, 0);
  land_use.assign(n, 0);
  converted_from.assign(n, 0);
  converted_year.assign(n, 0);
  biomass_c.assign(n, 0.0);
  dead_wood_c.assign(n, 0.0);
  litter_c.assign(n, 0.0);
  mineral_soc_c.assign(n, 0.0);
  peat_c.assign(n, 0.0);
  soc_rate.assign(n, 0.0F);
  soc_years_left.assign(n, 0);
  stand_age.assign(n, 0.0F);
  burnt_year.assign(n, 0);
  rewetted.assign(n, 0);
}

std::size_t CellState::bytes_per_cell() const {
  return sizeof(std::uint16_t) + 1 + land_use_map.size() + 1 + 3 * sizeof(float) + 2 + sizeof(float) +
         sizeof(std::int16_t) + sizeof(std::uint16_t) + 1 + 1 + sizeof(std::int16_t) + 5 * sizeof(double) + sizeof(float) + 1 +
         sizeof(float) + sizeof(std::int16_t) + 1;
}

}  // namespace polder::engine
