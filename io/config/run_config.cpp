#include "io/config/run_config.hpp"

#include <boost/program_options.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "io/config/ensemble_config.hpp"
#include "io/config/ini_text.hpp"
#include "io/config/suggest.hpp"
#include "solver/core/error.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/map_field.hpp"

namespace polder::io {
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

struct KeySpec {
  const char* key;
  const char* help;
};

// One table of keys: the options description, the suggestion list and the docs come from it.
const std::vector<KeySpec>& key_specs() {
  static const std::vector<KeySpec> specs = {
      {"run.name", "a label for this run, copied into the inventory"},
      {"run.start_year", "first inventory year (>= 1990)"},
      {"run.end_year", "last inventory year (<= last year of the climate file)"},
      {"run.input", "input stack (NetCDF-4, docs/input-format.md)"},
      {"run.climate", "climate forcing file (NetCDF-4)"},
      {"run.scenario", "KNMI'23 scenario after the last observed year: Ld Ln Md Mn Hd Hn"},
      {"run.output", "HDF5 inventory to write"},
      {"run.checkpoint_dir", "folder for checkpoints"},
      {"run.checkpoint_every", "years between checkpoints (0 = none)"},
      {"run.seed", "seed of all random draws"},
      {"run.parameters", "parameter files, space separated, later ones win"},
      {"grid.tile_size", "tile edge in cells (8-256)"},
      {"processes.fire", "simulate wildfire ignition and spread (true/false)"},
      {"processes.climate_response", "let growth and decomposition respond to the climate forcing"},
      {"projection.enabled", "keep land use changing after the last map by the map series' rates (true/false)"},
      {"projection.from_year",
       "map year the projection's conversion rates are measured from (default: the last but one map)"},
      {"projection.to_year", "map year they are measured to (default: the last map)"},
      {"projection.fixed_classes", "land-use classes the projection neither converts nor creates"},
      {"output.maps",
       "per-cell fields to map, space separated: net_co2e net_co2 soc_stock biomass peat_thickness land_use"},
      {"output.map_years", "years whose end-of-year state is mapped, space separated, inside the run"},
      {"output.map_resolution", "map cell size in metres: 25, 100, 250 or 1000 (coarser cells aggregate)"},
      {"output.maps_output", "NetCDF-4 map file to write (default: run.output with the extension .maps.nc)"},
  };
  return specs;
}

po::options_description options_for_files() {
  po::options_description d("run config");
  for (const auto& s : key_specs()) d.add_options()(s.key, po::value<std::string>(), s.help);
  // A run config may hold the [ensemble] section; load_ensemble_config reads and checks it. Measures
  // ([measure.<id>]) are read and checked by load_measures.
  for (const auto& k : ensemble_config_keys()) d.add_options()(k.c_str(), po::value<std::string>(), "ensemble");
  d.add_options()("measure.*", po::value<std::string>(), "measures");
  return d;
}

template <typename T>
T parse_number(const std::string& key, const std::string& text, const std::string& origin) {
  std::istringstream is(text);
  T v{};
  is >> v;
  std::string rest;
  if (is.fail() || (is >> rest)) {
    throw ConfigError(
        cat(origin, ": ", key, " = '", text, "' is not ", std::is_integral_v<T> ? "an integer" : "a number"));
  }
  return v;
}

bool parse_bool(const std::string& key, const std::string& text, const std::string& origin) {
  if (text == "true" || text == "yes" || text == "on" || text == "1") return true;
  if (text == "false" || text == "no" || text == "off" || text == "0") return false;
  throw ConfigError(cat(origin, ": ", key, " = '", text, "' is not a boolean (true/false)"));
}

/// [output] maps, map_years, map_resolution, maps_output: parsed and checked against the run years
/// (which are checked before).
template <typename Get, typename Origin>
void read_map_keys(RunConfig& c, const Get& get, const Origin& origin) {
  std::vector<std::string> names;
  names.reserve(model::k_map_fields.size());
  for (const auto& f : model::k_map_fields) names.emplace_back(f.key);
  if (const auto* v = get("output.maps")) {
    std::istringstream is(*v);
    for (std::string w; is >> w;) {
      if (std::find(names.begin(), names.end(), w) == names.end()) {
        std::string valid;
        for (const auto& n : names) valid += (valid.empty() ? "" : " ") + n;
        throw ConfigError(cat(origin("output.maps"), ": output.maps: '", w, "' is not a map field (valid: ", valid, ")",
                              suggestion_suffix(w, names)));
      }
      if (std::find(c.maps.begin(), c.maps.end(), w) != c.maps.end())
        throw ConfigError(cat(origin("output.maps"), ": output.maps names '", w, "' twice"));
      c.maps.push_back(w);
    }
  }
  if (const auto* v = get("output.map_years")) {
    std::istringstream is(*v);
    for (std::string w; is >> w;) {
      const auto y = parse_number<std::int32_t>("output.map_years", w, origin("output.map_years"));
      if (!c.map_years.empty() && y <= c.map_years.back())
        throw ConfigError(cat(origin("output.map_years"), ": output.map_years must increase strictly (", y, " after ",
                              c.map_years.back(), ")"));
      c.map_years.push_back(y);
    }
  }
  if (const auto* v = get("output.map_resolution"))
    c.map_resolution_m = parse_number<std::int32_t>("output.map_resolution", *v, origin("output.map_resolution"));
  if (const auto* v = get("output.maps_output")) c.maps_path = *v;

  const auto& res = model::k_map_resolutions_m;
  if (std::find(res.begin(), res.end(), c.map_resolution_m) == res.end())
    throw ConfigError(cat(origin("output.map_resolution"), ": output.map_resolution = ", c.map_resolution_m,
                          " is not one of 25 100 250 1000 (metres)"));
  if (c.maps.empty() != c.map_years.empty())
    throw ConfigError(cat(c.maps.empty() ? origin("output.map_years") : origin("output.maps"), ": ",
                          c.maps.empty() ? "output.map_years is set but output.maps names no field"
                                         : "output.maps is set but output.map_years names no year"));
  for (const auto y : c.map_years)
    if (y < c.start_year || y > c.end_year)
      throw ConfigError(cat(origin("output.map_years"), ": output.map_years: ", y, " is outside the run (",
                            c.start_year, "..", c.end_year, ")"));
  if (c.maps_path.empty() && !c.maps.empty())
    c.maps_path = fs::path(c.output_path).replace_extension(".maps.nc").string();
}

}  // namespace

const std::vector<std::string>& run_config_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& s : key_specs()) k.emplace_back(s.key);
    for (const auto& e : ensemble_config_keys())
      if (e.back() != '*') k.push_back(e);
    return k;
  }();
  return keys;
}

const std::vector<std::string>& knmi23_scenarios() {
  static const std::vector<std::string> names = {"Ld", "Ln", "Md", "Mn", "Hd", "Hn"};
  return names;
}

RunConfig load_run_config(const std::vector<std::string>& files, const std::vector<std::string>& overrides) {
  // value and where it came from ("file" or "--set"), later sources overwrite earlier ones
  std::map<std::string, std::pair<std::string, std::string>> values;
  const auto description = options_for_files();

  for (const auto& file : files) {
    std::istringstream in(read_ini_text(file, "config file"));
    po::parsed_options parsed(&description);
    try {
      parsed = po::parse_config_file(in, description, false);
    } catch (const po::unknown_option& e) {
      throw ConfigError(cat(file, ": unknown key '", e.get_option_name(), "'",
                            suggestion_suffix(e.get_option_name(), run_config_keys())));
    } catch (const po::error& e) {
      throw ConfigError(cat(file, ": ", e.what()));
    }
    for (const auto& opt : parsed.options) {
      const std::string value = opt.value.empty() ? std::string() : trim(opt.value.front());
      if (value.empty())
        throw ConfigError(cat(file, ": ", opt.string_key, " has an empty value (give one, or remove the line)"));
      values[opt.string_key] = {value, file};
    }
  }
  for (const auto& ov : overrides) {
    const auto eq = ov.find('=');
    if (eq == std::string::npos) throw ConfigError(cat("--set '", ov, "': expected section.key=value"));
    const std::string key = trim(ov.substr(0, eq));
    const auto& keys = run_config_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end() && !is_ensemble_key(key) &&
        key.rfind("measure.", 0) != 0)
      throw ConfigError(cat("--set: unknown key '", key, "'", suggestion_suffix(key, keys)));
    const std::string value = trim(ov.substr(eq + 1));
    if (value.empty()) throw ConfigError(cat("--set '", ov, "': ", key, " has an empty value"));
    if (first_invalid_utf8(value) != std::string::npos)
      throw ConfigError(cat("--set ", key, ": the value is not UTF-8"));
    values[key] = {value, "--set"};
  }

  RunConfig c;
  c.source_files = files;
  const auto origin = [&](const std::string& key) {
    const auto it = values.find(key);
    return it == values.end() ? std::string("default") : it->second.second;
  };
  const auto get = [&](const std::string& key) -> const std::string* {
    const auto it = values.find(key);
    return it == values.end() ? nullptr : &it->second.first;
  };
  if (const auto* v = get("run.name")) c.name = *v;
  if (const auto* v = get("run.start_year"))
    c.start_year = parse_number<std::int32_t>("run.start_year", *v, origin("run.start_year"));
  if (const auto* v = get("run.end_year"))
    c.end_year = parse_number<std::int32_t>("run.end_year", *v, origin("run.end_year"));
  if (const auto* v = get("run.input")) c.input_path = *v;
  if (const auto* v = get("run.climate")) c.climate_path = *v;
  if (const auto* v = get("run.scenario")) c.scenario = *v;
  if (const auto* v = get("run.output")) c.output_path = *v;
  if (const auto* v = get("run.checkpoint_dir")) c.checkpoint_dir = *v;
  if (const auto* v = get("run.checkpoint_every"))
    c.checkpoint_every = parse_number<std::int32_t>("run.checkpoint_every", *v, origin("run.checkpoint_every"));
  if (const auto* v = get("run.seed")) c.seed = parse_number<std::uint64_t>("run.seed", *v, origin("run.seed"));
  if (const auto* v = get("run.parameters")) {
    std::istringstream is(*v);
    for (std::string p; is >> p;) c.parameter_files.push_back(p);
  }
  if (const auto* v = get("grid.tile_size"))
    c.tile_size = parse_number<std::int32_t>("grid.tile_size", *v, origin("grid.tile_size"));
  if (const auto* v = get("processes.fire")) c.fire = parse_bool("processes.fire", *v, origin("processes.fire"));
  if (const auto* v = get("processes.climate_response"))
    c.climate_response = parse_bool("processes.climate_response", *v, origin("processes.climate_response"));
  if (const auto* v = get("projection.enabled"))
    c.projection = parse_bool("projection.enabled", *v, origin("projection.enabled"));
  if (const auto* v = get("projection.from_year"))
    c.projection_from = parse_number<std::int32_t>("projection.from_year", *v, origin("projection.from_year"));
  if (const auto* v = get("projection.to_year"))
    c.projection_to = parse_number<std::int32_t>("projection.to_year", *v, origin("projection.to_year"));
  if (const auto* v = get("projection.fixed_classes")) {
    std::vector<std::string> names;
    for (const auto& info : model::k_land_use_info) names.emplace_back(info.key);
    std::istringstream is(*v);
    for (std::string w; is >> w;) {
      if (std::find(names.begin() + 1, names.end(), w) == names.end())
        throw ConfigError(cat(origin("projection.fixed_classes"), ": projection.fixed_classes: '", w,
                              "' is not a land-use class", suggestion_suffix(w, names)));
      c.projection_fixed.push_back(w);
    }
  } else {
    c.projection_fixed = {"coastal_water", "intertidal_flat", "salt_marsh", "seagrass"};  // sea-level driven
  }

  // Validation: each message names the key and where its value came from.
  if (c.start_year < 1990 || c.start_year > 2100)
    throw ConfigError(cat(origin("run.start_year"), ": run.start_year = ", c.start_year, " is outside 1990..2100"));
  if (c.end_year < c.start_year)
    throw ConfigError(cat(origin("run.end_year"), ": run.end_year = ", c.end_year,
                          " is before run.start_year = ", c.start_year, " (inverted year range)"));
  if (c.end_year > 2100)
    throw ConfigError(cat(origin("run.end_year"), ": run.end_year = ", c.end_year, " is after 2100"));
  const auto& scenarios = knmi23_scenarios();
  if (std::find(scenarios.begin(), scenarios.end(), c.scenario) == scenarios.end())
    throw ConfigError(cat(origin("run.scenario"), ": run.scenario = '", c.scenario,
                          "' is not a KNMI'23 scenario (Ld Ln Md Mn Hd Hn)", suggestion_suffix(c.scenario, scenarios)));
  if (c.checkpoint_every < 0)
    throw ConfigError(
        cat(origin("run.checkpoint_every"), ": run.checkpoint_every = ", c.checkpoint_every, " must be >= 0"));
  if (c.tile_size < 8 || c.tile_size > 256)
    throw ConfigError(cat(origin("grid.tile_size"), ": grid.tile_size = ", c.tile_size, " is outside 8..256"));
  for (const char* required : {"run.input", "run.climate", "run.output"}) {
    if (get(required) == nullptr || get(required)->empty())
      throw ConfigError(cat("missing required key ", required, " (in a config file or with --set)"));
  }
  if (c.parameter_files.empty())
    throw ConfigError("missing required key run.parameters (the parameter files with units and sources)");
  read_map_keys(c, get, origin);
  c.measures = load_measures(files, overrides, c.start_year, c.end_year);

  std::ostringstream text;
  text << "# effective configuration (files: ";
  for (std::size_t i = 0; i < files.size(); ++i) text << (i ? ", " : "") << files[i];
  text << ")\n";
  std::string section;
  for (const auto& [key, val] : values) {
    const auto dot = key.find('.');
    const std::string s = key.substr(0, dot);
    if (s != section) {
      text << "[" << s << "]\n";
      section = s;
    }
    text << key.substr(dot + 1) << " = " << val.first << "   # from " << val.second << "\n";
  }
  c.effective_text = text.str();
  return c;
}

bool same_file(const std::string& a_path, const std::string& b_path) {
  const fs::path a(a_path), b(b_path);
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) {
    const bool eq = fs::equivalent(a, b, ec);
    if (!ec) return eq;
  }
  return fs::weakly_canonical(fs::absolute(a), ec) == fs::weakly_canonical(fs::absolute(b), ec);
}

namespace {

/// Refuses `written` (key `key`) if it is a folder or resolves to any of the files the run reads.
void refuse_overwrite(const char* key, const std::string& written,
                      const std::vector<std::pair<std::string, std::string>>& read) {
  std::error_code ec;
  if (fs::is_directory(written, ec) || fs::path(written).filename().empty())
    throw InputError(cat(key, " = '", written, "' is a folder, not a file name"));
  for (const auto& [what, path] : read) {
    if (same_file(written, path))
      throw InputError(cat(key, " = '", written, "' is the same file as ", what, " '", path,
                           "', which the run reads: refusing to overwrite an input"));
  }
}

/// True if a file can be created in `dir` (a probe created and removed at once: as root, permission
/// bits say nothing, but a read-only or full file system still refuses).
bool writable_folder(const fs::path& dir) {
  const fs::path probe = dir / (".polder-write-test-" + std::to_string(::getpid()));
  bool ok = false;
  {
    std::ofstream f(probe);
    ok = f.put('x') && f.flush();
  }
  std::error_code ec;
  ok = ok && fs::exists(probe, ec);
  fs::remove(probe, ec);
  return ok;
}

}  // namespace

std::string checkpoint_path(const std::string& checkpoint_dir, std::int32_t year) {
  return (fs::path(checkpoint_dir) / ("polder_checkpoint_" + std::to_string(year) + ".h5")).string();
}

void check_paths(const RunConfig& c, const std::vector<std::string>& also_read) {
  const auto need = [](const char* key, const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw InputError(cat(key, " = '", path, "' is a folder, not a file"));
    if (!fs::is_regular_file(path, ec)) throw InputError(cat(key, " = '", path, "': file not found"));
  };
  need("run.input", c.input_path);
  need("run.climate", c.climate_path);
  for (const auto& p : c.parameter_files) need("run.parameters", p);
  // Nothing written may be a file the run reads.
  std::vector<std::pair<std::string, std::string>> read;
  for (const auto& f : c.source_files) read.emplace_back("the config file", f);
  read.emplace_back("run.input", c.input_path);
  read.emplace_back("run.climate", c.climate_path);
  for (const auto& p : c.parameter_files) read.emplace_back("the parameter file", p);
  refuse_overwrite("run.output", c.output_path, read);
  for (const auto& p : also_read) {
    if (same_file(c.output_path, p))
      throw InputError(cat("run.output = '", c.output_path, "' is the same file as the checkpoint restarted from '", p,
                           "', which the run reads: refusing to overwrite an input"));
  }
  if (!c.maps.empty()) {
    refuse_overwrite("output.maps_output", c.maps_path, read);
    if (same_file(c.maps_path, c.output_path))
      throw InputError(cat("output.maps_output = '", c.maps_path, "' is the same file as run.output"));
    for (const auto& p : also_read)
      if (same_file(c.maps_path, p))
        throw InputError(cat("output.maps_output = '", c.maps_path,
                             "' is the same file as the checkpoint restarted from, which the run reads"));
  }
  // Checkpoints against the checkpoint a restart reads are checked once its year is known (Simulation).
  if (c.checkpoint_every > 0) {
    for (std::int32_t y = c.start_year; y < c.end_year; ++y) {
      if ((y - c.start_year + 1) % c.checkpoint_every != 0) continue;
      refuse_overwrite("run.checkpoint_dir", checkpoint_path(c.checkpoint_dir, y), read);
      if (same_file(checkpoint_path(c.checkpoint_dir, y), c.output_path))
        throw InputError(cat("run.output = '", c.output_path, "' is also the checkpoint of ", y));
    }
  }
  // Fail now, not after hours of computing, if the inventory or checkpoints cannot be written. The
  // inventory's folder must exist: a mistyped folder would otherwise be created and the inventory land
  // where nobody looks. The checkpoint folder is created with the first checkpoint; here its nearest
  // existing folder must be writable. Nothing is left behind by these checks.
  const fs::path out = fs::path(c.output_path);
  const fs::path out_dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::exists(out_dir, ec))
    throw InputError(
        cat("run.output = '", c.output_path, "': folder '", out_dir.string(), "' does not exist (create it first)"));
  if (!fs::is_directory(out_dir, ec))
    throw InputError(cat("run.output = '", c.output_path, "': '", out_dir.string(), "' is not a folder"));
  if (!writable_folder(out_dir))
    throw InputError(cat("run.output = '", c.output_path, "': folder '", out_dir.string(), "' is not writable"));
  if (!c.maps.empty()) {
    const fs::path maps = fs::path(c.maps_path);
    const fs::path maps_dir = maps.has_parent_path() ? maps.parent_path() : fs::path(".");
    if (!fs::is_directory(maps_dir, ec) || !writable_folder(maps_dir))
      throw InputError(cat("output.maps_output = '", c.maps_path, "': folder '", maps_dir.string(),
                           "' does not exist or is not writable"));
  }
  if (c.checkpoint_every > 0) {
    fs::path dir = fs::absolute(fs::path(c.checkpoint_dir), ec);
    while (!fs::exists(dir, ec) && dir.has_parent_path() && dir != dir.parent_path()) dir = dir.parent_path();
    if (!fs::is_directory(dir, ec) || !writable_folder(dir))
      throw InputError(
          cat("run.checkpoint_dir = '", c.checkpoint_dir, "': cannot create or write folder '", dir.string(), "'"));
  }
}

}  // namespace polder::io
