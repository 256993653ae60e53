#include "solver/reporting/report_filter.hpp"

#include <cctype>

#include "solver/core/error.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/model/province.hpp"

namespace polder::reporting {
namespace {

std::string lower(const std::string& s) {
  std::string out;
  for (const char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::int32_t to_year(const std::string& text, const std::string& option) {
  std::size_t used = 0;
  int v = 0;
  try {
    v = std::stoi(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || v < 1000 || v > 9999)
    throw ConfigError(cat(option, " '", text, "': expected a year such as 2021 or a range such as 2021-2025"));
  return v;
}

}  // namespace

std::vector<std::size_t> ReportFilter::select(const std::vector<std::int32_t>& all, bool per_year_blocks) const {
  std::vector<std::size_t> out;
  if (all.empty()) return out;
  if (!has_years()) {
    if (per_year_blocks && last_year_by_default) return {all.size() - 1};
    for (std::size_t i = 0; i < all.size(); ++i) out.push_back(i);
    return out;
  }
  const std::int32_t lo = first_year.value_or(all.front()), hi = last_year.value_or(all.back());
  if (lo > hi) throw ConfigError(cat("year range ", lo, "-", hi, " is empty (first year after last)"));
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i] >= lo && all[i] <= hi) out.push_back(i);
  if (out.empty() || all.front() > lo || all.back() < hi)
    throw ConfigError(
        cat("years ", lo, "-", hi, " are not all in the inventory, which covers ", all.front(), "-", all.back()));
  return out;
}

int parse_category(const std::string& text) {
  const std::string t = lower(text);
  for (int c = 0; c < model::k_crt_categories; ++c) {
    const auto i = static_cast<std::size_t>(c);
    const std::string code = lower(std::string(model::k_crt_codes[i]));
    if (t == code || t == code.substr(2) || t == lower(std::string(model::k_crt_names[i]))) return c;
    if (c < model::k_land_categories && t == std::string(model::k_land_category_names[i])) return c;
  }
  if (t == "hwp") return model::k_crt_hwp;
  throw ConfigError(cat("--category '", text,
                        "' is not a CRT category of sector 4: use 4.A 4.B 4.C 4.D 4.E 4.F 4.G (or forest, cropland, "
                        "grassland, wetlands, settlements, other_land, hwp)"));
}

int parse_province(const std::string& text) {
  const std::string t = lower(text);
  for (int p = 1; p <= model::k_provinces; ++p) {
    const auto i = static_cast<std::size_t>(p);
    if (t == std::string(model::k_province_keys[i]) || t == lower(std::string(model::k_province_names[i])))
      return p - 1;
  }
  if (t == "fryslan") return 1;
  std::string names;
  for (int p = 1; p <= model::k_provinces; ++p)
    names += std::string(p > 1 ? ", " : "") + std::string(model::k_province_keys[static_cast<std::size_t>(p)]);
  throw ConfigError(cat("--province '", text, "' is not a Dutch province: use one of ", names));
}

std::pair<std::int32_t, std::int32_t> parse_year_range(const std::string& text, const std::string& option) {
  const auto dash = text.find('-');
  if (dash == std::string::npos) {
    const auto y = to_year(text, option);
    return {y, y};
  }
  const auto a = to_year(text.substr(0, dash), option), b = to_year(text.substr(dash + 1), option);
  if (a > b) throw ConfigError(cat(option, " '", text, "': the first year is after the last"));
  return {a, b};
}

}  // namespace polder::reporting
