#pragma once
// The per-cell maps of a run (`[output] maps`, `map_years`): at the end of each map year the fields are
// gathered from the state tile by tile and handed to the collective map writer. Nothing here runs in
// other years. The fields are the end-of-year state (model/map_field.hpp):
//   soc_stock      = the mineral-soil anchor (on any soil: burial of marshes and seagrass, carbon left by
//                    depleted peat) + SOC_eq(soil, land use) * x(climate cell, year) on mineral soils
//                    + the carbon of the remaining peat layer on organic soils, t C ha-1
//   biomass        = the stand's living biomass (woody cells), the regrowing biomass of burnt cells,
//                    else the steady-state biomass of the land-use class, t C ha-1
//   peat_thickness = peat carbon / carbon per cm of peat, cm (0 without peat)
//   land_use       = land-use code
//   net_co2e       = net_co2 + 28 CH4 + 265 N2O of the cell, t CO2-eq ha-1 yr-1: the gases the processes
//                    add per cell (fire, organic soils, mineralisation, coastal marshes) while the year
//                    runs, plus the wetland CH4 of the land-use class (area_book.cpp books it by class)
//   net_co2        = -44/12 x (carbon of all five pools at the end of the year - at its start),
//                    t CO2 ha-1 yr-1: the CRT net CO2 of the cell (DOC, which leaves the peat, counts as
//                    off-site CO2); CH4, N2O and harvested wood products are not in it

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "io/config/run_config.hpp"
#include "io/netcdf/map_writer.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/engine/climate_tables.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/grid/grid_window.hpp"
#include "solver/model/map_field.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::engine {

class MapOutput {
 public:
  /// Collective. Creates the map file of `config` (which must name fields and years) over `window`.
  MapOutput(const parallel::Comm& comm, const io::RunConfig& config, const grid::GridWindow& window,
            const std::vector<std::pair<std::string, std::string>>& provenance);

  /// True if `year` is a map year.
  bool due(std::int32_t year) const;
  /// True if `year` is a map year of net_co2 or net_co2e, whose carbon at the start of the year must be
  /// kept.
  bool needs_start(std::int32_t year) const;
  /// Keeps the carbon of every cell at the end of `year - 1` (the state before `year` runs) and, for
  /// net_co2e, zeroes the per-cell gases the year's processes add to (`gases`).
  void keep_start(std::int32_t year, const CellState& state, const ModelParameters& parameters,
                  const ClimateFactors& factors);
  /// The per-cell CH4 and N2O buffer for YearContext::cell_gases_t_co2e_ha while a net_co2e map year
  /// runs (after keep_start), else null.
  double* gases() { return m_gases.empty() ? nullptr : m_gases.data(); }
  /// Collective: writes every field of `year` from the state at the end of that year.
  void write(std::int32_t year, const CellState& state, const ModelParameters& parameters,
             const ClimateFactors& factors);
  /// Collective: gives the file its final name.
  void close() { m_writer.close(); }

 private:
  std::vector<model::MapField> m_fields;
  std::vector<std::int32_t> m_years;
  std::vector<double> m_start_carbon;  ///< t C ha-1 per local cell, from keep_start to write
  std::vector<double> m_gases;         ///< t CO2-eq ha-1 per local cell, from keep_start to write
  std::int32_t m_start_year = 0;
  io::MapWriter m_writer;
};

}  // namespace polder::engine
