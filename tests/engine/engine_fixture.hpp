#pragma once
// A one-tile cell state with the real parameter file, for engine tests of single cells.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "io/config/parameter_set.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/engine/year_step.hpp"
#include "solver/grid/tile_layout.hpp"

namespace polder::testing {

/// configs/parameters/lulucf_nl.ini of this source tree.
inline std::string parameter_file() {
  return (std::filesystem::path(POLDER_SOURCE_DIR) / "configs" / "parameters" / "lulucf_nl.ini").string();
}

struct OneTile {
  std::unique_ptr<grid::TileLayout> layout;
  engine::CellState s;
  engine::ModelParameters p;
  std::vector<float> tas{10.5F}, deficit{100.0F}, gw{0.0F};

  explicit OneTile(std::size_t n_cells) {
    constexpr std::int32_t tile = 16;
    grid::TileLayout probe(tile);
    std::vector<std::int64_t> counts(static_cast<std::size_t>(probe.n_tiles()), 0);
    const std::int32_t id = probe.tile_id(300, 300);
    counts[static_cast<std::size_t>(id)] = static_cast<std::int64_t>(n_cells);
    layout = std::make_unique<grid::TileLayout>(tile, counts);
    s.tile_size = tile;
    s.tiles = {id};
    s.tile_begin = {0, n_cells};
    s.map_years = {1990};
    s.resize(n_cells, 1);
    for (std::size_t i = 0; i < n_cells; ++i) {
      s.local_index[i] = static_cast<std::uint16_t>(i);
      s.province[i] = 7;  // Utrecht
    }
    s.forest_reference_year = 2021;
    p = engine::read_model_parameters(io::ParameterSet::load({parameter_file()}));
  }

  engine::StepContext context(std::int32_t year) const {
    engine::StepContext ctx;
    ctx.year = year;
    ctx.parameters = &p;
    ctx.layout = layout.get();
    ctx.climate_year.tas_c = tas.data();
    ctx.climate_year.cells = deficit.size();
    ctx.climate_year.precip_deficit_mm = deficit.data();
    ctx.climate_year.gw_anomaly_cm = gw.data();
    ctx.seed = 1;
    return ctx;
  }
};

}  // namespace polder::testing
