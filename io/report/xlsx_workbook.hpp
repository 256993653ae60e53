#pragma once
// Writes report tables as an Excel workbook with libxlsxwriter: a cover sheet, then one sheet per
// table in the CRT layout (title, column groups, column headings, then one block of rows per year with
// CRT codes and indented labels). Written under a temporary name and renamed when complete.

#include <string>
#include <utility>
#include <vector>

#include "solver/reporting/report_table.hpp"

namespace polder::io::report {

struct WorkbookCover {
  std::string title;                                       ///< first line of the cover sheet
  std::vector<std::pair<std::string, std::string>> facts;  ///< key/value lines (file, run, version, ...)
};

void write_workbook(const std::vector<reporting::ReportTable>& tables, const WorkbookCover& cover,
                    const std::string& path);

}  // namespace polder::io::report
