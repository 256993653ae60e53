#pragma once
// Pictures of a maps file written by `polder run` ([output] maps, docs/output-format.md "Maps"): one
// picture per field of its last map year, drawn by the same map picture code as the input layers, for
// the HTML report to embed.

#include <string>
#include <vector>

#include "io/render/rgb_image.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io::render {

struct MapFilePicture {
  std::string field;  ///< variable name, e.g. "soc_stock"
  std::string title;  ///< e.g. "Soil organic carbon 2023"
  std::string units;  ///< the variable's units
  RgbImage image;
};

/// Reads `path` over `comm` (every rank reads the whole file; meant for a communicator of one rank) and
/// draws each field of the last map year at most about 700 pixels tall. Throws InputError naming the
/// file if it is not a Polder maps file.
std::vector<MapFilePicture> draw_map_file(const parallel::Comm& comm, const std::string& path);

}  // namespace polder::io::render
