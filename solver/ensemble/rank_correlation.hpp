#pragma once
// Sensitivity of the outputs to the sampled parameters: Spearman's rank correlation over the members
// (the Pearson correlation of the ranks, ties given their mean rank), as FullCAM and most inventory
// Monte Carlo tools report it. Robust to the non-normal, bounded distributions of the draws, and blind
// to monotone transformations, so a parameter's effect is measured whatever its unit.

#include <cstddef>
#include <span>
#include <vector>

namespace polder::ensemble {

/// Ranks 1..n of x, ties sharing the mean of the ranks they span ("midranks").
std::vector<double> midranks(std::span<const double> x);

/// Spearman's rho of two equally long series; NaN if shorter than 2 or either is constant.
double spearman(std::span<const double> x, std::span<const double> y);

/// Rank correlation of every output with every parameter. `outputs` is row-major [member][k] with
/// `output_count` columns, `parameters` row-major [member][p] with `parameter_count` columns, the same
/// members in the same order. Returns row-major [k][p].
std::vector<double> sensitivity(std::span<const double> outputs, std::size_t output_count,
                                std::span<const double> parameters, std::size_t parameter_count);

}  // namespace polder::ensemble
