#pragma once
// The output window of an ingest: `national`, a province's extent (from the `province` layer of a
// base stack), or an explicit row/column window.

#include <optional>
#include <string>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/nc_file.hpp"
#include "solver/grid/grid_window.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io::ingest {

/// Parses "row0,col0,nrows,ncols" (national rows/cols); throws ConfigError unless it is a non-empty
/// window inside the national grid.
grid::GridWindow parse_window(const std::string& text);

/// The window for region `name` (the names `polder synth --region` takes: "national", a province key
/// or name). A province needs `base`: the bounding box of its cells in the base stack's `province`
/// layer (read collectively), grown to whole 256-cell tiles like synth's regions, within the base's
/// window.
struct RegionWindow {
  grid::GridWindow window;
  std::string key;   ///< "national" or the province key (e.g. "friesland" for "Fryslân")
  int province = 0;  ///< 1..12 for a province: the territory is limited to its cells
};
RegionWindow region_window(const std::string& name, const NcFile* base, const StackInfo* base_info,
                           const parallel::Comm& comm);

}  // namespace polder::io::ingest
