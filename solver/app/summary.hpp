#pragma once
// The readable summary printed at the end of `polder run` and by `polder report`.

#include <ostream>
#include <vector>

#include "io/hdf5/inventory_writer.hpp"
#include "solver/model/year_totals.hpp"

namespace polder::app {

void print_run_summary(std::ostream& out, const std::vector<model::YearTotals>& years, const io::Provenance& prov);

}  // namespace polder::app
