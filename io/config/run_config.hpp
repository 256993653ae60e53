#pragma once
// The validated configuration of one run: plain values, no Boost types. Built from layered INI files
// (later files win) and `--set section.key=value` overrides (which win over every file), so a run is
// base config + scenario + measures, as DESIGN.md plans.

#include <cstdint>
#include <string>
#include <vector>

#include "io/config/measure_config.hpp"

namespace polder::io {

struct RunConfig {
  // [run]
  std::string name = "polder run";
  std::int32_t start_year = 1990;
  std::int32_t end_year = 2023;
  std::string input_path;       ///< input stack (NetCDF-4)
  std::string climate_path;     ///< climate forcing (NetCDF-4)
  std::string scenario = "Hd";  ///< KNMI'23 scenario used after the last observed year
  std::string output_path;      ///< HDF5 inventory
  std::string checkpoint_dir = "checkpoints";
  std::int32_t checkpoint_every = 0;         ///< years between checkpoints; 0 = none
  std::uint64_t seed = 20261128;             ///< seed of every random draw (fire ignition, spread)
  std::vector<std::string> parameter_files;  ///< parameter INI files with units and sources

  // [grid]
  std::int32_t tile_size = 256;

  // [processes]: switches for whole processes (for sensitivity runs and tests)
  bool fire = true;
  bool climate_response = true;

  // [projection]: how land use keeps changing after the last map (docs/method.md, §3 "Baseline projection")
  bool projection = true;                     ///< project land-use change past the last map
  std::int32_t projection_from = 0;           ///< map year the rates are measured from (0: the last but one map)
  std::int32_t projection_to = 0;             ///< map year they are measured to (0: the last map)
  std::vector<std::string> projection_fixed;  ///< land-use classes the projection neither leaves nor enters

  // [output]: per-cell maps (docs/output-format.md, "Maps"); none unless `maps` names fields.
  std::vector<std::string> maps;        ///< keys of model::k_map_fields, in the order given
  std::vector<std::int32_t> map_years;  ///< years whose end state is mapped, ascending
  std::int32_t map_resolution_m = 25;   ///< one of model::k_map_resolutions_m
  std::string maps_path;                ///< NetCDF-4 map file (default: run.output with .maps.nc)

  // [measure.<id>]: policy measures (io/config/measure_config.hpp), in file order.
  std::vector<MeasureSpec> measures;

  // Provenance: the effective configuration as text, and the files it came from.
  std::string effective_text;
  std::vector<std::string> source_files;
};

/// Every accepted key of a run config, "section.key", for validation and suggestions. Includes the
/// [ensemble] keys (io/config/ensemble_config.hpp), which a run config may hold; the ensemble reader
/// interprets them.
const std::vector<std::string>& run_config_keys();

/// The KNMI'23 climate scenarios: Ld Ln Md Mn Hd Hn.
const std::vector<std::string>& knmi23_scenarios();

/// Parses the INI files in order (later ones win) and the overrides (which win over all files),
/// validates every value and returns the config. Throws ConfigError naming the file and key, with a
/// did-you-mean suggestion for unknown keys. File existence of inputs is checked by `check_paths`.
RunConfig load_run_config(const std::vector<std::string>& files, const std::vector<std::string>& overrides);

/// Checks that input, climate and parameter files exist and the output folder can be written, and
/// that nothing the run writes (the inventory, its checkpoints) resolves to a file the run reads (the
/// config files, input stack, climate file, parameter files and `also_read`, e.g. the checkpoint a
/// restart starts from): a typo must never replace an input with an inventory. Throws InputError
/// naming the key and both paths.
void check_paths(const RunConfig& config, const std::vector<std::string>& also_read = {});

/// True when two paths name the same file: the same inode where both exist (hard and symbolic links
/// included), else the same normalised absolute path.
bool same_file(const std::string& a, const std::string& b);

/// The checkpoint file a run writes after `year` into `checkpoint_dir`.
std::string checkpoint_path(const std::string& checkpoint_dir, std::int32_t year);

}  // namespace polder::io
