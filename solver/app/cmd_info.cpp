// polder info: describe an input stack, climate file or inventory; check it strictly; draw a map.

#include <filesystem>
#include <iostream>

#include "io/hdf5/inventory_describe.hpp"
#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/nc_file.hpp"
#include "io/render/stack_description.hpp"
#include "io/render/stack_map.hpp"
#include "solver/app/cli_options.hpp"
#include "solver/app/commands.hpp"
#include "solver/core/error.hpp"
#include "solver/reporting/output_schema.hpp"

namespace polder::app {
namespace {

bool is_inventory(const std::string& path, const parallel::Comm& world) {
  std::int64_t flag = world.is_root() && io::is_polder_hdf5(path) ? 1 : 0;
  std::vector<std::int64_t> v = {flag};
  world.broadcast(v);
  return v[0] != 0;
}

}  // namespace

int cmd_info(const Args& args, const parallel::Comm& world) {
  po::options_description options;
  std::string file;
  io::render::MapRequest map;
  std::int32_t year = 0;
  options.add_options()("file", po::value(&file), "input stack, climate file or inventory (also positional)")(
      "check", "run the strict input checks on every cell and report OK or the first violation (exit 2)")(
      "png", po::value(&map.png_path), "draw a layer of an input stack as a PNG map with legend")(
      "layer", po::value(&map.layer)->default_value("land_use"),
      "layer to draw: land_use, soil, province, peat_thickness, glg, forest_species, or any stack variable")(
      "year", po::value(&year), "map year of land_use to draw (default: the last)")(
      "scale", po::value(&map.scale)->default_value(0),
      "cells per pixel side (default: about 1,400 pixels tall; a national map uses 10)")(
      "schema", "print the inventory's datasets (the output schema) as the Markdown tables of docs/output-format.md");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (!parse_command_line("info FILE",
                          "Describes a Polder file: an input stack (window, map years, variables, area per land-use "
                          "class and year, per CRT category, soil class and province), a climate forcing file "
                          "(scenarios, years, grid, values) or an HDF5 inventory. --check runs the strict input checks "
                          "of `polder run` on all cells; --png draws a map. Run under mpirun to read in parallel.",
                          args, options, vm, &positional, world))
    return 0;
  if (vm.count("schema") != 0U) {
    if (world.is_root())
      for (const auto& g : reporting::schema_groups())
        std::cout << "### `" << g << "`\n" << reporting::schema_markdown(g) << '\n';
    return 0;
  }
  if (file.empty()) throw ConfigError("polder info: no file given (see polder info --help)");
  if (vm.count("year") != 0U) map.year = year;
  const bool check = vm.count("check") != 0U;
  const bool png = !map.png_path.empty();
  if (!std::filesystem::exists(file)) throw InputError(cat("polder info: no such file '", file, "'"));

  if (is_inventory(file, world)) {
    if (check || png) throw ConfigError("polder info: --check and --png apply to input stacks, not to inventories");
    if (world.is_root()) io::describe_inventory(file, std::cout);
    return 0;
  }

  io::NcFile nc(world, file, io::NcFile::Mode::read);
  const std::string format = nc.get_att_text("", "polder_format").value_or("");
  if (format == io::k_stack_format) {
    const auto info = io::check_stack_metadata(nc);
    if (check) {
      io::check_stack_values(nc, info, world);
      if (world.is_root())
        std::cout << "polder info: " << file << " passes the input checks (metadata, every variable on "
                  << info.window.size() << " cells, cross-variable rules)\n";
    }
    if (png) {
      const auto r = io::render::draw_stack_map(nc, info, map, world);
      if (world.is_root())
        std::cout << "polder info: wrote " << map.png_path << " (" << r.width << " x " << r.height << " px, "
                  << map.layer << (r.year != 0 ? cat(" ", r.year) : std::string()) << ", " << r.scale
                  << " cells per pixel)\n";
    }
    if (!check && !png) io::render::describe_stack(nc, info, world, std::cout);
    return 0;
  }
  if (format == io::k_climate_format) {
    if (png) throw ConfigError("polder info: --png draws input-stack layers; this is a climate file");
    const auto info = io::check_climate_metadata(nc);
    if (check) {
      io::check_climate_values(nc, info, world);
      if (world.is_root()) std::cout << "polder info: " << file << " passes the climate input checks\n";
      return 0;
    }
    io::render::describe_climate(nc, info, world, std::cout);
    return 0;
  }
  throw InputError(cat("polder info: '", file, "' is not a Polder file (polder_format = '", format, "'; expected '",
                       io::k_stack_format, "', '", io::k_climate_format, "' or an inventory)"));
}

}  // namespace polder::app
