#include "solver/ensemble/rank_correlation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "solver/core/error.hpp"

namespace polder::ensemble {
namespace {

/// Pearson correlation of two rank vectors (whose mean is (n + 1) / 2 exactly).
double rank_pearson(const std::vector<double>& rx, const std::vector<double>& ry) {
  const std::size_t n = rx.size();
  if (n < 2) return std::numeric_limits<double>::quiet_NaN();
  const double centre = 0.5 * static_cast<double>(n + 1);
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = rx[i] - centre, dy = ry[i] - centre;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx == 0.0 || syy == 0.0) return std::numeric_limits<double>::quiet_NaN();
  return sxy / std::sqrt(sxx * syy);
}

std::vector<double> column(std::span<const double> table, std::size_t columns, std::size_t c) {
  std::vector<double> out(table.size() / columns);
  for (std::size_t m = 0; m < out.size(); ++m) out[m] = table[m * columns + c];
  return out;
}

}  // namespace

std::vector<double> midranks(std::span<const double> x) {
  const std::size_t n = x.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(n);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j + 1 < n && x[order[j + 1]] == x[order[i]]) ++j;
    const double mean_rank = 0.5 * static_cast<double>(i + j) + 1.0;  // ranks i+1 .. j+1
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = mean_rank;
    i = j + 1;
  }
  return r;
}

double spearman(std::span<const double> x, std::span<const double> y) {
  POLDER_VERIFY(x.size() == y.size(), "spearman of ", x.size(), " and ", y.size(), " values");
  return rank_pearson(midranks(x), midranks(y));
}

std::vector<double> sensitivity(std::span<const double> outputs, std::size_t output_count,
                                std::span<const double> parameters, std::size_t parameter_count) {
  POLDER_VERIFY(output_count > 0 && parameter_count > 0 && outputs.size() % output_count == 0 &&
                    parameters.size() % parameter_count == 0 &&
                    outputs.size() / output_count == parameters.size() / parameter_count,
                "sensitivity tables do not have the same members");
  std::vector<std::vector<double>> parameter_ranks(parameter_count);
  for (std::size_t p = 0; p < parameter_count; ++p)
    parameter_ranks[p] = midranks(column(parameters, parameter_count, p));
  std::vector<double> out(output_count * parameter_count);
  for (std::size_t k = 0; k < output_count; ++k) {
    const auto rk = midranks(column(outputs, output_count, k));
    for (std::size_t p = 0; p < parameter_count; ++p)
      out[k * parameter_count + p] = rank_pearson(rk, parameter_ranks[p]);
  }
  return out;
}

}  // namespace polder::ensemble
