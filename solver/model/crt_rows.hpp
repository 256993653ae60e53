#pragma once
// Names of the CRT rows: "4.A.1 Forest land remaining forest land", "4.A.2.1 Cropland converted to
// forest land", ... Conversions are numbered over the other categories in the order A..F.

#include <string>

#include "solver/model/crt_category.hpp"

namespace polder::model {

inline std::string crt_row_code(int row) {
  const int to = row_to(row), from = row_from(row);
  const std::string base(k_crt_codes[static_cast<std::size_t>(to)]);
  if (to == from) return base + ".1";
  const int sub = from < to ? from + 1 : from;  // position of `from` among the other five
  return base + ".2." + std::to_string(sub);
}

inline std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

inline std::string crt_row_name(int row) {
  const int to = row_to(row), from = row_from(row);
  const std::string to_name(k_crt_names[static_cast<std::size_t>(to)]);
  if (to == from) return to_name + " remaining " + lower_first(to_name);
  return std::string(k_crt_names[static_cast<std::size_t>(from)]) + " converted to " + lower_first(to_name);
}

}  // namespace polder::model
