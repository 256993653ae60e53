#pragma once
// The UNFCCC CRT land categories of sector 4 (LULUCF) as Polder indexes them.

#include <array>
#include <cstdint>
#include <string_view>

namespace polder::model {

/// The six IPCC land categories (4.A–4.F). HWP (4.G) is not land; it has its own index below.
enum class LandCategory : std::uint8_t {
  forest = 0,
  cropland = 1,
  grassland = 2,
  wetlands = 3,
  settlements = 4,
  other_land = 5
};
inline constexpr int k_land_categories = 6;

/// Reporting categories of the CRT summary: 4.A … 4.F plus 4.G harvested wood products.
inline constexpr int k_crt_categories = 7;
inline constexpr int k_crt_hwp = 6;
inline constexpr std::array<std::string_view, k_crt_categories> k_crt_codes = {"4.A", "4.B", "4.C", "4.D",
                                                                               "4.E", "4.F", "4.G"};
inline constexpr std::array<std::string_view, k_crt_categories> k_crt_names = {
    "Forest land", "Cropland", "Grassland", "Wetlands", "Settlements", "Other land", "Harvested wood products"};
inline constexpr std::array<std::string_view, k_land_categories> k_land_category_names = {
    "forest", "cropland", "grassland", "wetlands", "settlements", "other_land"};

constexpr int index(LandCategory c) { return static_cast<int>(c); }

/// CRT sub-category row: final category `to`, previous category `from` (same = "remaining").
/// Rows are numbered to * 6 + from, so 4.A.1 (forest remaining forest) is row 0 and
/// 4.A.2.1 (cropland converted to forest) is row 1.
inline constexpr int k_conversion_rows = k_land_categories * k_land_categories;
constexpr int conversion_row(int to, int from) { return to * k_land_categories + from; }
constexpr int row_to(int row) { return row / k_land_categories; }
constexpr int row_from(int row) { return row % k_land_categories; }

/// IPCC default transition period for land converted to another category, in years.
inline constexpr int k_ipcc_transition_years = 20;

}  // namespace polder::model
