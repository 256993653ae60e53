#pragma once
// The tables `polder report` can write, what filters each can apply, and which go into the workbook,
// the CSV folder and the HTML page. A table asked for by name refuses a filter it cannot apply
// (ConfigError); when all tables are written, the ones that cannot apply a filter are left out and
// named.

#include <string>
#include <vector>

#include "solver/reporting/inventory_data.hpp"
#include "solver/reporting/report_filter.hpp"
#include "solver/reporting/report_table.hpp"

namespace polder::reporting {

struct TableEntry {
  std::string key;
  std::string summary;
  bool years = true;      ///< applies a year range
  bool category = false;  ///< applies --category
  bool province = false;  ///< applies --province
  bool per_year_blocks = false;
  bool in_workbook = false;  ///< part of --xlsx / --csv / --html when no --table is given
  int only_category = -1;    ///< a table of one category (4.A ...): --category must match it
};

const std::vector<TableEntry>& report_catalogue();
/// The keys of all tables, for --help and messages.
std::string report_table_keys();

struct ReportSelection {
  std::vector<std::string> keys;  ///< empty: every table of the workbook
  ReportFilter filter;
};

struct BuiltReport {
  std::vector<ReportTable> tables;
  std::vector<std::string> left_out;  ///< tables of the workbook that could not apply a filter
};

/// Builds the selected tables. ConfigError for an unknown key (with the list of keys) or a filter an
/// explicitly named table cannot apply; InputError when the EU accounting is asked for explicitly and
/// the run covers none of its periods (or the file has none).
BuiltReport build_report(const InventoryData& data, const ReportSelection& selection);

}  // namespace polder::reporting
