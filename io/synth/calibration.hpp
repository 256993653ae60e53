#pragma once
// Calibration of the synthetic country: the thresholds that make the national areas hit their targets
// (CRT 4.1 per category and map year, plus the documented sub-class assumptions). It ranks the drivers
// of a fixed national sample (one cell per 4 x 4 block, one sample per hectare) with exact
// integer histograms summed over the ranks, so the thresholds are the same whatever the region, the
// rank count or the thread count.

#include <cstdint>
#include <string>
#include <vector>

#include "io/synth/cell_drivers.hpp"
#include "io/synth/thresholds.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io::synth {

/// The national sample: one cell per 4 x 4 block (one sample per hectare), at a position drawn per
/// block, so periodic line features are sampled without bias.
inline constexpr std::int32_t k_sample_step = 4;
inline constexpr std::uint64_t k_sample_stream = 900;
Cell sample_cell(std::uint64_t seed, std::int32_t block_row, std::int32_t block_col);

/// Drivers of this rank's share of the national sample (national tiles dealt round-robin over ranks).
std::vector<CellDrivers> collect_samples(const DriverModel& model, const parallel::Comm& comm);

/// Collective: finds every threshold from the samples of all ranks. `report` receives one line per
/// calibrated quantity (target vs. sample estimate) for the log.
Thresholds calibrate(const std::vector<CellDrivers>& samples, const parallel::Comm& comm,
                     std::vector<std::string>* report = nullptr);

}  // namespace polder::io::synth
