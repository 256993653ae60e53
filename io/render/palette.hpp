#pragma once
// Colours and labels for map pictures: class palettes in the style of Dutch land-use and soil maps
// (greens for forest and grassland, yellow-ochre for arable, red for built-up, blues for water,
// mauve heath, browns for peat), and colour ramps with display ranges for continuous layers.

#include <optional>
#include <string>
#include <vector>

#include "io/netcdf/stack_schema.hpp"
#include "io/render/rgb_image.hpp"

namespace polder::io::render {

struct ClassStyle {
  int code;
  Rgb colour;
  std::string label;
};

/// Background (outside the territory), text, frame.
inline constexpr Rgb k_outside{232, 236, 240};
inline constexpr Rgb k_paper{255, 255, 255};
inline constexpr Rgb k_ink{30, 30, 30};
inline constexpr Rgb k_no_data{255, 0, 255};

/// The class palette of a class variable (one with flag_values), in code order.
std::vector<ClassStyle> class_palette(const VariableSpec& spec);

/// A continuous colour ramp over [low, high] with the layer's display units.
struct Ramp {
  double low;
  double high;
  std::string units;
  std::vector<Rgb> stops;  ///< evenly spaced from low to high
  Rgb colour(double v) const;
};
Ramp ramp_for(const VariableSpec& spec);

/// "Land use", "Peat thickness", ...: the layer's title.
std::string layer_title(const VariableSpec& spec);

}  // namespace polder::io::render
