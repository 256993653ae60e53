#pragma once
// Hilbert-curve index of a point on a 2^order x 2^order grid. Used to order tiles so that a
// contiguous run of tiles is spatially compact (few neighbours on other ranks).

#include <cstdint>

namespace polder::grid {

/// Distance along the Hilbert curve of (x, y), both in [0, 2^order). Classic rotate-and-flip form.
constexpr std::uint64_t hilbert_index(std::uint32_t order, std::uint32_t x, std::uint32_t y) {
  const std::uint32_t n = std::uint32_t{1} << order;
  std::uint64_t d = 0;
  for (std::uint32_t s = n / 2; s > 0; s /= 2) {
    const std::uint32_t rx = (x & s) ? 1U : 0U;
    const std::uint32_t ry = (y & s) ? 1U : 0U;
    d += std::uint64_t{s} * s * ((3U * rx) ^ ry);
    if (ry == 0) {  // rotate the quadrant so the curve stays continuous
      if (rx == 1) {
        x = n - 1 - x;
        y = n - 1 - y;
      }
      const std::uint32_t t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

}  // namespace polder::grid
