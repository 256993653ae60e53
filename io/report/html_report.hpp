#pragma once
// The HTML report of an inventory: one self-contained page (inline CSS and SVG, no scripts, nothing
// fetched) with the net emissions per category and in total over the years (stacked, with an
// uncertainty band when the inventory holds /uncertainty), the land areas of table 4.1, a province
// choropleth on the real outlines, the EU accounting panel and, when a maps file is given, per-cell
// maps.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/report/province_map.hpp"
#include "solver/reporting/inventory_data.hpp"

namespace polder::io::report {

/// A per-cell map to show (the hook for the maps NetCDF that `polder run` will write: the reader of
/// that file turns each field into a picture; the page only places it).
struct MapPanel {
  std::string title;
  std::string units;
  std::string image_data_uri;  ///< "data:image/png;base64,..." or "data:image/svg+xml,..."
};

struct HtmlReportInput {
  const reporting::InventoryData& data;
  std::vector<ProvinceShape> provinces;
  std::vector<MapPanel> maps;
  std::string generator;  ///< "polder 0.1.0 (abc1234)"
  std::optional<std::int32_t> first_year, last_year;
};

std::string html_report(const HtmlReportInput& in);
/// Writes the page atomically (temporary name, then rename).
void write_html_report(const HtmlReportInput& in, const std::string& path);

}  // namespace polder::io::report
