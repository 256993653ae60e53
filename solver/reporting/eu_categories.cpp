#include "solver/reporting/eu_categories.hpp"

namespace polder::reporting {
namespace {

constexpr int k_forest = model::index(model::LandCategory::forest);
constexpr int k_cropland = model::index(model::LandCategory::cropland);
constexpr int k_grassland = model::index(model::LandCategory::grassland);
constexpr int k_wetlands = model::index(model::LandCategory::wetlands);

}  // namespace

AccountingCategory accounting_category_of_row(int row) {
  const int to = model::row_to(row), from = model::row_from(row);
  if (to == k_forest)
    return from == k_forest ? AccountingCategory::managed_forest_land : AccountingCategory::afforested_land;
  if (from == k_forest) return AccountingCategory::deforested_land;
  // Land converted to cropland or grassland counts where it goes; cropland and grassland converted to
  // wetlands, settlements or other land stay with where they came from (Art. 2(1)(c), (d)).
  if (to == k_cropland) return AccountingCategory::managed_cropland;
  if (to == k_grassland) return AccountingCategory::managed_grassland;
  if (from == k_cropland) return AccountingCategory::managed_cropland;
  if (from == k_grassland) return AccountingCategory::managed_grassland;
  // What is left: wetlands, settlements and other land among themselves (Art. 2(1)(f) for wetlands).
  if (to == k_wetlands || from == k_wetlands) return AccountingCategory::managed_wetland;
  return AccountingCategory::not_accounted;
}

HwpOrigin hwp_origin_of_row(int row) {
  switch (accounting_category_of_row(row)) {
    case AccountingCategory::managed_forest_land:
      return HwpOrigin::managed_forest_land;
    case AccountingCategory::afforested_land:
      return HwpOrigin::afforested_land;
    default:
      return HwpOrigin::other_land;
  }
}

}  // namespace polder::reporting
