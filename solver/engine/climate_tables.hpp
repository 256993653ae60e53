#pragma once
// Climate work done once per climate cell and year, not once per 25 m cell: the response factors of
// growth and decomposition, the effective drought and groundwater anomaly, the relative mineral-soil
// climate offset x and its yearly change, and the fire drought factor (kernels/climate_response.hpp,
// kernels/fire.hpp). Every process indexes these arrays by its cells' climate cell.

#include <cstdint>
#include <vector>

#include "solver/engine/climate_forcing.hpp"
#include "solver/kernels/climate_response.hpp"
#include "solver/kernels/fire.hpp"

namespace polder::engine {

/// One year's factors, one entry per climate cell.
struct ClimateTables {
  std::int32_t year = 0;
  std::vector<double> f_temperature;    ///< Q10 factor (1 without climate response)
  std::vector<double> f_decomposition;  ///< Q10 x summer-moisture factor (dead wood, litter)
  std::vector<double> f_growth;         ///< drought and heat factor of growth
  std::vector<double> deficit_mm;       ///< precipitation deficit seen by forest mortality (0 without response)
  std::vector<double> gw_anomaly_cm;    ///< groundwater anomaly seen by peat (0 without response)
  std::vector<double> soil_x;           ///< mineral-soil climate offset x(year) (0 without response)
  std::vector<double> soil_dx;          ///< x(year) - x(year - 1)
  std::vector<double> fire_drought;     ///< drought multiplier of ignition and spread (always on)
  double sea_level_rise_cm = 0.0;
};

class ClimateFactors {
 public:
  /// `response`: the run's processes.climate_response switch.
  ClimateFactors(const ClimateForcing& climate, const kernels::ClimateResponseParams& p,
                 const kernels::FireParams& fire, bool response);

  /// Fills `out` for `year` (must be covered by the climate file).
  void fill(std::int32_t year, ClimateTables& out) const;

  /// x of climate cell `c` at the end of `year` as the run uses it (0 without climate response or
  /// before the climate record).
  double soil_x(std::int32_t year, std::uint16_t c) const { return m_run_response ? x(year, c) : 0.0; }
  /// x for the starting equilibrium of mineral soils, which follows the climate record whenever the
  /// mineral-soil response parameter is on (also in runs with processes.climate_response = false).
  double initial_soil_x(std::int32_t year, std::uint16_t c) const { return x(year, c); }

  const ClimateForcing& forcing() const { return m_climate; }

 private:
  double x(std::int32_t year, std::uint16_t c) const;
  const ClimateForcing& m_climate;
  const kernels::ClimateResponseParams& m_p;
  const kernels::FireParams& m_fire;
  bool m_response;
  bool m_run_response;      ///< response && mineral-soil response parameter
  std::vector<double> m_x;  ///< x per [year - first][cell] for every climate year
};

}  // namespace polder::engine
