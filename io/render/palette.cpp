#include "io/render/palette.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "solver/model/forest_species.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/province.hpp"

namespace polder::io::render {
namespace {

std::vector<ClassStyle> land_use_palette() {
  // In the manner of LGN/BKN maps.
  const Rgb colours[] = {
      {0, 0, 0},        // none (unused)
      {20, 110, 40},    // forest
      {95, 160, 70},    // trees outside forest
      {170, 215, 110},  // agricultural grassland
      {205, 230, 150},  // nature grassland
      {180, 100, 170},  // heath
      {110, 170, 150},  // reed marsh
      {245, 228, 170},  // sand and dunes
      {245, 205, 80},   // arable
      {225, 140, 60},   // orchard
      {200, 45, 45},    // built-up
      {95, 95, 95},     // infrastructure
      {150, 200, 150},  // urban green
      {95, 160, 225},   // inland water
      {35, 85, 165},    // coastal water
      {195, 190, 165},  // intertidal flat
      {140, 175, 60},   // salt marsh
      {25, 135, 125},   // seagrass
  };
  std::vector<ClassStyle> out;
  for (int c = 1; c < model::k_land_use_classes; ++c)
    out.push_back({c, colours[c], std::string(model::k_land_use_info[static_cast<std::size_t>(c)].label)});
  return out;
}

std::vector<ClassStyle> soil_palette() {
  return {{0, {150, 190, 230}, "No soil (water)"},
          {1, {240, 215, 130}, "Sand"},
          {2, {120, 175, 110}, "Marine clay"},
          {3, {175, 200, 90}, "River clay"},
          {4, {215, 175, 120}, "Loess"},
          {5, {110, 70, 40}, "Peat (veengrond)"},
          {6, {175, 125, 80}, "Peaty (moerige grond)"}};
}

std::vector<ClassStyle> province_palette() {
  const Rgb colours[] = {{0, 0, 0},       {141, 211, 199}, {255, 255, 179}, {190, 186, 218}, {251, 128, 114},
                         {128, 177, 211}, {253, 180, 98},  {179, 222, 105}, {252, 205, 229}, {188, 128, 189},
                         {204, 235, 197}, {255, 237, 111}, {217, 217, 217}};
  std::vector<ClassStyle> out;
  for (int p = 1; p <= model::k_provinces; ++p)
    out.push_back({p, colours[p], std::string(model::k_province_names[static_cast<std::size_t>(p)])});
  return out;
}

std::vector<ClassStyle> species_palette() {
  const Rgb colours[] = {{225, 225, 215}, {30, 100, 60},  {10, 70, 90},   {60, 130, 110},  {150, 170, 60},
                         {140, 90, 30},   {200, 120, 40}, {230, 200, 90}, {170, 210, 120}, {110, 160, 70}};
  const char* labels[] = {"No stand", "Scots pine", "Douglas fir", "Spruce", "Larch",
                          "Oak",      "Beech",      "Birch",       "Poplar", "Other broadleaves"};
  std::vector<ClassStyle> out;
  for (int s = 0; s < model::k_forest_species; ++s) out.push_back({s, colours[s], labels[s]});
  return out;
}

/// Any other class variable: distinct hues, labels from the CF flag_meanings.
std::vector<ClassStyle> generic_palette(const VariableSpec& spec) {
  std::istringstream values(spec.flag_values), names(spec.flag_meanings);
  std::vector<ClassStyle> out;
  int code = 0;
  std::string name;
  for (int i = 0; values >> code; ++i) {
    if (!(names >> name)) name = std::to_string(code);
    std::replace(name.begin(), name.end(), '_', ' ');
    const double h = std::fmod(i * 0.618033988749895, 1.0) * 6.0;
    const auto ch = [&](double offset) {
      const double t = std::fmod(h + offset, 6.0);
      const double v = t < 1 ? t : t < 3 ? 1 : t < 4 ? 4 - t : 0;
      return static_cast<std::uint8_t>(60 + 170 * v);
    };
    out.push_back({code, {ch(0), ch(4), ch(2)}, name});
  }
  return out;
}

const std::vector<Rgb> k_brown = {{255, 247, 200}, {230, 190, 110}, {180, 120, 60}, {110, 65, 30}, {55, 30, 15}};
const std::vector<Rgb> k_blue = {{240, 248, 255}, {170, 210, 240}, {90, 160, 215}, {35, 100, 175}, {10, 45, 110}};
const std::vector<Rgb> k_green = {{247, 252, 230}, {200, 230, 160}, {120, 195, 110}, {40, 140, 70}, {0, 80, 40}};
const std::vector<Rgb> k_diverging = {{40, 90, 170}, {150, 190, 225}, {245, 245, 235}, {230, 170, 120}, {170, 60, 40}};

}  // namespace

std::vector<ClassStyle> class_palette(const VariableSpec& spec) {
  if (spec.name == "land_use") return land_use_palette();
  if (spec.name == "soil") return soil_palette();
  if (spec.name == "province") return province_palette();
  if (spec.name == "forest_species") return species_palette();
  return generic_palette(spec);
}

Rgb Ramp::colour(double v) const {
  const double t = std::clamp((v - low) / (high - low), 0.0, 1.0) * static_cast<double>(stops.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(t), stops.size() - 2);
  const double f = t - static_cast<double>(i);
  const auto mix = [f](std::uint8_t a, std::uint8_t b) {
    return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
  };
  return {mix(stops[i].r, stops[i + 1].r), mix(stops[i].g, stops[i + 1].g), mix(stops[i].b, stops[i + 1].b)};
}

Ramp ramp_for(const VariableSpec& spec) {
  const std::string units = spec.units == "1" ? "" : spec.units;
  if (spec.name == "peat_thickness") return {0, 400, units, k_brown};
  if (spec.name == "glg") return {0, 300, units, k_blue};
  if (spec.name == "ghg") return {-20, 150, units, k_blue};
  if (spec.name == "ditch_fraction") return {0, 0.15, units, k_blue};
  if (spec.name == "forest_age") return {0, 150, units, k_green};
  if (spec.name == "standing_volume") return {0, 600, units, k_green};
  if (spec.name == "marsh_elevation") return {-100, 100, units, k_diverging};
  if (spec.name == "net_co2" || spec.name == "net_co2e")
    return {spec.valid_min, spec.valid_max, units, k_diverging};  // maps file
  if (spec.name == "seagrass_since") return {2000, 2030, units, k_green};
  return {spec.valid_min, spec.valid_max, units, k_green};
}

std::string layer_title(const VariableSpec& spec) {
  if (spec.name == "glg") return "Mean lowest groundwater level (GLG)";
  if (spec.name == "ghg") return "Mean highest groundwater level (GHG)";
  std::string t = spec.name;
  std::replace(t.begin(), t.end(), '_', ' ');
  t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

}  // namespace polder::io::render
