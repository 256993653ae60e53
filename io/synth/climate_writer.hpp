#pragma once
// Writes the climate forcing file (polder-climate, docs/input-format.md) with NcFile: CF-1.8 on RD New,
// (scenario, year, y, x) fields and the (scenario, year) sea level. Collective; rank 0 writes the data.

#include <cstdint>
#include <string>

#include "solver/parallel/comm.hpp"

namespace polder::io::synth {

void write_climate_file(const parallel::Comm& comm, const std::string& path, std::uint64_t seed);

}  // namespace polder::io::synth
