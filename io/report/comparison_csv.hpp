#pragma once
// `polder compare --csv FILE`: the comparison as one tidy CSV file, one row per run, year and category
// (or CRT row): run,file,year,code,category,net_kt_co2e,difference_kt_co2e. The base's difference is 0.

#include <string>

#include "solver/reporting/run_comparison.hpp"

namespace polder::io::report {

/// The CSV text; numbers with ten significant digits, as the report's CSV folder writes them.
std::string comparison_csv(const reporting::Comparison& c);

/// Writes it to `path` under a temporary name, renamed when complete.
void write_comparison_csv(const reporting::Comparison& c, const std::string& path);

}  // namespace polder::io::report
