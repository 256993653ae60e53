#pragma once
// `polder info` text for input stacks and climate files: what the file is, its grid and window, its
// variables, and the areas per land-use class (per map year), CRT category, soil class and province.
// Collective over the file's Comm (cell data are read in row blocks shared out over the ranks);
// rank 0 prints.

#include <ostream>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/nc_file.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io::render {

void describe_stack(const NcFile& file, const StackInfo& info, const parallel::Comm& comm, std::ostream& out);

void describe_climate(const NcFile& file, const ClimateInfo& info, const parallel::Comm& comm, std::ostream& out);

}  // namespace polder::io::render
