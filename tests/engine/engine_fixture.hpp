#pragma once
// A one-tile state with the real parameter file, for engine tests of single cells and process lists:
// no files, one climate cell at the reference climate (every response factor 1), cells added through
// the same record functions the engine uses.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "io/config/parameter_set.hpp"
#include "solver/engine/area_book.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/engine/input_loader.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/engine/process_pass.hpp"
#include "solver/engine/process_records.hpp"
#include "solver/engine/reporting_row.hpp"
#include "solver/engine/tile_ledger.hpp"
#include "solver/engine/year_context.hpp"
#include "solver/grid/tile_layout.hpp"

namespace polder::testing {

/// configs/parameters/lulucf_nl.ini of this source tree.
inline std::string parameter_file() {
  return (std::filesystem::path(POLDER_SOURCE_DIR) / "configs" / "parameters" / "lulucf_nl.ini").string();
}

/// Integer ledgers of a pass, as the engine folds them.
struct Books {
  std::vector<std::int64_t> ledger = std::vector<std::int64_t>(model::k_ledger_size, 0);
  std::vector<std::int64_t> transitions = std::vector<std::int64_t>(model::k_transition_size, 0);
  std::int64_t residual = 0, scale = 0, nonfinite = 0;
  double sum(model::Quantity q) const {
    double v = 0.0;
    for (int p = 0; p < model::k_provinces; ++p)
      for (int r = 0; r < model::k_ledger_rows; ++r)
        v += static_cast<double>(ledger[model::ledger_index(p, r, model::qi(q))]) * model::k_ledger_quantum;
    return v;
  }
};

struct OneTile {
  engine::KeptInput input;
  engine::CellState s;
  engine::ModelParameters p;
  engine::ClimateTables climate;

  /// `n` cells of land use `land_use` on soil `soil`, in Utrecht, in one 256 x 256 tile.
  explicit OneTile(std::size_t n, std::uint8_t land_use = static_cast<std::uint8_t>(model::LandUse::grassland_agri),
                   std::uint8_t soil = static_cast<std::uint8_t>(model::SoilClass::marine_clay)) {
    constexpr std::int32_t tile = 256;
    grid::TileLayout probe(tile);
    const std::int32_t id = probe.tile_id(20, 20);
    std::vector<std::int64_t> counts(static_cast<std::size_t>(probe.n_tiles()), 0);
    counts[static_cast<std::size_t>(id)] = static_cast<std::int64_t>(n);
    input.tile_size = tile;
    input.layout = std::make_unique<grid::TileLayout>(tile, counts);
    input.decomposition = std::make_unique<parallel::Decomposition>(*input.layout, 1);
    engine::TileInput t;
    t.tile = id;
    for (std::size_t i = 0; i < n; ++i) {
      t.local_index.push_back(static_cast<std::uint16_t>(i));
      t.province.push_back(7);  // Utrecht
      t.soil.push_back(soil);
      t.land_use_base.push_back(land_use);
    }
    input.tiles.push_back(std::move(t));
    input.tile_begin = {0, n};
    s.allocate(input.tiles, input.tile_begin, tile);
    const auto g = input.layout->geometry(id);
    s.tile_row0 = {g.tile_row * tile};
    s.tile_col0 = {g.tile_col * tile};
    s.climate_cell.assign(n, 0);
    s.forest_reference_year = 2021;
    for (std::size_t i = 0; i < n; ++i) {
      s.land_use[i] = land_use;
      s.soil[i] = soil;
    }
    p = engine::read_model_parameters(io::ParameterSet::load({parameter_file()}));
    climate.f_temperature = {1.0};
    climate.f_decomposition = {1.0};
    climate.f_growth = {1.0};
    climate.deficit_mm = {0.0};
    climate.gw_anomaly_cm = {0.0};
    climate.soil_x = {0.0};
    climate.soil_dx = {0.0};
    climate.fire_drought = {0.0};
  }

  engine::TileProcesses& lists() { return s.processes[0]; }
  engine::ReportKey key(std::size_t i, std::int32_t year = 2000) const {
    return static_cast<engine::ReportKey>(
        engine::report_key(7, s.land_use[i], s.converted_from[i], s.converted_year[i], year));
  }

  /// Cell `i` becomes agricultural grassland on peat (>= 40 cm) or peaty soil with its organic record.
  /// Cells must be made in ascending order.
  void make_peat(std::size_t i, double thickness_cm, float glg, float ghg,
                 std::uint8_t land_use = static_cast<std::uint8_t>(model::LandUse::grassland_agri)) {
    s.land_use[i] = land_use;
    s.soil[i] = static_cast<std::uint8_t>(thickness_cm >= 40.0 ? model::SoilClass::peat : model::SoilClass::peaty);
    input.tiles[0].soil[i] = s.soil[i];
    input.tiles[0].organic.push_back({static_cast<std::uint16_t>(i), static_cast<float>(thickness_cm), 0.0F,
                                      0.5 * (static_cast<double>(glg) + static_cast<double>(ghg))});
    const std::size_t r = engine::add_organic(s, 0, i, key(i), lists().organic);
    lists().organic.peat_c[r] = thickness_cm * p.organic.carbon_per_cm_t_c_ha;
  }

  /// Cell `i` becomes a stand (forest land, or trees outside forest) with its woody record. Cells must
  /// be made in ascending order.
  void make_stand(std::size_t i, std::uint8_t species, std::uint8_t yield_class, float age, double biomass,
                  double dead_wood, double litter, bool forest = true) {
    s.land_use[i] = static_cast<std::uint8_t>(forest ? model::LandUse::forest : model::LandUse::trees_outside_forest);
    input.tiles[0].forest.push_back({static_cast<std::uint16_t>(i), species, yield_class, 40, 100.0F});
    const std::size_t r = engine::add_woody(s, 0, i, key(i), lists().woody);
    lists().woody.age[r] = age;
    lists().woody.biomass_c[r] = biomass;
    lists().woody.dead_wood_c[r] = dead_wood;
    lists().woody.litter_c[r] = litter;
  }

  engine::YearContext context(std::int32_t year) const {
    engine::YearContext ctx;
    ctx.year = year;
    ctx.parameters = &p;
    ctx.climate = &climate;
    ctx.layout = input.layout.get();
    ctx.seed = 1;
    return ctx;
  }

  /// Pass B of one year over the tile (no fires), folded as the engine folds it.
  Books run_processes(std::int32_t year) {
    engine::TileLedger tl;
    engine::AreaBook areas(s, 0, year);
    engine::ProcessScratch scratch;
    engine::process_pass(context(year), s, 0, {}, areas, tl, scratch);
    Books b;
    tl.fold_into(b.ledger, b.transitions, b.residual, b.scale, b.nonfinite);
    return b;
  }
};

}  // namespace polder::testing
