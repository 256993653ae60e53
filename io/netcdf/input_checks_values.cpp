// Value checks on blocks of cells, the cross-variable rules, and the collective raising of the first
// violation over all ranks.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <type_traits>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/input_checks_detail.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::io {
namespace {

std::vector<int> parse_codes(const std::string& text) {
  std::vector<int> codes;
  std::istringstream in(text);
  int c = 0;
  while (in >> c) codes.push_back(c);
  return codes;
}

std::string code_list(const std::vector<int>& codes) {
  bool contiguous = !codes.empty();
  for (std::size_t i = 1; i < codes.size(); ++i) contiguous = contiguous && codes[i] == codes[i - 1] + 1;
  if (contiguous && codes.size() > 2) return cat(codes.front(), "–", codes.back());
  std::string out;
  for (std::size_t i = 0; i < codes.size(); ++i) out += (i ? ", " : "") + std::to_string(codes[i]);
  return out;
}

std::string with_units(const VariableSpec& spec) { return spec.units == "1" ? "" : " " + spec.units; }

/// What a variable may hold, as a fast per-cell test.
struct Rule {
  bool is_territory = false;
  bool is_seagrass_year = false;
  bool has_codes = false;
  std::array<bool, 256> code_ok{};
  bool codes_contiguous = false;  ///< the codes are code_min..code_max without gaps
  std::uint8_t code_min = 0, code_max = 0;
  double min = 0, max = 0, fill = 0;
  std::string inside_text, outside_text;

  explicit Rule(const VariableSpec& spec)
      : is_territory(spec.name == "territory"),
        is_seagrass_year(spec.name == "seagrass_since"),
        min(spec.valid_min),
        max(spec.valid_max),
        fill(spec.fill) {
    const auto codes = parse_codes(spec.flag_values);
    if (!codes.empty() && codes.front() >= 0 && codes.back() < 256) {
      codes_contiguous = true;
      for (std::size_t i = 1; i < codes.size(); ++i)
        codes_contiguous = codes_contiguous && codes[i] == codes[i - 1] + 1;
      code_min = static_cast<std::uint8_t>(codes.front());
      code_max = static_cast<std::uint8_t>(codes.back());
    }
    if (is_territory) {
      inside_text = "0 (outside) or 1 (inside the territory)";
    } else if (!codes.empty()) {
      has_codes = true;
      for (const int c : codes)
        if (c >= 0 && c < 256) code_ok[static_cast<std::size_t>(c)] = true;
      inside_text = cat("a valid ", spec.name, " code (", code_list(codes), ") inside the territory");
    } else if (is_seagrass_year) {
      inside_text = "0 (never) or a year in 1900–2100 inside the territory";
    } else {
      inside_text = cat(spec.type == NcType::f32 ? "a finite value" : "a value", " in [", spec.valid_min, ", ",
                        spec.valid_max, "]", with_units(spec), " inside the territory");
    }
    outside_text = cat("the fill value ", spec.fill, " outside the territory (territory = 0)");
  }

  bool inside_ok(double v) const {
    if (has_codes) return v >= 0 && v < 256 && v == std::floor(v) && code_ok[static_cast<std::size_t>(v)];
    if (is_seagrass_year) return v == 0 || (v >= 1900 && v <= 2100);
    return v >= min && v <= max;  // false for NaN
  }
};

Violation make_violation(const grid::GridWindow& block, std::size_t i, std::string variable, std::int32_t map_year,
                         double value, std::string expected) {
  Violation v;
  v.row = block.row0 + static_cast<std::int32_t>(i / static_cast<std::size_t>(block.n_cols));
  v.col = block.col0 + static_cast<std::int32_t>(i % static_cast<std::size_t>(block.n_cols));
  v.cell_id = grid::NationalGrid::cell_id(v.row, v.col);
  v.variable = std::move(variable);
  v.map_year = map_year;
  v.value = value;
  v.expected = std::move(expected);
  return v;
}

/// The common case first: one branch-free pass that counts bad values (it vectorises for the float
/// and integer ranges); only a block with a bad value is scanned again for the first one.
template <typename T>
bool all_valid(const Rule& rule, std::span<const T> values, std::span<const std::uint8_t> territory) {
  const std::size_t n = values.size();
  const T* __restrict v = values.data();
  const std::uint8_t* __restrict in = territory.data();
  // An OR of "bad" flags in the values' own width, which the vectoriser keeps in one register.
  unsigned bad = 0;
  if constexpr (std::is_same_v<T, std::uint8_t>) {
    if (rule.is_territory) {
      std::uint8_t any = 0;
      for (std::size_t i = 0; i < n; ++i) any |= static_cast<std::uint8_t>(v[i] > 1);
      return any == 0;
    }
    if (rule.has_codes) {
      const auto fill = static_cast<std::uint8_t>(rule.fill);
      if (rule.codes_contiguous) {  // a range test, which vectorises
        const std::uint8_t lo = rule.code_min, hi = rule.code_max;
        std::uint8_t any = 0;
        for (std::size_t i = 0; i < n; ++i) {
          const auto inside_bad = static_cast<std::uint8_t>((v[i] < lo) | (v[i] > hi));
          const auto outside_bad = static_cast<std::uint8_t>(v[i] != fill);
          any |= in[i] != 0 ? inside_bad : outside_bad;
        }
        return any == 0;
      }
      for (std::size_t i = 0; i < n; ++i) bad |= (in[i] != 0 ? !rule.code_ok[v[i]] : v[i] != fill) ? 1U : 0U;
      return bad == 0;
    }
  }
  if (rule.has_codes || rule.is_seagrass_year) return false;  // rare kinds: the exact scan decides
  if constexpr (std::is_same_v<T, float>) {
    // The same tests in float (which vectorise four to a register): the float bounds that admit exactly
    // the floats the double bounds admit, and a fill value only a float can equal if it is one.
    float lo_f = static_cast<float>(rule.min), hi_f = static_cast<float>(rule.max);
    if (static_cast<double>(lo_f) < rule.min) lo_f = std::nextafter(lo_f, std::numeric_limits<float>::infinity());
    if (static_cast<double>(hi_f) > rule.max) hi_f = std::nextafter(hi_f, -std::numeric_limits<float>::infinity());
    const auto fill_f = static_cast<float>(rule.fill);
    if (static_cast<double>(fill_f) != rule.fill) return false;
    std::uint32_t any = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const float x = v[i];
      const std::uint32_t inside_bad = !((x >= lo_f) & (x <= hi_f)) ? 1U : 0U;
      const std::uint32_t outside_bad = x != fill_f ? 1U : 0U;
      any |= in[i] != 0 ? inside_bad : outside_bad;
    }
    return any == 0;
  }
  const double lo = rule.min, hi = rule.max, fill = rule.fill;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = static_cast<double>(v[i]);
    const bool inside_ok = (x >= lo) & (x <= hi);
    const bool outside_ok = x == fill;
    bad |= (in[i] != 0 ? inside_ok : outside_ok) ? 0U : 1U;
  }
  return bad == 0;
}

}  // namespace

template <typename T>
std::optional<Violation> first_violation(const VariableSpec& spec, std::span<const T> values,
                                         const grid::GridWindow& block, std::span<const std::uint8_t> territory,
                                         std::int32_t map_year) {
  const auto n = static_cast<std::size_t>(block.empty() ? 0 : block.size());
  POLDER_VERIFY(values.size() == n && territory.size() == n, "block size mismatch checking ", spec.name);
  const Rule rule(spec);
  if (all_valid(rule, values, territory)) return std::nullopt;
  for (std::size_t i = 0; i < n; ++i) {
    const double v = static_cast<double>(values[i]);
    if (rule.is_territory) {
      if (v != 0 && v != 1) return make_violation(block, i, spec.name, map_year, v, rule.inside_text);
    } else if (territory[i] != 0) {
      if (!rule.inside_ok(v)) return make_violation(block, i, spec.name, map_year, v, rule.inside_text);
    } else if (v != rule.fill) {
      return make_violation(block, i, spec.name, map_year, v, rule.outside_text);
    }
  }
  return std::nullopt;
}

template std::optional<Violation> first_violation<std::uint8_t>(const VariableSpec&, std::span<const std::uint8_t>,
                                                                const grid::GridWindow&, std::span<const std::uint8_t>,
                                                                std::int32_t);
template std::optional<Violation> first_violation<std::int16_t>(const VariableSpec&, std::span<const std::int16_t>,
                                                                const grid::GridWindow&, std::span<const std::uint8_t>,
                                                                std::int32_t);
template std::optional<Violation> first_violation<float>(const VariableSpec&, std::span<const float>,
                                                         const grid::GridWindow&, std::span<const std::uint8_t>,
                                                         std::int32_t);

std::optional<Violation> first_cross_violation(const CrossVariableBlock& b, const grid::GridWindow& window) {
  const auto n = static_cast<std::size_t>(window.empty() ? 0 : window.size());
  POLDER_VERIFY(b.territory.size() == n, "territory block size mismatch in the cross-variable checks");
  const auto sized = [n](auto span) { return !span.empty() && span.size() == n; };
  const bool water = sized(b.glg) && sized(b.ghg);
  const bool peat = sized(b.soil) && sized(b.peat_thickness);
  const bool forest =
      sized(b.forest_species) && sized(b.forest_age) && sized(b.yield_class) && sized(b.standing_volume);
  for (std::size_t i = 0; i < n; ++i) {
    if (b.territory[i] == 0) continue;
    if (water && b.ghg[i] > b.glg[i])
      return make_violation(window, i, "ghg", 0, static_cast<double>(b.ghg[i]),
                            cat("at most glg = ", static_cast<double>(b.glg[i]),
                                " cm: the mean highest groundwater level cannot lie deeper than the mean lowest"));
    if (peat) {
      const auto soil = static_cast<model::SoilClass>(b.soil[i]);
      const double p = static_cast<double>(b.peat_thickness[i]);
      if (soil == model::SoilClass::peat && !(p >= 40))
        return make_violation(window, i, "peat_thickness", 0, p, "at least 40 cm on peat soil (soil = 5, veengrond)");
      if (soil == model::SoilClass::peaty && !(p >= 5 && p <= 40))
        return make_violation(window, i, "peat_thickness", 0, p, "5–40 cm on peaty soil (soil = 6, moerige grond)");
      if (b.soil[i] >= 1 && b.soil[i] <= 4 && p != 0)
        return make_violation(window, i, "peat_thickness", 0, p,
                              cat("0 cm on mineral soil (soil = ", static_cast<int>(b.soil[i]), ")"));
    }
    if (forest) {
      const int species = b.forest_species[i];
      const int age = b.forest_age[i];
      const int yield = b.yield_class[i];
      if (species != 0) {
        if (age < 0 || age > 300)
          return make_violation(window, i, "forest_age", 0, age,
                                cat("0–300 years where a stand grows (forest_species = ", species, ")"));
        if (yield < 1 || yield > 5)
          return make_violation(window, i, "yield_class", 0, yield,
                                cat("1–5 where a stand grows (forest_species = ", species, ")"));
      } else {
        if (age != -1)
          return make_violation(window, i, "forest_age", 0, age, "-1 where there is no stand (forest_species = 0)");
        if (yield != 0)
          return make_violation(window, i, "yield_class", 0, yield, "0 where there is no stand (forest_species = 0)");
        if (b.standing_volume[i] != 0.0F)
          return make_violation(window, i, "standing_volume", 0, static_cast<double>(b.standing_volume[i]),
                                "0 where there is no stand (forest_species = 0)");
      }
    }
  }
  return std::nullopt;
}

std::string violation_message(const std::string& path, const Violation& v) {
  const std::string year = v.map_year != 0 ? cat(" (map year ", v.map_year, ")") : "";
  return cat("input file '", path, "': variable '", v.variable, "'", year,
             " has a bad value at the cell centred on x = ", detail::metres(grid::NationalGrid::x_center(v.col)),
             " m, y = ", detail::metres(grid::NationalGrid::y_center(v.row)), " m (RD New; national row ", v.row,
             ", col ", v.col, "): value ", detail::number(v.value), ", expected ", v.expected);
}

void raise_first_error(const parallel::Comm& comm, const std::optional<std::pair<std::int64_t, std::string>>& mine) {
  constexpr std::int64_t none = std::numeric_limits<std::int64_t>::max();
  const auto keys = comm.allgather(mine ? std::min(mine->first, none - 1) : none);
  int root = -1;
  for (int r = 0; r < static_cast<int>(keys.size()); ++r) {
    const auto k = keys[static_cast<std::size_t>(r)];
    if (k != none && (root < 0 || k < keys[static_cast<std::size_t>(root)])) root = r;
  }
  if (root < 0) return;
  std::string message = comm.rank() == root ? mine->second : std::string();
  comm.broadcast(message, root);
  throw InputError(message);
}

void raise_first_violation(const parallel::Comm& comm, const std::string& path, const std::optional<Violation>& mine) {
  std::optional<std::pair<std::int64_t, std::string>> error;
  if (mine) error.emplace(mine->cell_id, violation_message(path, *mine));
  raise_first_error(comm, error);
}

}  // namespace polder::io
