#pragma once
// The output window of an ingest: `national`, a province's bounding box (from the `province` layer of
// a base stack), or an explicit row/column window.

#include <optional>
#include <string>

#include "grid/grid_window.hpp"
#include "netcdf/input_checks.hpp"
#include "netcdf/nc_file.hpp"
#include "parallel/comm.hpp"

namespace polder::io::ingest {

/// Parses "row0,col0,nrows,ncols" (national rows/cols); throws ConfigError unless it is a non-empty
/// window inside the national grid.
grid::GridWindow parse_window(const std::string& text);

/// The window for region `name` ("national" or a province key such as "utrecht"). A province needs
/// `base` (its bounding box is read from the base stack's `province` variable, collectively).
grid::GridWindow region_window(const std::string& name, const NcFile* base, const StackInfo* base_info,
                               const parallel::Comm& comm);

}  // namespace polder::io::ingest
