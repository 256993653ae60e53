#pragma once
// Helpers to read tables of parameters by key: `prefix.key` per land-use class, land category, ...,
// with `prefix.default` as the fallback, and the names of repeated sections (e.g. brackish zones).

#include <array>
#include <set>
#include <string>
#include <string_view>

#include "io/config/parameter_set.hpp"
#include "solver/model/land_use.hpp"

namespace polder::engine {

/// Table lookup with a fallback: `prefix.key`, else `prefix.default`.
inline double table_value(const io::ParameterSet& s, const std::string& prefix, std::string_view key,
                          const std::string& unit) {
  const std::string name = prefix + "." + std::string(key);
  if (s.has(name)) return s.get(name, unit);
  return s.get(prefix + ".default", unit);
}

/// Entries `first` .. N-1 of a table; entries before `first` stay 0.
template <std::size_t N, typename Keys>
std::array<double, N> table(const io::ParameterSet& s, const std::string& prefix, const Keys& keys,
                            const std::string& unit, std::size_t first = 0) {
  std::array<double, N> out{};
  for (std::size_t i = first; i < N; ++i) out[i] = table_value(s, prefix, keys[i], unit);
  if (s.has(prefix + ".default")) s.get(prefix + ".default", unit);  // checks its unit, marks it used
  return out;
}

/// Keys of the land-use classes, in code order.
inline const std::array<std::string_view, model::k_land_use_classes>& land_use_keys() {
  static const auto keys = [] {
    std::array<std::string_view, model::k_land_use_classes> k{};
    for (std::size_t i = 0; i < k.size(); ++i) k[i] = model::k_land_use_info[i].key;
    return k;
  }();
  return keys;
}

/// Names NAME of the parameters `prefix` NAME `suffix` (sorted, so the order is the same everywhere).
inline std::set<std::string> section_names(const io::ParameterSet& s, const std::string& prefix,
                                           const std::string& suffix) {
  std::set<std::string> names;
  for (const auto& [name, p] : s.all()) {
    if (name.size() > prefix.size() + suffix.size() && name.compare(0, prefix.size(), prefix) == 0 &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      names.insert(name.substr(prefix.size(), name.size() - prefix.size() - suffix.size()));
  }
  return names;
}

}  // namespace polder::engine
