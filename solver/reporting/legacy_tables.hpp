#pragma once
// The terminal tables `polder report` has always printed (summary, gases, crt, provinces, transitions,
// organic, fire, hwp, diagnostics), kept with their titles and columns so scripts that read them
// (jobs/slurm/gather_scenarios.sbatch, tests) keep working; now built from the same inventory data
// and filters as the CRT tables.

#include <vector>

#include "solver/reporting/report_table.hpp"
#include "solver/reporting/table_context.hpp"

namespace polder::reporting {

std::vector<ReportTable> legacy_summary(const TableContext& c);
std::vector<ReportTable> legacy_gases(const TableContext& c);
std::vector<ReportTable> legacy_crt(const TableContext& c);
std::vector<ReportTable> legacy_provinces(const TableContext& c);
std::vector<ReportTable> legacy_transitions(const TableContext& c);
std::vector<ReportTable> legacy_organic(const TableContext& c);
std::vector<ReportTable> legacy_fire(const TableContext& c);
std::vector<ReportTable> legacy_hwp(const TableContext& c);
std::vector<ReportTable> legacy_diagnostics(const TableContext& c);

}  // namespace polder::reporting
