#pragma once
// The land accounting categories of Regulation (EU) 2018/841 Art. 2(1) for 2021-2025, and which CRT row
// belongs to which, as the reporting template of Implementing Regulation (EU) 2020/1208 Annex XX
// (Table 1a) maps them:
//   (a) afforested land       cropland, grassland, wetlands, settlements, other land -> forest land  4.A.2.x
//   (b) deforested land       forest land -> any other category                     4.B.2.1 ... 4.F.2.1
//   (c) managed cropland      cropland remaining; grassland/wetlands/settlements/other land -> cropland;
//                             cropland -> wetlands, settlements, other land
//   (d) managed grassland     grassland remaining; cropland/wetlands/settlements/other land -> grassland;
//                             grassland -> wetlands, settlements, other land
//   (e) managed forest land   forest land remaining forest land                      4.A.1
//   (f) managed wetland       wetlands remaining; settlements/other land -> wetlands;
//                             wetlands -> settlements, other land (2021-2025 only if the Member State chose it)
// Settlements and other land remaining (and converted between each other) are not accounted in 2021-2025.

#include <array>
#include <cstddef>
#include <string_view>

#include "solver/model/crt_category.hpp"

namespace polder::reporting {

enum class AccountingCategory : int {
  afforested_land = 0,
  deforested_land,
  managed_cropland,
  managed_grassland,
  managed_forest_land,
  managed_wetland,
  not_accounted
};
inline constexpr int k_accounting_categories = 6;
inline constexpr std::array<std::string_view, k_accounting_categories> k_accounting_category_keys = {
    "afforested_land",   "deforested_land",     "managed_cropland",
    "managed_grassland", "managed_forest_land", "managed_wetland"};
inline constexpr std::array<std::string_view, k_accounting_categories> k_accounting_category_names = {
    "Afforested land",   "Deforested land",     "Managed cropland",
    "Managed grassland", "Managed forest land", "Managed wetland"};
inline constexpr std::string_view k_not_accounted = "not accounted";

constexpr int index(AccountingCategory c) { return static_cast<int>(c); }

/// The accounting category of CRT row `row` (to x 6 + from), Art. 2(1).
AccountingCategory accounting_category_of_row(int row);

/// Where the wood in the HWP pools was harvested: Art. 9(1) accounts HWP from afforested land and from
/// managed forest land; wood from other land (clearing at deforestation, trees outside forest) stays
/// in 4.G but in no 2021-2025 account.
enum class HwpOrigin : int { managed_forest_land = 0, afforested_land, other_land };
inline constexpr int k_hwp_origins = 3;
inline constexpr std::array<std::string_view, k_hwp_origins> k_hwp_origin_keys = {"managed_forest_land",
                                                                                  "afforested_land", "other_land"};
HwpOrigin hwp_origin_of_row(int row);
constexpr std::size_t index_of_origin(HwpOrigin o) { return static_cast<std::size_t>(o); }

}  // namespace polder::reporting
