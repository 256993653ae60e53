#pragma once
// `polder synth` as a library: builds the national geography, calibrates the thresholds on the national
// sample (collective), then generates any window of the national grid and writes it as an input stack
// through io::StackWriter. A cell's values depend only on (seed, national cell id): generating a
// province window, the whole country, on any number of ranks or threads, gives the same bits.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/netcdf/stack_schema.hpp"
#include "io/synth/coastal_model.hpp"
#include "io/synth/region.hpp"
#include "io/synth/synth_block.hpp"
#include "io/synth/thresholds.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io::synth {

inline constexpr std::uint64_t k_default_seed = 20261128;

class Synthesizer {
 public:
  /// Collective over `comm`: geography, national sample, calibration and the seagrass meadow.
  Synthesizer(const parallel::Comm& comm, std::uint64_t seed);

  std::uint64_t seed() const { return m_model.seed(); }
  const Thresholds& thresholds() const { return m_thresholds; }
  const DriverModel& model() const { return m_model; }
  const SeagrassMeadow& seagrass() const { return *m_seagrass; }
  /// Lines describing the calibration (targets vs. sample), for the log.
  const std::vector<std::string>& calibration_report() const { return m_report; }

  /// Fills every layer of `window` (not collective; OpenMP over 256 x 256 blocks). With
  /// `region_province` > 0 only that province's cells are territory; the rest hold fill values.
  void generate(const grid::GridWindow& window, int region_province, SynthBlock& out) const;

  /// Collective: writes the input stack of `region` over its window to `path`.
  void write_stack(const parallel::Comm& comm, const std::string& path, const Region& region,
                   const grid::GridWindow& window) const;

 private:
  DriverModel m_model;
  std::vector<std::string> m_report;
  Thresholds m_thresholds;
  std::unique_ptr<SeagrassMeadow> m_seagrass;
};

}  // namespace polder::io::synth
