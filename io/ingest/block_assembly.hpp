#pragma once
// Turning source values on one block into stack values: class mapping, scale/offset, territory mask,
// missing data and type range. Errors are collected (first per rank, keyed by cell order) rather than
// thrown, so every rank still makes its collective writes and the error is raised together.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "io/ingest/ingest_config.hpp"
#include "solver/grid/grid_window.hpp"

namespace polder::io::ingest {

/// The first error a rank met: (key, message); lower keys win over all ranks.
using FirstError = std::optional<std::pair<std::int64_t, std::string>>;
void keep_first(FirstError& first, std::int64_t key, std::string message);

/// Territory flags (0/1) from a layer's source values: NaN and 0 are outside, anything else inside
/// (after the layer's class map, if any).
void territory_from_source(const LayerSpec& layer, bool mapped, const grid::GridWindow& block,
                           std::span<const double> source, std::span<std::uint8_t> out, FirstError& error,
                           std::int64_t key_base);

/// Stack values of `layer`'s variable from its source values. Outside the territory: the fill value.
template <typename T>
void values_from_source(const LayerSpec& layer, bool mapped, const grid::GridWindow& block,
                        std::span<const double> source, std::span<const std::uint8_t> territory, std::span<T> out,
                        FirstError& error, std::int64_t key_base);

/// Base-stack values cropped to the block: outside the territory the fill value, inside unchanged.
template <typename T>
void mask_outside(const VariableSpec& spec, std::span<const std::uint8_t> territory, std::span<T> values);

}  // namespace polder::io::ingest
