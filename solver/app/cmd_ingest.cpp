// polder ingest: real GIS layers onto the national grid as an input stack (docs/ingest.md).

#include <iostream>

#include "solver/app/cli_options.hpp"
#include "solver/app/commands.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

#ifdef POLDER_HAVE_GDAL
#include "io/ingest/ingest.hpp"
#include "io/ingest/region_window.hpp"
#endif

namespace polder::app {

int cmd_ingest(const Args& args, const parallel::Comm& world) {
  po::options_description options;
  std::string config, output, base, region, window;
  options.add_options()("config", po::value(&config),
                        "ingest config (INI, e.g. configs/ingest/example.ini); also positional")(
      "output,o", po::value(&output), "input stack to write (NetCDF-4); written only if it passes the input checks")(
      "base", po::value(&base), "start from this input stack: variables without a [layer] section are copied from it")(
      "region", po::value(&region), "output window: national, or a province key (its extent in the --base stack)")(
      "window", po::value(&window), "output window as national row0,col0,nrows,ncols (wins over --region)")(
      "force", "replace the output file if it exists");
  po::positional_options_description positional;
  positional.add("config", 1);
  po::variables_map vm;
  if (!parse_command_line("ingest CONFIG.ini -o OUT.nc",
                          "Reprojects and aligns GIS layers (GeoTIFF, ASCII grid, GeoPackage, ... read through GDAL) "
                          "onto the national 25 m RD New grid and writes a Polder input stack. Layers are listed in "
                          "the config; class codes are translated with tables in configs/classmaps/. Without --base "
                          "every stack variable must come from a layer. Default window: the base stack's.",
                          args, options, vm, &positional, world))
    return 0;
  if (config.empty()) throw ConfigError("polder ingest: no config file given (see polder ingest --help)");
#ifdef POLDER_HAVE_GDAL
  io::ingest::IngestRequest request;
  request.config_path = config;
  request.output_path = output;
  request.base_path = base;
  request.region = region;
  if (!window.empty()) request.window = io::ingest::parse_window(window);
  request.force = vm.count("force") != 0U;
  const auto s = io::ingest::run_ingest(request, world);
  if (world.is_root()) {
    std::cout << "polder ingest: wrote " << output << " (region " << s.region << ", rows " << s.window.row0 << "–"
              << s.window.row1() - 1 << ", cols " << s.window.col0 << "–" << s.window.col1() - 1 << ")\n"
              << "  territory: " << s.territory_cells
              << " cells = " << static_cast<double>(s.territory_cells) * grid::NationalGrid::cell_area_ha / 1000.0
              << " kha\n"
              << "  map years:";
    for (const auto y : s.map_years) std::cout << ' ' << y;
    std::cout << "\n  from layers:\n";
    for (const auto& l : s.from_layers) std::cout << "    " << l << '\n';
    if (!s.from_base.empty()) {
      std::cout << "  from the base stack:";
      for (std::size_t i = 0; i < s.from_base.size(); ++i) std::cout << (i ? ", " : " ") << s.from_base[i];
      std::cout << '\n';
    }
  }
  return 0;
#else
  throw ConfigError("polder ingest: this polder was built without GDAL (cmake -DPOLDER_WITH_GDAL=ON, libgdal-dev)");
#endif
}

}  // namespace polder::app
