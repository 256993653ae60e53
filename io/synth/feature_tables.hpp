#pragma once
// Reference tables of the synthetic country's geography: towns, rivers, roads, landscape zones and
// soil landscapes, in RD New metres. They are approximate positions from general geographic knowledge
// (documented in docs/synthetic-netherlands.md), used only to place the synthetic patterns where the
// real ones are; the areas themselves are calibrated to the inventory figures elsewhere.

#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "io/synth/polygon.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::io::synth {

struct CityRecord {
  std::string_view name;
  double x_m;
  double y_m;
  int population_thousands;
  int growth_class;  ///< 0 existed in 1970, 1 strong growth after 1970, 2 new town / VINEX after 1965
};

struct PolylineRecord {
  std::string_view name;
  double width_m;
  bool natural;  ///< a river (clay banks, floodplains), not a canal
  std::vector<PointM> points;
};

struct RoadRecord {
  std::string_view name;
  std::string_view towns;  ///< comma-separated names from city_table(), in route order
};

/// An elliptical landscape zone: centre, semi-axes (a along `angle_deg`, anticlockwise from east),
/// up to three zone-specific values and the year from which it applies (0: already in 1970).
struct ZoneRecord {
  std::string_view name;
  double x_m;
  double y_m;
  double a_m;
  double b_m;
  double angle_deg;
  float value[3];
  int since_year;
};

enum class SoilLandscape : std::uint8_t { sand = 0, marine_clay, river_clay, loess, organic };

struct SoilLandscapeRecord {
  std::string_view name;
  SoilLandscape kind;
  float organic_potential;         ///< 0-1 for organic landscapes
  model::SoilClass mineral_class;  ///< mineral soil where no (more) peat
  std::vector<PointM> ring;
};

const std::vector<CityRecord>& city_table();
const std::vector<PolylineRecord>& river_table();
const std::vector<RoadRecord>& motorway_table();
const std::vector<SoilLandscapeRecord>& soil_landscape_table();

const std::vector<ZoneRecord>& lake_zones();           ///< inland lakes; since = year flooded/dug
const std::vector<ZoneRecord>& wet_zones();            ///< value[0] intensity; since = year developed
const std::vector<ZoneRecord>& nature_zones();         ///< value = forest, heath, drift-sand intensity
const std::vector<ZoneRecord>& afforestation_zones();  ///< value[0] intensity; since = planting start
const std::vector<ZoneRecord>& marsh_zones();          ///< value[0] max. distance to land (m); value[1] 1 = covers land
const std::vector<ZoneRecord>& polder_zones();         ///< clay polders inside the peat district
const std::vector<ZoneRecord>& orchard_zones();        ///< value[0] intensity
const std::vector<ZoneRecord>& ridge_zones();          ///< value[0] relative height 0-1 (deep groundwater)

/// Normalised elliptical radius of a point: < 1 inside the zone.
inline double zone_radius(const ZoneRecord& z, double x_m, double y_m) {
  constexpr double k_deg = 3.14159265358979323846 / 180.0;
  const double c = std::cos(z.angle_deg * k_deg), s = std::sin(z.angle_deg * k_deg);
  const double dx = x_m - z.x_m, dy = y_m - z.y_m;
  const double u = (dx * c + dy * s) / z.a_m, v = (-dx * s + dy * c) / z.b_m;
  return std::sqrt(u * u + v * v);
}

}  // namespace polder::io::synth
