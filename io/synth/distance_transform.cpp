#include "io/synth/distance_transform.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "solver/parallel/tile_loop.hpp"

namespace polder::io::synth {
namespace {

constexpr double k_infinity = 1.0e20;

/// 1-D squared-distance transform of f (lower envelope of parabolas, FH 2012 Algorithm 1); arg[q]
/// receives the minimising position, -1 if every f is infinite.
void transform_1d(const std::vector<double>& f, std::vector<double>& d, std::vector<std::int32_t>& arg,
                  std::vector<std::int32_t>& v, std::vector<double>& z) {
  const auto n = static_cast<std::int32_t>(f.size());
  const auto at = [](auto& vec, std::int32_t i) -> auto& { return vec[static_cast<std::size_t>(i)]; };
  const auto intersect = [&](std::int32_t q, std::int32_t p) {
    return ((at(f, q) + double(q) * q) - (at(f, p) + double(p) * p)) / (2.0 * (q - p));
  };
  std::int32_t k = -1;
  for (std::int32_t q = 0; q < n; ++q) {
    if (at(f, q) >= k_infinity) continue;
    if (k < 0) {
      k = 0;
      at(v, 0) = q;
      at(z, 0) = -k_infinity;
      at(z, 1) = k_infinity;
      continue;
    }
    double s = intersect(q, at(v, k));
    while (s <= at(z, k)) {
      --k;
      s = intersect(q, at(v, k));
    }
    ++k;
    at(v, k) = q;
    at(z, k) = s;
    at(z, k + 1) = k_infinity;
  }
  if (k < 0) {
    for (std::int32_t q = 0; q < n; ++q) {
      at(d, q) = k_infinity;
      at(arg, q) = -1;
    }
    return;
  }
  std::int32_t j = 0;
  for (std::int32_t q = 0; q < n; ++q) {
    while (at(z, j + 1) < q) ++j;
    const std::int32_t p = at(v, j);
    at(d, q) = double(q - p) * (q - p) + at(f, p);
    at(arg, q) = p;
  }
}

}  // namespace

DistanceField distance_transform(std::int32_t n_rows, std::int32_t n_cols, const std::vector<std::uint8_t>& seed) {
  const auto nr = static_cast<std::size_t>(n_rows), nc = static_cast<std::size_t>(n_cols);
  // Pass 1 along columns: squared distance to the nearest seed in the same column, and its row.
  // Columns (then rows) are independent: chunks of them run on the OpenMP threads.
  constexpr std::size_t k_chunk = 64;
  std::vector<double> col_d(nr * nc);
  std::vector<std::int32_t> col_arg(nr * nc);
  parallel::for_each_tile((nc + k_chunk - 1) / k_chunk, [&](std::size_t chunk) {
    std::vector<double> f(nr), d(nr), z(nr + 1);
    std::vector<std::int32_t> arg(nr), v(nr);
    for (std::size_t c = chunk * k_chunk; c < std::min(nc, (chunk + 1) * k_chunk); ++c) {
      for (std::size_t r = 0; r < nr; ++r) f[r] = seed[r * nc + c] != 0 ? 0.0 : k_infinity;
      transform_1d(f, d, arg, v, z);
      for (std::size_t r = 0; r < nr; ++r) {
        col_d[r * nc + c] = d[r];
        col_arg[r * nc + c] = arg[r];
      }
    }
  });
  // Pass 2 along rows over the column results.
  DistanceField out;
  out.n_rows = n_rows;
  out.n_cols = n_cols;
  out.distance.assign(nr * nc, std::numeric_limits<float>::max());
  out.nearest.assign(nr * nc, -1);
  parallel::for_each_tile((nr + k_chunk - 1) / k_chunk, [&](std::size_t chunk) {
    std::vector<double> f(nc), d(nc), z(nc + 1);
    std::vector<std::int32_t> arg(nc), v(nc);
    for (std::size_t r = chunk * k_chunk; r < std::min(nr, (chunk + 1) * k_chunk); ++r) {
      for (std::size_t c = 0; c < nc; ++c) f[c] = col_d[r * nc + c];
      transform_1d(f, d, arg, v, z);
      for (std::size_t c = 0; c < nc; ++c) {
        if (arg[c] < 0) continue;
        const std::size_t src = r * nc + static_cast<std::size_t>(arg[c]);
        out.distance[r * nc + c] = static_cast<float>(std::sqrt(d[c]));
        out.nearest[r * nc + c] = col_arg[src] * n_cols + arg[c];
      }
    }
  });
  return out;
}

}  // namespace polder::io::synth
