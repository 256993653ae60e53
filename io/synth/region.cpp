#include "io/synth/region.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <vector>

#include "io/config/suggest.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/model/province.hpp"

namespace polder::io::synth {
namespace {

/// Lower-case ASCII with the Frisian and Dutch accents folded (â -> a, ë -> e) and spaces as '-'.
std::string fold(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {  // UTF-8 two-byte Latin-1 supplement
      const auto next = static_cast<unsigned char>(text[++i]);
      const char base = (next >= 0xA0 && next <= 0xA5) || (next >= 0x80 && next <= 0x85)   ? 'a'
                        : (next >= 0xA8 && next <= 0xAB) || (next >= 0x88 && next <= 0x8B) ? 'e'
                        : (next >= 0xAC && next <= 0xAF) || (next >= 0x8C && next <= 0x8F) ? 'i'
                        : (next >= 0xB2 && next <= 0xB6) || (next >= 0x92 && next <= 0x96) ? 'o'
                        : (next >= 0xB9 && next <= 0xBC) || (next >= 0x99 && next <= 0x9C) ? 'u'
                                                                                           : '?';
      out += base;
      continue;
    }
    out += c == ' ' || c == '_' ? '-' : static_cast<char>(std::tolower(c));
  }
  return out;
}

}  // namespace

Region parse_region(const std::string& name) {
  const std::string key = fold(name);
  if (key == "national" || key == "nl" || key == "netherlands") return {"national", 0};
  for (int p = 1; p <= model::k_provinces; ++p) {
    const auto pk = std::string(model::k_province_keys[static_cast<std::size_t>(p)]);
    if (key == pk || key == fold(std::string(model::k_province_names[static_cast<std::size_t>(p)]))) return {pk, p};
  }
  std::vector<std::string> keys = {"national"};
  for (int p = 1; p <= model::k_provinces; ++p) keys.emplace_back(model::k_province_keys[static_cast<std::size_t>(p)]);
  keys.emplace_back("fryslan");
  std::string hint = io::suggestion_suffix(key, keys);
  if (hint.empty()) hint = " (regions: national or a province key such as utrecht, friesland, noord-holland)";
  throw ConfigError(cat("polder synth: unknown region '", name, "'", hint));
}

grid::GridWindow region_window(const Territory& territory, const Region& region) {
  if (region.province == 0) return grid::GridWindow::national();
  std::int32_t r0 = std::numeric_limits<std::int32_t>::max(), r1 = -1;
  std::int32_t c0 = std::numeric_limits<std::int32_t>::max(), c1 = -1;
  std::vector<std::uint8_t> province(grid::NationalGrid::n_cols), water(grid::NationalGrid::n_cols);
  const auto target = static_cast<std::uint8_t>(region.province);
  for (std::int32_t r = 0; r < grid::NationalGrid::n_rows; ++r) {
    territory.classify_row(r, 0, grid::NationalGrid::n_cols, province.data(), water.data());
    const auto first = std::find(province.begin(), province.end(), target);
    if (first == province.end()) continue;
    const auto last = std::find(province.rbegin(), province.rend(), target);
    r0 = std::min(r0, r);
    r1 = r;
    c0 = std::min(c0, static_cast<std::int32_t>(first - province.begin()));
    c1 = std::max(c1, static_cast<std::int32_t>(province.rend() - last - 1));
  }
  POLDER_VERIFY(r1 >= 0, "province ", region.key, " has no cells");
  constexpr std::int32_t k_align = 256;
  const std::int32_t row0 = r0 / k_align * k_align, col0 = c0 / k_align * k_align;
  const std::int32_t row1 = std::min(grid::NationalGrid::n_rows, (r1 / k_align + 1) * k_align);
  const std::int32_t col1 = std::min(grid::NationalGrid::n_cols, (c1 / k_align + 1) * k_align);
  return {row0, col0, row1 - row0, col1 - col0};
}

}  // namespace polder::io::synth
