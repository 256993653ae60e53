#include "io/config/scenario_set.hpp"

#include "io/config/ini_text.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "io/config/run_config.hpp"
#include "io/config/suggest.hpp"
#include "solver/core/error.hpp"
#include "solver/reporting/report_filter.hpp"

namespace polder::io {
namespace po = boost::program_options;

namespace {

constexpr std::string_view k_member_prefix = "member.";

struct KeySpec {
  const char* key;
  const char* help;
};

// One table of keys: validation, suggestions and the docs (docs/configuration.md) come from it.
const std::vector<KeySpec>& key_specs() {
  static const std::vector<KeySpec> specs = {
      {"set.name", "name of the set (letters, digits, '_', '-'); names the output folder"},
      {"set.description", "what the set compares (optional)"},
      {"set.base_config", "run config file(s) every member starts from, space separated, layered first"},
      {"set.years", "optional: first-last year of every member (run.start_year, run.end_year)"},
      {"set.base", "optional: the member the others are compared with (default: the first)"},
      {"member.*.scenario", "KNMI'23 climate scenario of the member: Ld Ln Md Mn Hd Hn"},
      {"member.*.measures", "measure config files layered after the base config, space separated, or none"},
      {"member.*.description", "what the member is (optional)"},
  };
  return specs;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream is(text);
  std::vector<std::string> out;
  for (std::string w; is >> w;) out.push_back(w);
  return out;
}

bool plain_name(const std::string& s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

/// The accepted keys, with the member name of `key` in place of '*' so a suggestion fits the typo.
std::vector<std::string> candidates(const std::string& key) {
  std::string member = "NAME";
  if (key.rfind(k_member_prefix, 0) == 0) {
    const auto dot = key.find('.', k_member_prefix.size());
    if (dot != std::string::npos) member = key.substr(k_member_prefix.size(), dot - k_member_prefix.size());
  }
  std::vector<std::string> out;
  for (const auto& s : key_specs()) {
    std::string k = s.key;
    if (const auto star = k.find('*'); star != std::string::npos) k.replace(star, 1, member);
    out.push_back(k);
  }
  return out;
}

struct MemberKeys {
  std::string name;
  std::map<std::string, std::string> values;  ///< field -> value
};

}  // namespace

const std::vector<std::string>& scenario_set_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& s : key_specs()) k.emplace_back(s.key);
    return k;
  }();
  return keys;
}

std::vector<std::string> ScenarioSet::config_files(std::size_t i) const {
  std::vector<std::string> out = base_configs;
  const auto& m = members.at(i).measure_files;
  out.insert(out.end(), m.begin(), m.end());
  return out;
}

std::vector<std::string> ScenarioSet::overrides(std::size_t i) const {
  const auto& m = members.at(i);
  std::vector<std::string> out = {"run.scenario=" + m.climate, cat("run.name=", name, ": ", m.name)};
  if (start_year) out.push_back(cat("run.start_year=", *start_year));
  if (end_year) out.push_back(cat("run.end_year=", *end_year));
  return out;
}

ScenarioSet load_scenario_set(const std::string& path) {
  namespace fs = std::filesystem;
  if (!fs::is_regular_file(path)) throw InputError(cat("scenario set '", path, "': file not found"));
  std::ifstream in(path);
  if (!in) throw InputError(cat("scenario set '", path, "': cannot be read"));
  po::options_description none;
  po::parsed_options parsed(&none);
  try {
    parsed = po::parse_config_file(in, none, true);
  } catch (const po::error& e) {
    throw ConfigError(cat(path, ": ", e.what()));
  }

  std::map<std::string, std::string> set_values;
  std::vector<MemberKeys> members;  // in the order their sections first appear
  for (const auto& opt : parsed.options) {
    const std::string& key = opt.string_key;
    const std::string value = opt.value.empty() ? std::string() : trim(opt.value.front());
    const auto unknown = [&] {
      return ConfigError(cat(path, ": unknown key '", key, "'", suggestion_suffix(key, candidates(key)),
                             " (a scenario set holds [set] and [member.NAME] sections)"));
    };
    std::map<std::string, std::string>* target = nullptr;
    std::string field;
    if (key.rfind("set.", 0) == 0) {
      field = key.substr(4);
      const auto& keys = scenario_set_keys();
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) throw unknown();
      target = &set_values;
    } else if (key.rfind(k_member_prefix, 0) == 0) {
      const auto dot = key.rfind('.');
      if (dot < k_member_prefix.size())
        throw ConfigError(cat(path, ": key '", key, "' belongs in a [member.NAME] section, not in [member]"));
      const std::string name = key.substr(k_member_prefix.size(), dot - k_member_prefix.size());
      field = key.substr(dot + 1);
      if (!plain_name(name))
        throw ConfigError(cat(path, ": section [member.", name, "]: a member name holds only letters, digits, '_' ",
                              "and '-' (it names the member's inventory file)"));
      const auto& keys = scenario_set_keys();
      if (std::find(keys.begin(), keys.end(), "member.*." + field) == keys.end()) throw unknown();
      auto it = std::find_if(members.begin(), members.end(), [&](const MemberKeys& m) { return m.name == name; });
      if (it == members.end()) it = members.insert(members.end(), MemberKeys{name, {}});
      target = &it->values;
    } else {
      throw unknown();
    }
    if (value.empty()) throw ConfigError(cat(path, ": ", key, " has an empty value (give one, or remove the line)"));
    if (!target->emplace(field, value).second)
      throw ConfigError(cat(path, ": ", key, " is given twice (a section repeated, or a key twice in one)"));
  }

  ScenarioSet s;
  s.source = path;
  const auto get = [&](const std::string& field) -> const std::string* {
    const auto it = set_values.find(field);
    return it == set_values.end() ? nullptr : &it->second;
  };
  const auto required = [&](const std::string& field) -> const std::string& {
    const auto* v = get(field);
    if (v == nullptr) throw ConfigError(cat(path, ": missing required key set.", field, " (in the [set] section)"));
    return *v;
  };
  s.name = required("name");
  if (!plain_name(s.name))
    throw ConfigError(cat(path, ": set.name = '", s.name, "': use letters, digits, '_' and '-' (it names a folder)"));
  if (const auto* v = get("description")) s.description = *v;
  s.base_configs = words(required("base_config"));
  for (const auto& f : s.base_configs)
    if (!fs::is_regular_file(f)) throw InputError(cat(path, ": set.base_config: config file '", f, "' not found"));
  if (const auto* v = get("years")) {
    const auto [a, b] = reporting::parse_year_range(*v, cat(path, ": set.years"));
    if (a < 1990 || b > 2100)
      throw ConfigError(cat(path, ": set.years = ", *v, " is outside 1990-2100 (the years a run may cover)"));
    s.start_year = a;
    s.end_year = b;
  }

  const auto& knmi = knmi23_scenarios();
  for (const auto& m : members) {
    const std::string where = cat(path, ": member.", m.name, ".");
    const auto field = [&](const std::string& f) -> const std::string& {
      const auto it = m.values.find(f);
      if (it == m.values.end())
        throw ConfigError(cat(where, f, " is missing (every [member.", m.name, "] needs scenario and measures; ",
                              "measures = none for a member without measures)"));
      return it->second;
    };
    ScenarioEntry e;
    e.name = m.name;
    e.climate = field("scenario");
    if (std::find(knmi.begin(), knmi.end(), e.climate) == knmi.end())
      throw ConfigError(cat(where, "scenario = '", e.climate, "' is not a KNMI'23 scenario (Ld Ln Md Mn Hd Hn)",
                            suggestion_suffix(e.climate, knmi)));
    const auto files = words(field("measures"));
    const bool no_measures = files.size() == 1 && files[0] == "none";
    if (!no_measures) {
      for (const auto& f : files) {
        if (f == "none")
          throw ConfigError(cat(where, "measures: 'none' stands alone (no measures); it cannot be listed with files"));
        if (std::find(e.measure_files.begin(), e.measure_files.end(), f) != e.measure_files.end())
          throw ConfigError(cat(where, "measures: '", f, "' is listed twice"));
        if (!fs::is_regular_file(f)) throw InputError(cat(where, "measures: measure file '", f, "' not found"));
        e.measure_files.push_back(f);
      }
    }
    s.descriptions.push_back(m.values.count("description") ? m.values.at("description") : std::string());
    for (const auto& other : s.members)
      if (other.climate == e.climate && other.measure_files == e.measure_files)
        throw ConfigError(cat(path, ": members ", other.name, " and ", e.name,
                              " are the same run (same scenario and measure files)"));
    s.members.push_back(std::move(e));
  }
  if (s.members.size() < 2)
    throw ConfigError(cat(path, ": a scenario set needs at least two [member.NAME] sections (it has ", s.members.size(),
                          "): its runs are compared with the base member"));
  if (const auto* v = get("base")) {
    std::vector<std::string> names;
    for (const auto& m : s.members) names.push_back(m.name);
    const auto it = std::find(names.begin(), names.end(), *v);
    if (it == names.end())
      throw ConfigError(cat(path, ": set.base = '", *v, "' is not a member of the set", suggestion_suffix(*v, names)));
    s.base = static_cast<std::size_t>(it - names.begin());
  }
  return s;
}

}  // namespace polder::io
