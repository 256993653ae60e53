#pragma once
// A choropleth of the twelve provinces on their real outlines (RD New metres, from the CBS/PDOK
// GeoJSON the program embeds), drawn as SVG paths with a diverging colour scale: blue for net
// removals, red for net emissions, grey for provinces outside the run.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace polder::io::report {

struct ProvinceShape {
  int province0 = 0;  ///< 0..11 (CBS PV20 .. PV31)
  std::string name;
  std::vector<std::vector<std::pair<double, double>>> rings;  ///< RD New x, y in metres; even-odd
};

struct ProvinceValue {
  std::optional<double> value;  ///< nothing: the province is not in the run
  std::string detail;           ///< tooltip text besides the value
};

/// `values` holds one entry per province0.
std::string province_choropleth(const std::vector<ProvinceShape>& shapes, const std::vector<ProvinceValue>& values,
                                const std::string& title, const std::string& units, double width = 560);

/// The colour of v on the diverging scale [-extent, extent].
std::string diverging_colour(double v, double extent);

}  // namespace polder::io::report
