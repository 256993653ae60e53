#pragma once
// The filters of `polder report`: a year range, one CRT category, one province. Each table says which
// it can apply; a filter a table cannot apply is refused (ConfigError), never silently ignored.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace polder::reporting {

struct ReportFilter {
  std::optional<std::int32_t> first_year;  ///< inclusive
  std::optional<std::int32_t> last_year;   ///< inclusive
  std::optional<int> category;             ///< 0..6: 4.A ... 4.G
  std::optional<int> province;             ///< 0..11: Groningen ... Limburg
  /// Per-year tables without a year filter show only the last year (the terminal's default).
  bool last_year_by_default = false;

  bool has_years() const { return first_year.has_value() || last_year.has_value(); }
  /// The years of `all` that pass; ConfigError if the range holds none of them.
  std::vector<std::size_t> select(const std::vector<std::int32_t>& all, bool per_year_blocks) const;
};

/// "4.B", "B", "cropland", "Cropland", "hwp" -> 1 ...; ConfigError with a suggestion otherwise.
int parse_category(const std::string& text);
/// "utrecht", "Utrecht", "Fryslân", "friesland" -> 0-based province; ConfigError with a suggestion otherwise.
int parse_province(const std::string& text);
/// "2005-2010" or "2020" -> first and last year; ConfigError naming `option` otherwise.
std::pair<std::int32_t, std::int32_t> parse_year_range(const std::string& text, const std::string& option);

}  // namespace polder::reporting
