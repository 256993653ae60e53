#include "io/ingest/block_assembly.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::io::ingest {
namespace {

std::string cell_text(const grid::GridWindow& block, std::size_t i) {
  const auto row = block.row0 + static_cast<std::int32_t>(i / static_cast<std::size_t>(block.n_cols));
  const auto col = block.col0 + static_cast<std::int32_t>(i % static_cast<std::size_t>(block.n_cols));
  char buf[160];
  std::snprintf(buf, sizeof buf, "the cell centred on x = %.1f m, y = %.1f m (RD New; national row %d, col %d)",
                grid::NationalGrid::x_center(col), grid::NationalGrid::y_center(row), row, col);
  return buf;
}

std::int64_t cell_key(const grid::GridWindow& block, std::size_t i) {
  const auto row = block.row0 + static_cast<std::int32_t>(i / static_cast<std::size_t>(block.n_cols));
  const auto col = block.col0 + static_cast<std::int32_t>(i % static_cast<std::size_t>(block.n_cols));
  return grid::NationalGrid::cell_id(row, col);
}

std::string code_text(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return cat(v);
}

/// The Polder value of one source value inside the territory, or NaN (no data); unknown class codes
/// are reported.
double convert(const LayerSpec& layer, bool mapped, double v, const grid::GridWindow& block, std::size_t i,
               FirstError& error, std::int64_t key_base) {
  if (std::isnan(v) || mapped) return v;
  if (!layer.classmap) return v * layer.scale + layer.offset;
  const auto r = layer.classmap->lookup(v);
  if (r.kind == ClassMap::Kind::code) return r.value;
  if (r.kind == ClassMap::Kind::unknown)
    keep_first(error, key_base + cell_key(block, i),
               cat(layer.label(), ": source code ", code_text(v), " at ", cell_text(block, i), " is not in class map '",
                   layer.classmap->path(), "'; add '", code_text(v), " = <", layer.variable->name,
                   " class>' (or a 'default = ...' line) to the class map"));
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

void keep_first(FirstError& first, std::int64_t key, std::string message) {
  if (!first || key < first->first) first.emplace(key, std::move(message));
}

void territory_from_source(const LayerSpec& layer, bool mapped, const grid::GridWindow& block,
                           std::span<const double> source, std::span<std::uint8_t> out, FirstError& error,
                           std::int64_t key_base) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double v = convert(layer, mapped, source[i], block, i, error, key_base);
    out[i] = !std::isnan(v) && v != 0 ? 1 : 0;
  }
}

template <typename T>
void values_from_source(const LayerSpec& layer, bool mapped, const grid::GridWindow& block,
                        std::span<const double> source, std::span<const std::uint8_t> territory, std::span<T> out,
                        FirstError& error, std::int64_t key_base) {
  const VariableSpec& spec = *layer.variable;
  const auto fill = static_cast<T>(spec.fill);
  constexpr bool integer = std::numeric_limits<T>::is_integer;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = fill;
    if (territory[i] == 0) continue;
    double v = convert(layer, mapped, source[i], block, i, error, key_base);
    if (std::isnan(v)) {
      if (!layer.missing) {
        keep_first(
            error, key_base + cell_key(block, i),
            cat(layer.label(), " has no data for '", spec.name, "' at ", cell_text(block, i),
                ", which lies inside the territory; cover the territory or give 'missing = VALUE' in ", layer.where));
        continue;
      }
      v = *layer.missing;
    }
    if constexpr (integer) {
      v = std::round(v);
      if (v < static_cast<double>(std::numeric_limits<T>::min()) ||
          v > static_cast<double>(std::numeric_limits<T>::max())) {
        keep_first(error, key_base + cell_key(block, i),
                   cat(layer.label(), ": value ", v, " at ", cell_text(block, i), " does not fit '", spec.name,
                       "' (valid ", spec.valid_min, "–", spec.valid_max, ")"));
        continue;
      }
    }
    out[i] = static_cast<T>(v);
  }
}

template <typename T>
void mask_outside(const VariableSpec& spec, std::span<const std::uint8_t> territory, std::span<T> values) {
  const auto fill = static_cast<T>(spec.fill);
  for (std::size_t i = 0; i < values.size(); ++i)
    if (territory[i] == 0) values[i] = fill;
}

#define POLDER_INGEST_INSTANTIATE(T)                                                                            \
  template void values_from_source<T>(const LayerSpec&, bool, const grid::GridWindow&, std::span<const double>, \
                                      std::span<const std::uint8_t>, std::span<T>, FirstError&, std::int64_t);  \
  template void mask_outside<T>(const VariableSpec&, std::span<const std::uint8_t>, std::span<T>);
POLDER_INGEST_INSTANTIATE(std::uint8_t)
POLDER_INGEST_INSTANTIATE(std::int16_t)
POLDER_INGEST_INSTANTIATE(float)
#undef POLDER_INGEST_INSTANTIATE

}  // namespace polder::io::ingest
