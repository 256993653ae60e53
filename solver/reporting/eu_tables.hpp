#pragma once
// The EU accounting as report tables: every term of /eu_accounting with its value, status, legal
// source and formula (one block per period), and the annual series by accounting category.

#include "solver/reporting/report_table.hpp"
#include "solver/reporting/table_context.hpp"

namespace polder::reporting {

/// True if the inventory holds /eu_accounting (files written before it existed do not).
bool has_eu_accounting(const InventoryData& data);
ReportTable eu_terms_table(const TableContext& c);
ReportTable eu_annual_table(const TableContext& c);
/// The status text of a term: "complete", or what it lacks ("missing years 2026-2029"), and any
/// unverified parameter it uses.
std::string eu_status_text(const Dataset& term);

}  // namespace polder::reporting
