#include "io/ingest/class_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "io/config/suggest.hpp"
#include "io/ingest/ini_file.hpp"
#include "solver/core/error.hpp"

namespace polder::io::ingest {
namespace {

std::string normalise(std::string key) {
  std::replace(key.begin(), key.end(), '-', '_');
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

std::optional<long> as_integer(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return v;
}

constexpr std::size_t k_table_size = 65536;

}  // namespace

std::vector<std::pair<std::string, int>> class_keys(const VariableSpec& spec) {
  std::vector<std::pair<std::string, int>> out;
  std::istringstream names(spec.flag_meanings), codes(spec.flag_values);
  std::string name;
  int code = 0;
  while (names >> name && codes >> code) out.emplace_back(normalise(name), code);
  return out;
}

ClassMap ClassMap::load(const std::string& path, const VariableSpec& target) {
  const IniFile ini = IniFile::read(path);
  ClassMap map;
  map.m_path = path;
  map.m_variable = target.name;
  const auto keys = class_keys(target);
  std::vector<std::string> key_names;
  for (const auto& [k, c] : keys) key_names.push_back(k);
  key_names.emplace_back("nodata");

  const auto resolve = [&](const IniEntry& e) {
    Target t;
    const std::string v = normalise(e.value);
    if (v == "nodata") {
      t.nodata = true;
      return t;
    }
    if (const auto n = as_integer(v)) {
      const bool listed =
          keys.empty() || std::any_of(keys.begin(), keys.end(), [&](const auto& k) { return k.second == *n; });
      if (!listed || static_cast<double>(*n) < target.valid_min || static_cast<double>(*n) > target.valid_max)
        throw ConfigError(cat(ini.where(e), ": ", *n, " is not a valid ", target.name, " code"));
      t.code = static_cast<double>(*n);
      return t;
    }
    for (const auto& [k, c] : keys)
      if (k == v) {
        t.code = c;
        return t;
      }
    throw ConfigError(cat(ini.where(e), ": '", e.value, "' is not a ", target.name, " class",
                          suggestion_suffix(v, key_names), keys.empty() ? " (use integer codes)" : ""));
  };

  for (const auto& e : ini.entries()) {
    if (e.section == "classmap") {
      if (e.key == "variable") {
        if (e.value != target.name)
          throw ConfigError(
              cat(ini.where(e), ": this class map is for '", e.value, "', but the layer writes '", target.name, "'"));
      } else if (e.key != "source" && e.key != "description") {
        throw ConfigError(cat(ini.where(e), ": unknown key '", e.key,
                              "' in [classmap] (known: variable, source, "
                              "description)"));
      }
      continue;
    }
    if (e.section != "codes")
      throw ConfigError(cat(ini.where(e), ": entries belong in [classmap] or [codes], not [", e.section, "]"));
    const Target t = resolve(e);
    if (e.key == "default") {
      map.m_default = t;
    } else if (e.key.size() > 1 && e.key.back() == '*') {
      map.m_prefixes.emplace_back(e.key.substr(0, e.key.size() - 1), t);
    } else {
      map.m_exact[e.key] = t;
    }
  }
  std::stable_sort(map.m_prefixes.begin(), map.m_prefixes.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  map.m_table.assign(k_table_size, -1);
  for (const auto& [key, t] : map.m_exact) {
    const auto n = as_integer(key);
    if (n && *n >= 0 && static_cast<std::size_t>(*n) < k_table_size) {
      map.m_table[static_cast<std::size_t>(*n)] = static_cast<std::int32_t>(map.m_table_targets.size());
      map.m_table_targets.push_back(t);
    }
  }
  if (map.m_exact.empty() && map.m_prefixes.empty() && !map.m_default)
    throw ConfigError(cat(path, ": the class map has no [codes] entries"));
  return map;
}

ClassMap::Result ClassMap::lookup(double source_code) const {
  if (source_code >= 0 && source_code < static_cast<double>(k_table_size) && source_code == std::floor(source_code)) {
    const std::int32_t i = m_table[static_cast<std::size_t>(source_code)];
    if (i >= 0) return to_result(m_table_targets[static_cast<std::size_t>(i)]);
    if (m_default) return to_result(*m_default);
    return {Kind::unknown, 0};
  }
  if (source_code == std::floor(source_code) && std::abs(source_code) < 1e15)
    return lookup(std::to_string(static_cast<long long>(source_code)));
  if (m_default) return to_result(*m_default);
  return {Kind::unknown, 0};
}

ClassMap::Result ClassMap::lookup(const std::string& source_code) const {
  if (const auto it = m_exact.find(source_code); it != m_exact.end()) return to_result(it->second);
  for (const auto& [prefix, t] : m_prefixes)
    if (source_code.compare(0, prefix.size(), prefix) == 0) return to_result(t);
  if (m_default) return to_result(*m_default);
  return {Kind::unknown, 0};
}

}  // namespace polder::io::ingest
