#pragma once
// A table of a report in the layout of the UNFCCC CRT (or of Polder's own summaries): column groups
// and columns, then blocks of rows (one block per year, or one per section). The workbook, the CSV
// folder, the terminal and the HTML page all draw from this one shape.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace polder::reporting {

struct ReportCell {
  double value = std::numeric_limits<double>::quiet_NaN();
  std::string text;  ///< a notation key (NE, NO, IE, NA) or a word; empty for a number

  static ReportCell number(double v) { return ReportCell{v, {}}; }
  static ReportCell key(std::string k) { return ReportCell{std::numeric_limits<double>::quiet_NaN(), std::move(k)}; }
  bool is_number() const { return text.empty(); }
  bool is_missing() const { return text.empty() && std::isnan(value); }
};

struct ReportRow {
  std::string code;   ///< CRT code ("4.A.1"), a year, or a term key
  std::string label;  ///< what the row is
  int level = 0;      ///< indentation in the CRT layout (0 total, 1 sub-category, 2 conversion)
  std::vector<ReportCell> cells;
};

struct ReportBlock {
  std::int32_t year = 0;  ///< the year of a per-year block; 0 for other blocks
  std::string title;      ///< heading of a block that is not a year
  std::vector<ReportRow> rows;
};

struct ColumnGroup {
  std::string title;
  std::size_t span = 1;
};

struct ReportTable {
  std::string key;    ///< the name --table takes ("4.A", "summary")
  std::string sheet;  ///< worksheet name (<= 31 characters)
  std::string file;   ///< CSV file name without .csv
  std::string title;
  std::string units;  ///< what the values are in, for the heading
  std::string note;   ///< notation keys and approximations, printed under the table
  std::string code_header = "code";
  std::string label_header = "category";
  std::vector<ColumnGroup> groups;       ///< optional header row above the columns
  std::vector<std::string> columns;      ///< column headings, with units
  std::vector<std::string> csv_columns;  ///< the same as tidy names (snake_case, unit suffix)
  std::vector<ReportBlock> blocks;
  bool year_rows = false;  ///< the rows are years (a time series), one block
};

}  // namespace polder::reporting
