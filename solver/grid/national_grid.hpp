#pragma once
// The fixed national 25 m grid in RD New (EPSG:28992). Every input, output and run shares it, so a
// cell index means the same place everywhere. Rows count from the north edge (row 0 holds the cells
// just below y = 640 000 m), columns from the west edge (x = 0 m): north-up, as GIS tools expect.

#include <cstdint>

namespace polder::grid {

struct NationalGrid {
  static constexpr double cell_size_m = 25.0;
  static constexpr double x_min_m = 0.0;         ///< west edge
  static constexpr double y_max_m = 640000.0;    ///< north edge
  static constexpr std::int32_t n_cols = 11400;  ///< 285 km
  static constexpr std::int32_t n_rows = 13600;  ///< 340 km, south edge y = 300 000 m
  static constexpr double x_max_m = x_min_m + n_cols * cell_size_m;
  static constexpr double y_min_m = y_max_m - n_rows * cell_size_m;
  static constexpr double cell_area_ha = cell_size_m * cell_size_m / 10000.0;  // 0.0625 ha
  static constexpr std::int64_t n_cells = std::int64_t{n_cols} * n_rows;

  /// RD x of the centre of column `col`, in metres.
  static constexpr double x_center(std::int32_t col) { return x_min_m + (col + 0.5) * cell_size_m; }
  /// RD y of the centre of row `row`, in metres.
  static constexpr double y_center(std::int32_t row) { return y_max_m - (row + 0.5) * cell_size_m; }
  /// Global cell id, stable across runs: row-major over the national grid.
  static constexpr std::int64_t cell_id(std::int32_t row, std::int32_t col) { return std::int64_t{row} * n_cols + col; }
};

/// EPSG:28992 as OGC WKT 1, written into every CF `grid_mapping` variable (GDAL reads `spatial_ref`).
inline constexpr const char* k_rd_new_wkt =
    R"(PROJCS["Amersfoort / RD New",GEOGCS["Amersfoort",DATUM["Amersfoort",SPHEROID["Bessel 1841",)"
    R"(6377397.155,299.1528128,AUTHORITY["EPSG","7004"]],TOWGS84[565.417,50.3319,465.552,-0.398957,)"
    R"(0.343988,-1.8774,4.0725],AUTHORITY["EPSG","6289"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],)"
    R"(UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4289"]],)"
    R"(PROJECTION["Oblique_Stereographic"],PARAMETER["latitude_of_origin",52.1561605555556],)"
    R"(PARAMETER["central_meridian",5.38763888888889],PARAMETER["scale_factor",0.9999079],)"
    R"(PARAMETER["false_easting",155000],PARAMETER["false_northing",463000],UNIT["metre",1,)"
    R"(AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","28992"]])";

inline constexpr const char* k_rd_new_proj4 =
    "+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 "
    "+y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 "
    "+units=m +no_defs";

}  // namespace polder::grid
