#include "solver/engine/climate_forcing.hpp"

#include <algorithm>

#include "io/netcdf/nc_file.hpp"
#include "solver/core/error.hpp"

namespace polder::engine {

ClimateForcing::ClimateForcing(const parallel::Comm& comm, const std::string& path, const std::string& scenario,
                               const grid::GridWindow& window) {
  const io::NcFile file(comm, path, io::NcFile::Mode::read);
  m_info = io::check_climate_metadata(file);
  io::check_climate_covers(m_info, window, path);
  io::check_climate_values(file, m_info, comm);
  const auto it = std::find(m_info.scenarios.begin(), m_info.scenarios.end(), scenario);
  if (it == m_info.scenarios.end())
    throw InputError(cat("run.scenario = '", scenario, "' is not in climate file '", path, "'"));
  const auto s = static_cast<std::size_t>(it - m_info.scenarios.begin());
  m_first_year = m_info.years.front();
  m_last_year = m_info.years.back();
  m_nx = static_cast<std::int32_t>(m_info.x.size());
  m_ny = static_cast<std::int32_t>(m_info.y.size());
  m_x_west = m_info.x.front() - 0.5 * m_info.cell_width_m;
  m_y_north = m_info.y.front() + 0.5 * m_info.cell_height_m;

  const std::size_t ny = m_info.y.size(), nx = m_info.x.size(), nyear = m_info.years.size();
  const std::vector<std::size_t> start = {s, 0, 0, 0}, count = {1, nyear, ny, nx};
  m_tas.resize(nyear * ny * nx);
  m_deficit.resize(m_tas.size());
  m_gw.resize(m_tas.size());
  m_sea_level.resize(nyear);
  file.read<float>("tas", start, count, m_tas);
  file.read<float>("precip_deficit", start, count, m_deficit);
  file.read<float>("gw_anomaly", start, count, m_gw);
  file.read<float>("sea_level", {s, 0}, {1, nyear}, m_sea_level);
}

ClimateYear ClimateForcing::year(std::int32_t y) const {
  POLDER_VERIFY(covers(y), "year ", y, " outside the climate file (", m_first_year, "..", m_last_year, ")");
  const auto k = static_cast<std::size_t>(y - m_first_year);
  const std::size_t plane = static_cast<std::size_t>(m_nx) * static_cast<std::size_t>(m_ny);
  ClimateYear out;
  out.cells = plane;
  out.tas_c = m_tas.data() + k * plane;
  out.precip_deficit_mm = m_deficit.data() + k * plane;
  out.gw_anomaly_cm = m_gw.data() + k * plane;
  out.sea_level_cm = m_sea_level[k];
  // The rise of year y is SL(y) - SL(y-1); the file's first year has no year before it, so it takes
  // the rise of the year after (SL(y+1) - SL(y)) instead of 0 (docs/method.md, section 6).
  if (k > 0)
    out.sea_level_rise_cm = static_cast<double>(m_sea_level[k] - m_sea_level[k - 1]);
  else if (m_sea_level.size() > 1)
    out.sea_level_rise_cm = static_cast<double>(m_sea_level[1] - m_sea_level[0]);
  else
    out.sea_level_rise_cm = 0.0;
  return out;
}

}  // namespace polder::engine
