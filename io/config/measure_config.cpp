#include "io/config/measure_config.hpp"

#include "io/config/ini_text.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "io/config/suggest.hpp"
#include "solver/core/error.hpp"
#include "solver/model/forest_species.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/province.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::io {
namespace po = boost::program_options;

namespace {

constexpr std::string_view k_prefix = "measure.";

struct KeySpec {
  const char* key;
  const char* help;
};

// One table of measure keys: validation, suggestions and docs/configuration.md come from it.
const std::vector<KeySpec>& key_specs() {
  static const std::vector<KeySpec> specs = {
      {"name", "a label"},
      {"source", "where the measure's target figure comes from (required)"},
      {"action", "land_use, rewet, water_table, soil_management, species, fire_prevention, marsh_accretion, harvest"},
      {"provinces", "province keys the measure acts in, or 'all' (default)"},
      {"land_use", "land-use classes a cell must have in the last map (default: any)"},
      {"soil", "soil classes a cell must have (default: any)"},
      {"species_from", "forest species a stand must have in the input (species, harvest, fire_prevention)"},
      {"mask", "not supported yet (refused): an input-stack layer the cells must be > 0 in"},
      {"near", "a land-use class: only cells within near_m metres of one qualify"},
      {"near_m", "distance for `near`, metres (searched within the cell's tile)"},
      {"priority", "random (default) or near: which qualifying cells are taken first"},
      {"start_year", "first year cells enter the measure"},
      {"target_year", "year the area is reached; the area grows linearly from start_year"},
      {"area_ha", "hectares by the target year, for the nation (shared out by qualifying area)"},
      {"area_ha.*", "hectares by the target year in one province (area_ha.<province key>)"},
      {"fraction", "share of the qualifying area by the target year (0-1), instead of an area"},
      {"rate_after_ha_yr", "hectares more per year after the target year (national)"},
      {"shortfall", "error (default) or warn: a target the qualifying area cannot meet"},
      {"to_land_use", "land_use and rewet: the class the cells become"},
      {"species", "forest species mix, e.g. 'oak:0.4 beech:0.3 birch:0.3'"},
      {"raise_cm", "water_table: raise of the mean water table, cm"},
      {"factor", "soil_management: F_MG x F_I; fire_prevention: ignition; marsh_accretion: accretion; harvest"},
      {"spread", "fire_prevention: false makes the cells fuel breaks that fire cannot enter"},
      {"survival", "land_use: share of the cells planted that take (seagrass), 0-1"},
      {"target_area_ha", "the programme's area target, for the report"},
      {"target_kt_co2e", "the programme's target effect on net emissions, kt CO2-eq per year (less: negative)"},
      {"target_effect_year", "the year that effect target is for"},
      {"target_source", "source of the programme's targets"},
  };
  return specs;
}

std::vector<std::string> plain_keys() {
  std::vector<std::string> out;
  for (const auto& s : key_specs())
    if (std::string_view(s.key).back() != '*') out.emplace_back(s.key);
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream is(text);
  std::vector<std::string> out;
  for (std::string w; is >> w;) out.push_back(w);
  return out;
}

struct Value {
  std::string text;
  std::string origin;
};

/// The keys of one measure, in the order of first appearance.
struct Collected {
  std::vector<std::string> order;  ///< measure ids
  std::map<std::string, std::map<std::string, Value>> values;
};

/// Splits "measure.<id>.<key>" into id and key; the key may itself hold a dot (area_ha.utrecht).
bool split_key(const std::string& full, std::string& id, std::string& key) {
  if (full.rfind(k_prefix, 0) != 0) return false;
  const std::string rest = full.substr(k_prefix.size());
  const auto dot = rest.find('.');
  if (dot == std::string::npos || dot == 0) return false;
  id = rest.substr(0, dot);
  key = rest.substr(dot + 1);
  return true;
}

void check_key(const std::string& full, const std::string& key, const std::string& origin) {
  for (const auto& s : key_specs()) {
    const std::string_view k = s.key;
    if (k == key) return;
    if (k.back() == '*' && key.size() > k.size() - 1 && key.compare(0, k.size() - 1, k.substr(0, k.size() - 1)) == 0)
      return;
  }
  throw ConfigError(cat(origin, ": unknown measure key '", full, "'", suggestion_suffix(key, plain_keys())));
}

void put(Collected& c, const std::string& full, const std::string& text, const std::string& origin) {
  std::string id, key;
  if (!split_key(full, id, key))
    throw ConfigError(cat(origin, ": '", full, "' is not a measure key: write [measure.<id>] and key = value"));
  check_key(full, key, origin);
  if (!c.values.count(id)) c.order.push_back(id);
  auto& m = c.values[id];
  if (m.count(key) && m[key].origin == origin && origin != "--set")
    throw ConfigError(cat(origin, ": measure key '", full, "' is given twice"));
  m[key] = {trim(text), origin};
}

template <std::size_t N>
std::uint8_t code_of(const std::array<std::string_view, N>& keys, const std::string& word, const std::string& what,
                     const std::string& where, std::size_t first = 1) {
  for (std::size_t i = first; i < N; ++i)
    if (keys[i] == word) return static_cast<std::uint8_t>(i);
  std::vector<std::string> names;
  for (std::size_t i = first; i < N; ++i) names.emplace_back(keys[i]);
  throw ConfigError(cat(where, ": '", word, "' is not a ", what, suggestion_suffix(word, names)));
}

std::array<std::string_view, model::k_land_use_classes> land_use_keys() {
  std::array<std::string_view, model::k_land_use_classes> k{};
  for (std::size_t i = 0; i < k.size(); ++i) k[i] = model::k_land_use_info[i].key;
  return k;
}

double number(const Value& v, const std::string& where, double low, double high) {
  std::istringstream is(v.text);
  double x = 0;
  std::string rest;
  is >> x;
  if (is.fail() || (is >> rest) || !std::isfinite(x))
    throw ConfigError(cat(where, " = '", v.text, "' is not a number"));
  if (x < low || x > high) throw ConfigError(cat(where, " = ", v.text, " must be in ", low, " .. ", high));
  return x;
}

bool boolean(const Value& v, const std::string& where) {
  if (v.text == "true" || v.text == "yes") return true;
  if (v.text == "false" || v.text == "no") return false;
  throw ConfigError(cat(where, " = '", v.text, "' is not true or false"));
}

MeasureAction action_of(const std::string& text, const std::string& where) {
  static const std::vector<std::pair<std::string, MeasureAction>> actions = {
      {"land_use", MeasureAction::land_use},
      {"rewet", MeasureAction::rewet},
      {"water_table", MeasureAction::water_table},
      {"soil_management", MeasureAction::soil_management},
      {"species", MeasureAction::species},
      {"fire_prevention", MeasureAction::fire_prevention},
      {"marsh_accretion", MeasureAction::marsh_accretion},
      {"harvest", MeasureAction::harvest}};
  std::vector<std::string> names;
  for (const auto& [n, a] : actions) {
    if (n == text) return a;
    names.push_back(n);
  }
  throw ConfigError(cat(where, " = '", text, "' is not a measure action", suggestion_suffix(text, names)));
}

MeasureSpec build(const std::string& id, const std::map<std::string, Value>& m, std::int32_t first_year,
                  std::int32_t last_year) {
  MeasureSpec s;
  s.id = id;
  const auto where = [&](const std::string& key) {
    const auto it = m.find(key);
    return cat(it != m.end() ? it->second.origin : std::string("measure"), ": measure.", id, ".", key);
  };
  const auto get = [&](const std::string& key) -> const Value* {
    const auto it = m.find(key);
    return it == m.end() || it->second.text.empty() ? nullptr : &it->second;
  };
  for (const auto& [key, v] : m)
    if (v.text.empty()) throw ConfigError(cat(where(key), " is empty"));
  s.file = m.begin()->second.origin;
  const auto require = [&](const std::string& key) -> const Value& {
    const Value* v = get(key);
    if (v == nullptr) throw ConfigError(cat(s.file, ": measure.", id, " needs '", key, "'"));
    return *v;
  };
  s.name = get("name") ? get("name")->text : id;
  s.source = require("source").text;
  s.action = action_of(require("action").text, where("action"));

  const auto provinces = model::k_province_keys;
  if (const Value* v = get("provinces"))
    for (const auto& w : words(v->text))
      if (w != "all") s.provinces.push_back(code_of(provinces, w, "province key", where("provinces")));
  const auto lu_keys = land_use_keys();
  if (const Value* v = get("land_use"))
    for (const auto& w : words(v->text))
      s.land_uses.push_back(code_of(lu_keys, w, "land-use class", where("land_use")));
  if (const Value* v = get("soil"))
    for (const auto& w : words(v->text)) s.soils.push_back(code_of(model::k_soil_keys, w, "soil class", where("soil")));
  if (const Value* v = get("species_from"))
    for (const auto& w : words(v->text))
      s.species_from.push_back(code_of(model::k_species_keys, w, "forest species", where("species_from")));
  // Mask layers need the input stack to carry measure layers, which it does not yet: refused rather
  // than ignored, so no run pretends to honour a mask.
  if (get("mask"))
    throw ConfigError(cat(where("mask"), ": mask layers are not supported yet; narrow the cells with provinces, ",
                          "land_use, soil, species_from or near"));
  if (const Value* v = get("near")) {
    s.near_land_use = code_of(lu_keys, v->text, "land-use class", where("near"));
    s.near_m = number(require("near_m"), where("near_m"), 25.0, 6400.0);
  } else if (get("near_m")) {
    throw ConfigError(cat(where("near_m"), " needs 'near' (the class to be near)"));
  }
  if (const Value* v = get("priority")) {
    if (v->text == "near") {
      if (s.near_land_use == 0) throw ConfigError(cat(where("priority"), " = near needs 'near' and 'near_m'"));
      s.prefer_near = true;
    } else if (v->text != "random") {
      throw ConfigError(cat(where("priority"), " = '", v->text, "' is not random or near",
                            suggestion_suffix(v->text, {"random", "near"})));
    }
  }

  s.start_year = static_cast<std::int32_t>(number(require("start_year"), where("start_year"), 1990, 2100));
  s.target_year = get("target_year")
                      ? static_cast<std::int32_t>(number(*get("target_year"), where("target_year"), 1990, 2100))
                      : s.start_year;
  if (s.target_year < s.start_year)
    throw ConfigError(cat(where("target_year"), " = ", s.target_year, " is before start_year ", s.start_year));
  if (s.start_year > last_year || s.start_year < first_year)
    throw ConfigError(
        cat(where("start_year"), " = ", s.start_year, " lies outside the run's years ", first_year, "..", last_year));

  if (const Value* v = get("area_ha")) s.area_ha = number(*v, where("area_ha"), 0.0, 5.0e6);
  for (const auto& [key, v] : m) {
    if (key.rfind("area_ha.", 0) != 0) continue;
    const auto p = code_of(provinces, key.substr(8), "province key", where(key));
    s.area_ha_by_province[p] = number(v, where(key), 0.0, 5.0e6);
  }
  if (const Value* v = get("fraction")) s.fraction = number(*v, where("fraction"), 0.0, 1.0);
  const int amounts = (s.area_ha ? 1 : 0) + (s.area_ha_by_province.empty() ? 0 : 1) + (s.fraction ? 1 : 0);
  if (amounts > 1)
    throw ConfigError(
        cat(s.file, ": measure.", id, " gives more than one of area_ha, area_ha.<province> and fraction"));
  if (amounts == 0) s.fraction = 1.0;  // every qualifying cell
  if (const Value* v = get("rate_after_ha_yr")) s.rate_after_ha_yr = number(*v, where("rate_after_ha_yr"), 0.0, 1e6);
  if (const Value* v = get("shortfall")) {
    if (v->text != "error" && v->text != "warn")
      throw ConfigError(cat(where("shortfall"), " = '", v->text, "' is not error or warn",
                            suggestion_suffix(v->text, {"error", "warn"})));
    s.shortfall_warn = v->text == "warn";
  }

  // The action's own values, and refusing values that belong to another action.
  const auto only_for = [&](const std::string& key, std::initializer_list<MeasureAction> ok) {
    if (!get(key)) return;
    if (std::find(ok.begin(), ok.end(), s.action) == ok.end())
      throw ConfigError(cat(where(key), " does not apply to action = ", action_name(s.action)));
  };
  only_for("to_land_use", {MeasureAction::land_use, MeasureAction::rewet});
  only_for("species", {MeasureAction::land_use, MeasureAction::species, MeasureAction::fire_prevention});
  only_for("raise_cm", {MeasureAction::water_table});
  only_for("factor", {MeasureAction::soil_management, MeasureAction::fire_prevention, MeasureAction::marsh_accretion,
                      MeasureAction::harvest});
  only_for("spread", {MeasureAction::fire_prevention});
  only_for("survival", {MeasureAction::land_use});
  if (const Value* v = get("to_land_use"))
    s.to_land_use = code_of(lu_keys, v->text, "land-use class", where("to_land_use"));
  if (s.action == MeasureAction::land_use && s.to_land_use == 0) require("to_land_use");
  if (const Value* v = get("species")) {
    double total = 0.0;
    for (const auto& w : words(v->text)) {
      const auto colon = w.find(':');
      if (colon == std::string::npos)
        throw ConfigError(cat(where("species"), ": '", w, "' is not species:share (e.g. oak:0.5)"));
      const auto sp = code_of(model::k_species_keys, w.substr(0, colon), "forest species", where("species"));
      const double share =
          number({w.substr(colon + 1), ""}, where("species") + " share of " + w.substr(0, colon), 0.0, 1.0);
      s.species_mix.emplace_back(sp, share);
      total += share;
    }
    if (std::fabs(total - 1.0) > 1e-9)
      throw ConfigError(cat(where("species"), ": the shares add up to ", total, ", not 1"));
  }
  if (s.action == MeasureAction::species && s.species_mix.empty()) require("species");
  if (s.action == MeasureAction::land_use && s.to_land_use == static_cast<std::uint8_t>(model::LandUse::forest) &&
      s.species_mix.empty())
    require("species");
  if (const Value* v = get("raise_cm")) s.raise_cm = number(*v, where("raise_cm"), -100.0, 200.0);
  if (s.action == MeasureAction::water_table) require("raise_cm");
  if (const Value* v = get("factor")) s.factor = number(*v, where("factor"), 0.0, 10.0);
  if (s.action == MeasureAction::soil_management || s.action == MeasureAction::marsh_accretion ||
      s.action == MeasureAction::harvest)
    require("factor");
  if (const Value* v = get("spread")) s.spread = boolean(*v, where("spread"));
  if (s.action == MeasureAction::fire_prevention && !get("factor") && !get("spread"))
    throw ConfigError(cat(s.file, ": measure.", id, " (fire_prevention) needs 'factor' or 'spread = false'"));
  if (const Value* v = get("survival")) s.survival = number(*v, where("survival"), 0.0, 1.0);
  if (const Value* v = get("target_area_ha")) s.target_area_ha = number(*v, where("target_area_ha"), 0.0, 5.0e6);
  if (const Value* v = get("target_kt_co2e")) s.target_kt_co2e = number(*v, where("target_kt_co2e"), -1e5, 1e5);
  if (const Value* v = get("target_effect_year"))
    s.target_effect_year = static_cast<std::int32_t>(number(*v, where("target_effect_year"), 1990, 2100));
  if (s.target_kt_co2e && s.target_effect_year == 0) require("target_effect_year");
  if (const Value* v = get("target_source")) s.target_source = v->text;
  return s;
}

}  // namespace

std::string_view action_name(MeasureAction a) {
  switch (a) {
    case MeasureAction::land_use:
      return "land_use";
    case MeasureAction::rewet:
      return "rewet";
    case MeasureAction::water_table:
      return "water_table";
    case MeasureAction::soil_management:
      return "soil_management";
    case MeasureAction::species:
      return "species";
    case MeasureAction::fire_prevention:
      return "fire_prevention";
    case MeasureAction::marsh_accretion:
      return "marsh_accretion";
    case MeasureAction::harvest:
      return "harvest";
  }
  return "?";
}

const std::vector<std::string>& measure_config_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& s : key_specs()) k.push_back(cat("measure.*.", s.key));
    return k;
  }();
  return keys;
}

std::vector<MeasureSpec> load_measures(const std::vector<std::string>& files, const std::vector<std::string>& overrides,
                                       std::int32_t first_year, std::int32_t last_year) {
  Collected c;
  for (const auto& file : files) {
    std::ifstream in(file);
    if (!in) throw InputError(cat("cannot read config file '", file, "'"));
    po::options_description none;
    po::parsed_options parsed(&none);
    try {
      parsed = po::parse_config_file(in, none, true);
    } catch (const po::error& e) {
      throw ConfigError(cat(file, ": ", e.what()));
    }
    for (const auto& opt : parsed.options)
      if (opt.string_key.rfind(k_prefix, 0) == 0)
        put(c, opt.string_key, opt.value.empty() ? std::string{} : opt.value.front(), file);
  }
  for (const auto& ov : overrides) {
    const auto eq = ov.find('=');
    if (eq == std::string::npos) continue;  // the run config reports it
    const std::string key = trim(ov.substr(0, eq));
    if (key.rfind(k_prefix, 0) != 0) continue;
    std::string id, k;
    if (split_key(key, id, k) && !c.values.count(id))
      throw ConfigError(cat("--set ", key, ": no measure '", id, "' in the config files"));
    put(c, key, ov.substr(eq + 1), "--set");
  }
  std::vector<MeasureSpec> out;
  for (const auto& id : c.order) out.push_back(build(id, c.values.at(id), first_year, last_year));
  if (out.size() > 250) throw ConfigError(cat(out.size(), " measures: at most 250 are supported"));
  return out;
}

std::vector<std::string> measure_files(const std::vector<MeasureSpec>& measures) {
  std::vector<std::string> out;
  for (const auto& m : measures)
    if (m.file != "--set" && std::find(out.begin(), out.end(), m.file) == out.end()) out.push_back(m.file);
  return out;
}

}  // namespace polder::io
