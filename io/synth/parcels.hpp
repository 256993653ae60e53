#pragma once
// The field pattern of the synthetic country: long, narrow parcels (150 m x 800 m, the proportions of
// Dutch polder and reclamation parcels) in 10 km blocks whose orientation alternates at random, and
// forest stands (75 m x 250 m compartments) on the same principle. A parcel's crop and a stand's species
// are drawn once per parcel/stand, so classes form fields instead of salt-and-pepper noise.

#include <cstdint>

#include "io/synth/noise.hpp"

namespace polder::io::synth {

struct Cell {
  std::int32_t row;
  std::int32_t col;
};

/// Floor division for possibly negative numerators.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

struct ParcelInfo {
  std::uint64_t id;     ///< hash of the parcel
  std::uint64_t strip;  ///< hash of the strip (row of parcels) it lies in
  bool edge_across;     ///< on the long edge of the parcel (first cell across the strip)
  bool edge_along;      ///< on the short edge
};

/// Parcel of a cell for a pattern with the given strip width and parcel length (cells) and stream.
inline ParcelInfo parcel_of(std::uint64_t seed, std::uint64_t stream, Cell cell, std::int32_t width_cells,
                            std::int32_t length_cells) {
  constexpr std::int32_t k_block = 400;  // 10 km blocks with one orientation each
  const std::int64_t br = floor_div(cell.row, k_block), bc = floor_div(cell.col, k_block);
  const bool along_rows = (hash64(seed, stream, br, bc) & 1U) != 0U;
  const std::int64_t u = along_rows ? cell.row : cell.col;  // across the strips
  const std::int64_t v = along_rows ? cell.col : cell.row;  // along the strips
  const std::int64_t strip = floor_div(u, width_cells);
  const std::uint64_t strip_hash = hash64(seed, stream + 1, strip, along_rows ? bc : br);
  const auto offset = static_cast<std::int64_t>(strip_hash % static_cast<std::uint64_t>(length_cells));
  const std::int64_t seg = floor_div(v + offset, length_cells);
  ParcelInfo p;
  p.id = hash64(seed, stream + 2, strip * 2 + (along_rows ? 1 : 0), seg);
  p.strip = strip_hash;
  p.edge_across = u - strip * width_cells == 0;
  p.edge_along = v + offset - seg * length_cells == 0;
  return p;
}

}  // namespace polder::io::synth
