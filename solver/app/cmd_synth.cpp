// polder synth: writes a statistically faithful synthetic Netherlands as an input stack, and optionally
// the climate forcing file (docs/synthetic-netherlands.md).

#include <chrono>
#include <filesystem>

#include "io/synth/climate_writer.hpp"
#include "io/synth/region.hpp"
#include "io/synth/synthesizer.hpp"
#include "solver/app/atomic_output.hpp"
#include "solver/app/cli_options.hpp"
#include "solver/app/commands.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"

namespace polder::app {

int cmd_synth(const Args& args, const parallel::Comm& world) {
  po::options_description options;
  std::string region_name = "national", output, climate_output;
  std::uint64_t seed = io::synth::k_default_seed;
  options.add_options()("region", po::value(&region_name),
                        "national (default) or a province key: groningen, friesland (fryslan), "
                        "drenthe, overijssel, flevoland, gelderland, utrecht, noord-holland, "
                        "zuid-holland, zeeland, noord-brabant, limburg")("output,o", po::value(&output),
                                                                         "input stack to write (NetCDF-4, required)")(
      "climate-output", po::value(&climate_output), "also write the climate forcing file (NetCDF-4)")(
      "seed", po::value(&seed), "seed of the synthetic country (default 20261128)")("quiet,q", "no progress output");
  po::variables_map vm;
  if (!parse_command_line("synth --output STACK.nc",
                          "Generates the synthetic Netherlands on the national 25 m RD New grid: territory, land use "
                          "for the map years 1970 (reconstructed) to 2021 calibrated to the CRT 4.1 areas, soils and "
                          "groundwater, forest attributes, coastal wetlands; optionally the KNMI'23-style climate "
                          "forcing. A cell's values depend only on the seed and its national cell id.",
                          args, options, vm, nullptr, world))
    return 0;
  if (output.empty()) throw ConfigError("polder synth: --output STACK.nc is required (see polder synth --help)");
  // Fail before the calibration (tens of seconds) if a file cannot be created.
  for (const auto& [option, path] : {std::pair{"--output", output}, std::pair{"--climate-output", climate_output}}) {
    const auto folder = std::filesystem::path(path).parent_path();
    if (!path.empty() && !folder.empty() && !std::filesystem::is_directory(folder))
      throw ConfigError(cat("polder synth: ", option, " ", path, ": folder '", folder.string(), "' does not exist"));
  }
  log::configure(world.rank(), vm.count("quiet") != 0U ? log::Level::warn : log::Level::info, false);
  const io::synth::Region region = io::synth::parse_region(region_name);

  const auto start = std::chrono::steady_clock::now();
  const auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  log::info(cat("polder synth: region ", region.key, ", seed ", seed, ", ", world.size(), " rank(s)"));
  const io::synth::Synthesizer synth(world, seed);
  for (const auto& line : synth.calibration_report()) log::debug("  calibration: " + line);
  log::info(cat("polder synth: calibrated on the national sample in ", seconds(), " s"));

  const grid::GridWindow window = io::synth::region_window(io::synth::Territory::national(), region);
  write_atomically(world, output, [&](const std::string& tmp) { synth.write_stack(world, tmp, region, window); });
  log::info(cat("polder synth: wrote ", output, " (", window.n_rows, " x ", window.n_cols, " cells from national row ",
                window.row0, ", col ", window.col0, ") after ", seconds(), " s"));
  if (!climate_output.empty()) {
    write_atomically(world, climate_output,
                     [&](const std::string& tmp) { io::synth::write_climate_file(world, tmp, seed); });
    log::info(cat("polder synth: wrote climate forcing ", climate_output, " after ", seconds(), " s"));
  }
  return 0;
}

}  // namespace polder::app
