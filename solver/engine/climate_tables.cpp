#include "solver/engine/climate_tables.hpp"

namespace polder::engine {

ClimateFactors::ClimateFactors(const ClimateForcing& climate, const kernels::ClimateResponseParams& p,
                               const kernels::FireParams& fire, bool response)
    : m_climate(climate),
      m_p(p),
      m_fire(fire),
      m_response(response),
      m_run_response(response && p.mineral_soil_response) {
  // x(y) = x(y-1) + (f_growth / (f_T f_W) - 1 - x(y-1)) / tau from the first climate year on, x = 0
  // before it: one pass over the record instead of one per tile and year.
  const std::size_t cells = climate.cell_count();
  const auto years = static_cast<std::size_t>(climate.last_year() - climate.first_year() + 1);
  m_x.assign(years * cells, 0.0);
  if (!p.mineral_soil_response) return;
  for (std::size_t k = 0; k < years; ++k) {
    const ClimateYear cy = climate.year(climate.first_year() + static_cast<std::int32_t>(k));
    for (std::size_t c = 0; c < cells; ++c) {
      const double before = k > 0 ? m_x[(k - 1) * cells + c] : 0.0;
      m_x[k * cells + c] = kernels::soil_climate_offset_step(p, before, cy.precip_deficit_mm[c], cy.tas_c[c]);
    }
  }
}

double ClimateFactors::x(std::int32_t year, std::uint16_t c) const {
  if (year < m_climate.first_year()) return 0.0;
  const auto k = static_cast<std::size_t>(year - m_climate.first_year());
  return m_x[k * m_climate.cell_count() + c];
}

void ClimateFactors::fill(std::int32_t year, ClimateTables& out) const {
  const ClimateYear cy = m_climate.year(year);
  const std::size_t n = cy.cells;
  out.year = year;
  for (auto* v : {&out.f_temperature, &out.f_decomposition, &out.f_growth, &out.deficit_mm, &out.gw_anomaly_cm,
                  &out.soil_x, &out.soil_dx, &out.fire_drought})
    v->assign(n, 0.0);
  for (std::size_t c = 0; c < n; ++c) {
    const double t = cy.tas_c[c], d = cy.precip_deficit_mm[c];
    if (m_response) {
      out.f_temperature[c] = kernels::decomposition_factor(m_p, t);
      out.f_decomposition[c] = out.f_temperature[c] * kernels::moisture_factor(m_p, d);
      out.f_growth[c] = kernels::growth_factor(m_p, d, t);
      out.deficit_mm[c] = d;
      out.gw_anomaly_cm[c] = cy.gw_anomaly_cm[c];
    } else {
      out.f_temperature[c] = out.f_decomposition[c] = out.f_growth[c] = 1.0;
    }
    const auto cell = static_cast<std::uint16_t>(c);
    out.soil_x[c] = soil_x(year, cell);
    out.soil_dx[c] = out.soil_x[c] - soil_x(year - 1, cell);
    out.fire_drought[c] = kernels::drought_factor(m_fire, d);
  }
  out.sea_level_rise_cm = cy.sea_level_rise_cm;
}

}  // namespace polder::engine
