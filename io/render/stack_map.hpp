#pragma once
// `polder info --png`: one layer of an input stack drawn as a PNG map with title and legend.

#include <optional>
#include <string>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/nc_file.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io::render {

struct MapRequest {
  std::string png_path;
  std::string layer = "land_use";
  std::optional<std::int32_t> year;  ///< land_use map year (default: the last)
  int scale = 0;                     ///< cells per pixel side (0: about 1,400 pixels tall)
};

struct MapResult {
  int width = 0;
  int height = 0;
  int scale = 1;
  std::int32_t year = 0;
};

/// Collective: reads the layer in row blocks over the ranks; rank 0 draws and writes the PNG.
/// Throws ConfigError for an unknown layer or year (with did-you-mean) or a bad scale.
MapResult draw_stack_map(const NcFile& file, const StackInfo& info, const MapRequest& request,
                         const parallel::Comm& comm);

}  // namespace polder::io::render
