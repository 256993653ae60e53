#include "io/ingest/ingest_config.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "io/config/suggest.hpp"
#include "io/ingest/ini_file.hpp"
#include "solver/core/error.hpp"

namespace polder::io::ingest {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> k_ingest_keys = {"title", "source", "forest_reference_year", "region"};
const std::vector<std::string> k_layer_keys = {"variable", "map_year",  "source",  "type",   "band",
                                               "layer",    "attribute", "value",   "method", "classmap",
                                               "srs",      "nodata",    "missing", "scale",  "offset"};

double parse_number(const IniFile& ini, const IniEntry& e) {
  char* end = nullptr;
  const double v = std::strtod(e.value.c_str(), &end);
  if (e.value.empty() || end == nullptr || *end != '\0')
    throw ConfigError(cat(ini.where(e), ": ", e.key, " = '", e.value, "' is not a number"));
  return v;
}

std::int32_t parse_int(const IniFile& ini, const IniEntry& e) {
  const double v = parse_number(ini, e);
  if (v != static_cast<double>(static_cast<std::int32_t>(v)))
    throw ConfigError(cat(ini.where(e), ": ", e.key, " = '", e.value, "' is not an integer"));
  return static_cast<std::int32_t>(v);
}

std::string resolve_path(const IniFile& ini, const std::string& p) {
  const fs::path path(p);
  if (path.is_absolute()) return path.string();
  return (fs::path(ini.path()).parent_path() / path).lexically_normal().string();
}

bool is_class_variable(const VariableSpec& v) { return !v.flag_values.empty(); }

std::vector<std::string> variable_names() {
  std::vector<std::string> out;
  for (const auto& s : stack_variables()) out.push_back(s.name);
  return out;
}

LayerSpec parse_layer(const IniFile& ini, const std::string& section, const std::string& name) {
  LayerSpec layer;
  layer.name = name;
  std::map<std::string, const IniEntry*> kv;
  int first_line = 0;
  for (const auto& e : ini.entries()) {
    if (e.section != section) continue;
    if (first_line == 0) first_line = e.line;
    if (std::find(k_layer_keys.begin(), k_layer_keys.end(), e.key) == k_layer_keys.end())
      throw ConfigError(
          cat(ini.where(e), ": unknown key '", e.key, "' in [", section, "]", suggestion_suffix(e.key, k_layer_keys)));
    kv[e.key] = &e;
  }
  layer.where = cat(ini.path(), " [", section, "]");
  const auto need = [&](const char* key) -> const IniEntry& {
    const auto it = kv.find(key);
    if (it == kv.end()) throw ConfigError(cat(layer.where, ": key '", key, "' is missing"));
    return *it->second;
  };
  const auto has = [&](const char* key) { return kv.count(key) != 0; };

  const IniEntry& var = need("variable");
  const auto& specs = stack_variables();
  const auto it = std::find_if(specs.begin(), specs.end(), [&](const auto& s) { return s.name == var.value; });
  if (it == specs.end())
    throw ConfigError(cat(ini.where(var), ": '", var.value, "' is not an input-stack variable",
                          suggestion_suffix(var.value, variable_names()), " (see docs/input-format.md)"));
  layer.variable = &*it;
  if (it->per_map_year) {
    layer.map_year = parse_int(ini, need("map_year"));
  } else if (has("map_year")) {
    throw ConfigError(cat(ini.where(*kv["map_year"]), ": '", it->name,
                          "' has no map-year dimension; only land_use "
                          "takes map_year"));
  }

  if (has("source")) layer.source = resolve_path(ini, kv["source"]->value);
  if (has("value")) layer.value = parse_number(ini, *kv["value"]);
  if (has("type")) {
    const std::string& t = kv["type"]->value;
    if (t == "raster")
      layer.kind = SourceKind::raster;
    else if (t == "vector")
      layer.kind = SourceKind::vector;
    else if (t == "constant")
      layer.kind = SourceKind::constant;
    else
      throw ConfigError(cat(ini.where(*kv["type"]), ": type must be raster, vector or constant, not '", t, "'"));
  } else if (layer.source.empty()) {
    layer.kind = SourceKind::constant;
  } else {
    layer.kind = has("attribute") || has("layer") || has("value") ? SourceKind::vector : SourceKind::raster;
  }
  if (layer.kind == SourceKind::constant) {
    if (!layer.value) throw ConfigError(cat(layer.where, ": a layer without 'source' needs 'value' (a constant)"));
    if (!layer.source.empty()) throw ConfigError(cat(layer.where, ": a constant layer takes no 'source'"));
  } else if (layer.source.empty()) {
    need("source");
  }
  if (layer.kind == SourceKind::vector && !has("attribute") && !layer.value)
    throw ConfigError(cat(layer.where, ": a vector layer needs 'attribute' (the field to rasterise) or 'value'"));
  if (layer.kind == SourceKind::vector && has("attribute") && layer.value)
    throw ConfigError(cat(layer.where, ": give either 'attribute' or 'value', not both"));
  if (has("attribute")) layer.attribute = kv["attribute"]->value;
  if (has("layer")) layer.layer = kv["layer"]->value;
  if (has("band")) {
    layer.band = parse_int(ini, *kv["band"]);
    if (layer.band < 1) throw ConfigError(cat(ini.where(*kv["band"]), ": band numbers start at 1"));
  }
  if (has("srs")) layer.srs = kv["srs"]->value;
  if (has("nodata")) layer.source_nodata = parse_number(ini, *kv["nodata"]);
  if (has("missing")) layer.missing = parse_number(ini, *kv["missing"]);
  if (has("scale")) layer.scale = parse_number(ini, *kv["scale"]);
  if (has("offset")) layer.offset = parse_number(ini, *kv["offset"]);

  const bool integer = it->type != NcType::f32;
  layer.resampling = integer ? (is_class_variable(*it) ? Resampling::mode : Resampling::nearest) : Resampling::average;
  if (has("method")) {
    const std::string& m = kv["method"]->value;
    if (m == "nearest")
      layer.resampling = Resampling::nearest;
    else if (m == "mode")
      layer.resampling = Resampling::mode;
    else if (m == "average")
      layer.resampling = Resampling::average;
    else
      throw ConfigError(cat(ini.where(*kv["method"]), ": method must be nearest, mode or average, not '", m, "'",
                            suggestion_suffix(m, {"nearest", "mode", "average"})));
    if (is_class_variable(*it) && layer.resampling == Resampling::average)
      throw ConfigError(cat(ini.where(*kv["method"]), ": '", it->name,
                            "' holds class codes; averaging them makes "
                            "no sense (use nearest or mode)"));
  }
  if (has("classmap")) {
    if (!integer)
      throw ConfigError(cat(ini.where(*kv["classmap"]), ": '", it->name,
                            "' is a continuous field; class maps are "
                            "for class and integer variables"));
    if (layer.resampling == Resampling::average)
      throw ConfigError(cat(ini.where(*kv["classmap"]), ": a class map needs method nearest or mode"));
    layer.classmap = ClassMap::load(resolve_path(ini, kv["classmap"]->value), *it);
  }
  if (layer.classmap && (has("scale") || has("offset")))
    throw ConfigError(cat(layer.where, ": scale/offset apply to continuous values, not to class-mapped codes"));
  return layer;
}

}  // namespace

const char* to_string(Resampling r) {
  switch (r) {
    case Resampling::nearest:
      return "nearest";
    case Resampling::mode:
      return "mode";
    case Resampling::average:
      return "average";
  }
  return "?";
}

std::string LayerSpec::label() const {
  return kind == SourceKind::constant ? cat("layer '", name, "' (constant ", value.value_or(0), ")")
                                      : cat("layer '", name, "' ('", source, "')");
}

const LayerSpec* IngestConfig::layer_for(const std::string& variable, std::int32_t map_year) const {
  for (const auto& l : layers)
    if (l.variable->name == variable && l.map_year == map_year) return &l;
  return nullptr;
}

IngestConfig read_ingest_config(const std::string& path) {
  const IniFile ini = IniFile::read(path);
  IngestConfig config;
  config.path = path;
  for (const auto& e : ini.entries()) {
    if (e.section.empty())
      throw ConfigError(cat(ini.where(e), ": '", e.key, "' must be inside a section ([ingest] or [layer NAME])"));
    if (e.section != "ingest") continue;
    if (e.key == "title")
      config.title = e.value;
    else if (e.key == "source")
      config.source_note = e.value;
    else if (e.key == "forest_reference_year")
      config.forest_reference_year = parse_int(ini, e);
    else if (e.key == "region")
      config.region = e.value;
    else
      throw ConfigError(
          cat(ini.where(e), ": unknown key '", e.key, "' in [ingest]", suggestion_suffix(e.key, k_ingest_keys)));
  }
  for (const auto& section : ini.sections()) {
    if (section == "ingest") continue;
    if (section.rfind("layer ", 0) != 0 || section.size() <= 6)
      throw ConfigError(cat(path, ": section [", section, "] is neither [ingest] nor [layer NAME]"));
    LayerSpec layer = parse_layer(ini, section, section.substr(6));
    if (const auto* other = config.layer_for(layer.variable->name, layer.map_year))
      throw ConfigError(cat(layer.where, " writes '", layer.variable->name, "'",
                            layer.map_year ? cat(" for map year ", layer.map_year) : std::string(), ", as ",
                            other->where, " already does"));
    config.layers.push_back(std::move(layer));
  }
  if (config.layers.empty()) throw ConfigError(cat(path, ": no [layer NAME] sections: nothing to ingest"));
  return config;
}

}  // namespace polder::io::ingest
