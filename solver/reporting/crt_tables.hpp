#pragma once
// The UNFCCC CRT tables of sector 4 in their row and column layout (decision 5/CMA.3 CRT; see
// docs/reporting.md): Table 4 (sectoral report), 4.1 (land transition matrix), 4.A-4.F (carbon stock
// changes per land category), 4(I)-4(V) and 4.G (harvested wood products). Values the engine does not
// estimate carry the notation key NE, never a zero.

#include "solver/reporting/report_table.hpp"
#include "solver/reporting/table_context.hpp"

namespace polder::reporting {

ReportTable table_4(const TableContext& c);
ReportTable table_4_1(const TableContext& c);
/// Tables 4.A ... 4.F; `category` 0..5.
ReportTable table_land_category(const TableContext& c, int category);
ReportTable table_4_I(const TableContext& c);
ReportTable table_4_II(const TableContext& c);
ReportTable table_4_III(const TableContext& c);
ReportTable table_4_IV(const TableContext& c);
ReportTable table_4_V(const TableContext& c);
ReportTable table_4_G(const TableContext& c);

}  // namespace polder::reporting
