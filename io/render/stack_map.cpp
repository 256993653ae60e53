#include "io/render/stack_map.hpp"

#include <algorithm>
#include <filesystem>

#include "io/config/suggest.hpp"
#include "io/render/layer_grid.hpp"
#include "io/render/map_picture.hpp"
#include "io/render/palette.hpp"
#include "solver/core/error.hpp"

namespace polder::io::render {

MapResult draw_stack_map(const NcFile& file, const StackInfo& info, const MapRequest& request,
                         const parallel::Comm& comm) {
  std::vector<std::string> names;
  for (const auto& s : stack_variables()) names.push_back(s.name);
  if (std::find(names.begin(), names.end(), request.layer) == names.end())
    throw ConfigError(cat("polder info: --layer '", request.layer, "' is not a stack variable",
                          suggestion_suffix(request.layer, names)));
  const VariableSpec& spec = stack_variable(request.layer);
  MapResult result;
  std::optional<std::size_t> year_index;
  if (spec.per_map_year) {
    result.year = request.year.value_or(info.map_years.back());
    const auto it = std::find(info.map_years.begin(), info.map_years.end(), result.year);
    if (it == info.map_years.end()) {
      std::string years;
      for (const auto y : info.map_years) years += cat(years.empty() ? "" : ", ", y);
      throw ConfigError(
          cat("polder info: --year ", result.year, " is not a map year of '", file.path(), "' (", years, ")"));
    }
    year_index = static_cast<std::size_t>(it - info.map_years.begin());
  }
  if (request.scale < 0) throw ConfigError("polder info: --scale must be a positive number of cells per pixel");
  result.scale = request.scale > 0 ? request.scale : default_scale(info.window);

  const LayerGrid grid = read_layer_grid(file, info, spec, year_index, result.scale, comm);
  std::optional<std::pair<std::int64_t, std::string>> error;
  if (comm.is_root()) {
    try {
      MapText text;
      text.title = layer_title(spec) + (spec.per_map_year ? cat(" ", result.year) : std::string());
      text.subtitle = cat(info.region, "  |  ", std::filesystem::path(file.path()).filename().string(), "  |  ",
                          result.scale == 1 ? std::string("1 pixel = 1 cell (25 m)")
                                            : cat("1 pixel = ", result.scale, " x ", result.scale, " cells (",
                                                  25 * result.scale, " m)"),
                          grid.classes && result.scale > 1 ? ", most frequent class" : "",
                          !grid.classes && result.scale > 1 ? ", mean" : "");
      const RgbImage image = draw_map(grid, spec, text);
      image.write_png(request.png_path);
      result.width = image.width();
      result.height = image.height();
    } catch (const std::exception& e) {
      error.emplace(0, e.what());
    }
  }
  raise_first_error(comm, error);  // a PNG that cannot be written stops every rank together
  std::vector<std::int64_t> size = {result.width, result.height};
  comm.allreduce_sum(size);
  result.width = static_cast<int>(size[0]);
  result.height = static_cast<int>(size[1]);
  return result;
}

}  // namespace polder::io::render
