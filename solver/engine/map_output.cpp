#include "solver/engine/map_output.hpp"

#include <algorithm>

#include "solver/core/error.hpp"
#include "solver/engine/reporting_row.hpp"
#include "solver/kernels/mineral_soil.hpp"
#include "solver/kernels/vegetation_stock.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/ledger_layout.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::engine {
namespace {

const model::MapFieldInfo& info_of(const std::string& key) {
  for (const auto& f : model::k_map_fields)
    if (f.key == key) return f;
  throw InternalError(cat("no map field named '", key, "'"));
}

std::vector<io::MapFieldSpec> specs_of(const std::vector<std::string>& keys) {
  std::string flags, meanings;
  for (int c = 1; c < model::k_land_use_classes; ++c) {
    if (c > 1) {
      flags.push_back(' ');
      meanings.push_back(' ');
    }
    flags.append(std::to_string(c));
    meanings.append(model::k_land_use_info[static_cast<std::size_t>(c)].key);
  }
  std::vector<io::MapFieldSpec> out;
  for (const auto& k : keys) {
    const auto& f = info_of(k);
    io::MapFieldSpec s;
    s.name = std::string(f.key);
    s.units = std::string(f.units);
    s.long_name = std::string(f.long_name);
    s.integer_codes = f.class_codes;
    s.aggregation = f.class_codes ? io::MapAggregation::majority : io::MapAggregation::mean;
    if (f.class_codes) {
      s.flag_values = flags;
      s.flag_meanings = meanings;
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<model::MapField> fields_of(const std::vector<std::string>& keys) {
  std::vector<model::MapField> out;
  out.reserve(keys.size());
  for (const auto& k : keys) out.push_back(info_of(k).field);
  return out;
}

/// Soil organic carbon of the cells of local tile `t` at the end of `year`, t C ha-1. The anchor holds
/// what burial and depleted peat left on any soil; the climate part applies on mineral soils only.
void tile_soc(std::int32_t year, const CellState& s, std::size_t t, const ModelParameters& p,
              const ClimateFactors& factors, std::vector<double>& soc) {
  const std::size_t b = s.begin(t), n = s.end(t) - b;
  soc.assign(n, 0.0);
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint8_t soil = s.soil[b + j];
    soc[j] = s.soc_anchor[b + j];
    if (is_mineral_soil(soil))
      soc[j] +=
          kernels::soc_equilibrium(p.mineral, soil, s.land_use[b + j]) * factors.soil_x(year, s.climate_cell[b + j]);
  }
  const OrganicList& ol = s.processes[t].organic;
  for (std::size_t r = 0; r < ol.size(); ++r) soc[ol.cell[r]] += ol.peat_c[r];
}

/// Living biomass of the cells of local tile `t`, t C ha-1; with `dom`, biomass plus dead wood and litter.
void tile_biomass(const CellState& s, std::size_t t, const ModelParameters& p, bool dom, std::vector<double>& c) {
  const std::size_t b = s.begin(t), n = s.end(t) - b;
  c.assign(n, 0.0);
  for (std::size_t j = 0; j < n; ++j) c[j] = kernels::vegetation_biomass(p.vegetation, s.land_use[b + j]);
  const TileProcesses& proc = s.processes[t];
  for (std::size_t r = 0; r < proc.burnt.size(); ++r)
    c[proc.burnt.cell[r]] = proc.burnt.biomass_c[r] + (dom ? proc.burnt.dead_wood_c[r] + proc.burnt.litter_c[r] : 0.0);
  for (std::size_t r = 0; r < proc.woody.size(); ++r)
    c[proc.woody.cell[r]] = proc.woody.biomass_c[r] + (dom ? proc.woody.dead_wood_c[r] + proc.woody.litter_c[r] : 0.0);
}

/// All carbon the cells of tile `t` hold at the end of `year` (the five pools of cell_books.hpp), t C ha-1.
void tile_carbon(std::int32_t year, const CellState& s, std::size_t t, const ModelParameters& p,
                 const ClimateFactors& factors, std::vector<double>& carbon, std::vector<double>& work) {
  tile_biomass(s, t, p, true, carbon);
  tile_soc(year, s, t, p, factors, work);
  for (std::size_t j = 0; j < carbon.size(); ++j) carbon[j] += work[j];
}

/// The values of `field` for the cells of local tile `t`, end of `year`; `start` is the tile's carbon at
/// the start of the year (net_co2, net_co2e), `gases` its cells' CH4 and N2O (net_co2e).
void fill_tile(model::MapField field, std::int32_t year, const CellState& s, std::size_t t, const ModelParameters& p,
               const ClimateFactors& factors, std::span<const double> start, std::span<const double> gases,
               std::vector<float>& out) {
  const std::size_t b = s.begin(t), n = s.end(t) - b;
  out.assign(n, 0.0F);
  std::vector<double> c, work;
  switch (field) {
    case model::MapField::net_co2:
      // -44/12 x the change of the cell's carbon: DOC leaves the pools and counts as off-site CO2.
      tile_carbon(year, s, t, p, factors, c, work);
      for (std::size_t j = 0; j < n; ++j) out[j] = static_cast<float>(-44.0 / 12.0 * (c[j] - start[j]));
      break;
    case model::MapField::net_co2e:
      tile_carbon(year, s, t, p, factors, c, work);
      for (std::size_t j = 0; j < n; ++j) {
        const double wetland_ch4_t_ha = p.wetland.ch4_kg_ha[s.land_use[b + j]] * 1e-3;
        out[j] = static_cast<float>(-44.0 / 12.0 * (c[j] - start[j]) + gases[j] + model::k_gwp_ch4 * wetland_ch4_t_ha);
      }
      break;
    case model::MapField::land_use:
      for (std::size_t j = 0; j < n; ++j) out[j] = static_cast<float>(s.land_use[b + j]);
      break;
    case model::MapField::soc_stock:
      tile_soc(year, s, t, p, factors, c);
      for (std::size_t j = 0; j < n; ++j) out[j] = static_cast<float>(c[j]);
      break;
    case model::MapField::biomass:
      tile_biomass(s, t, p, false, c);
      for (std::size_t j = 0; j < n; ++j) out[j] = static_cast<float>(c[j]);
      break;
    case model::MapField::peat_thickness: {
      const OrganicList& ol = s.processes[t].organic;
      for (std::size_t r = 0; r < ol.size(); ++r)
        out[ol.cell[r]] = static_cast<float>(ol.peat_c[r] / p.organic.carbon_per_cm_t_c_ha);
      break;
    }
  }
}

}  // namespace

MapOutput::MapOutput(const parallel::Comm& comm, const io::RunConfig& config, const grid::GridWindow& window,
                     const std::vector<std::pair<std::string, std::string>>& provenance)
    : m_fields(fields_of(config.maps)),
      m_years(config.map_years),
      m_writer(comm, config.maps_path, window, config.tile_size, config.map_resolution_m, config.map_years,
               specs_of(config.maps), provenance) {}

bool MapOutput::due(std::int32_t year) const {
  return std::find(m_years.begin(), m_years.end(), year) != m_years.end();
}

namespace {
bool has(const std::vector<model::MapField>& fields, model::MapField f) {
  return std::find(fields.begin(), fields.end(), f) != fields.end();
}
}  // namespace

bool MapOutput::needs_start(std::int32_t year) const {
  return due(year) && (has(m_fields, model::MapField::net_co2) || has(m_fields, model::MapField::net_co2e));
}

void MapOutput::keep_start(std::int32_t year, const CellState& s, const ModelParameters& p,
                           const ClimateFactors& factors) {
  m_start_carbon.assign(s.n_cells(), 0.0);
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    std::vector<double> c, work;
    tile_carbon(year - 1, s, t, p, factors, c, work);
    std::copy(c.begin(), c.end(), m_start_carbon.begin() + static_cast<std::ptrdiff_t>(s.begin(t)));
  });
  if (has(m_fields, model::MapField::net_co2e)) m_gases.assign(s.n_cells(), 0.0);
  m_start_year = year;
}

void MapOutput::write(std::int32_t year, const CellState& s, const ModelParameters& p, const ClimateFactors& factors) {
  std::vector<io::MapTile> tiles(s.n_tiles());
  for (std::size_t t = 0; t < s.n_tiles(); ++t)
    tiles[t] = io::MapTile{s.tile_row0[t], s.tile_col0[t], s.tile_input(t).local_index};
  std::vector<std::vector<float>> values(s.n_tiles());
  std::vector<std::span<const float>> spans(s.n_tiles());
  for (std::size_t k = 0; k < m_fields.size(); ++k) {
    const bool net = m_fields[k] == model::MapField::net_co2 || m_fields[k] == model::MapField::net_co2e;
    const bool gas = m_fields[k] == model::MapField::net_co2e;
    POLDER_VERIFY(!net || m_start_year == year, "map of net_co2 in ", year, " without the carbon at its start");
    parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
      const std::span<const double> start =
          net ? std::span<const double>(m_start_carbon).subspan(s.begin(t), s.end(t) - s.begin(t))
              : std::span<const double>();
      const std::span<const double> tile_gases =
          gas ? std::span<const double>(m_gases).subspan(s.begin(t), s.end(t) - s.begin(t)) : std::span<const double>();
      fill_tile(m_fields[k], year, s, t, p, factors, start, tile_gases, values[t]);
    });
    for (std::size_t t = 0; t < s.n_tiles(); ++t) spans[t] = values[t];
    m_writer.write(k, year, tiles, spans);
  }
  std::vector<double>().swap(m_start_carbon);
  std::vector<double>().swap(m_gases);
  m_start_year = 0;
}

}  // namespace polder::engine
