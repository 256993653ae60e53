#pragma once
// Report tables as text: the terminal layout and `--format csv` on standard output (the shapes
// `polder report` has always printed), and tidy CSV (one header row, one row per observation) for
// the CSV folder.

#include <ostream>
#include <string>
#include <vector>

#include "solver/reporting/report_table.hpp"

namespace polder::io::report {

/// The terminal table (`csv` false) or the commented CSV of `--format csv`.
void print_table(std::ostream& out, const reporting::ReportTable& t, bool csv);

/// Tidy CSV: header "year,code,label,<csv_columns>" (year only for per-year tables, section for
/// sectioned ones); notation keys and missing values are written as text (NE, NO, missing).
std::string tidy_csv(const reporting::ReportTable& t);

/// Writes each table as <dir>/<file>.csv, atomically as one folder.
void write_csv_folder(const std::vector<reporting::ReportTable>& tables, const std::string& dir);

}  // namespace polder::io::report
