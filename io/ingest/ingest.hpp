#pragma once
// `polder ingest`: real GIS layers (GeoTIFF, ASCII grid, GeoPackage, ...) reprojected and aligned to the
// national 25 m grid and written as a Polder input stack through io::StackWriter. Layers not in the
// config come from a base stack. Collective over `comm`: every rank warps and writes its own row
// blocks. The output appears only when the stack passes the strict input checks (written to a
// temporary name, then renamed). See docs/ingest.md.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "solver/grid/grid_window.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io::ingest {

struct IngestRequest {
  std::string config_path;
  std::string output_path;
  std::string base_path;                   ///< "" = no base stack
  std::string region;                      ///< "" = the config's, else the base's window
  std::optional<grid::GridWindow> window;  ///< wins over region
  bool force = false;                      ///< replace an existing output file
};

struct IngestSummary {
  grid::GridWindow window;
  std::string region;
  std::vector<std::int32_t> map_years;
  std::vector<std::string> from_layers;  ///< "land_use 2021 <- layer 'lgn' ('lgn.tif')"
  std::vector<std::string> from_base;    ///< variables copied from the base stack
  std::int64_t territory_cells = 0;
};

IngestSummary run_ingest(const IngestRequest& request, const parallel::Comm& comm);

}  // namespace polder::io::ingest
