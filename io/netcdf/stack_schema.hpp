#pragma once
// The input-stack schema (docs/input-format.md) in code: every variable's name, type, units, valid
// range and fill value, and a writer that creates a CF-1.8 file on a window of the national grid.
// `polder synth`, `polder ingest`, the test helpers and the input checks all use this one table.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "io/netcdf/nc_file.hpp"
#include "solver/grid/grid_window.hpp"

namespace polder::io {

inline constexpr const char* k_stack_format = "polder-input-stack";
inline constexpr int k_stack_format_version = 1;
inline constexpr const char* k_climate_format = "polder-climate";
inline constexpr int k_climate_format_version = 1;
inline constexpr float k_float_fill = -9999.0F;

struct VariableSpec {
  std::string name;
  NcType type;
  bool per_map_year;  ///< dims (map_year, y, x) instead of (y, x)
  std::string units;
  std::string long_name;
  double valid_min;           ///< inclusive, inside the territory
  double valid_max;           ///< inclusive, inside the territory
  double fill;                ///< value outside the territory
  std::string flag_values;    ///< CF flag_values for class variables ("" otherwise)
  std::string flag_meanings;  ///< CF flag_meanings, space separated
};

/// All variables of the input stack, in the order files define them.
const std::vector<VariableSpec>& stack_variables();
const VariableSpec& stack_variable(const std::string& name);

/// Map years of a full stack: 1970 (reconstructed baseline) and the six LULUCF map years.
const std::vector<std::int32_t>& default_map_years();

/// Global attributes written by every stack writer (beyond the CF basics).
struct StackAttributes {
  std::string region = "national";
  std::string title = "Polder input stack";
  std::string source;
  std::string history;
  std::optional<std::uint64_t> seed;
  std::int32_t forest_reference_year = 2021;
};

/// The integers of a CF `flag_values` text ("1 2 3").
std::vector<std::int32_t> parse_flag_values(const std::string& text);

/// Writes the `crs` grid-mapping variable (CF oblique_stereographic + WKT + GeoTransform).
void define_rd_new_crs(NcFile& file, const grid::GridWindow& window);
/// The same for a grid of `cell_size_m` cells whose north-west corner is at (x_west_m, y_north_m).
void define_rd_new_crs(NcFile& file, double x_west_m, double y_north_m, double cell_size_m);

/// Creates an input stack over `window` with every variable of the schema defined (chunked 256 x 256,
/// zlib level 1) and the coordinates written. Collective over the file's Comm.
class StackWriter {
 public:
  StackWriter(const parallel::Comm& comm, const std::string& path, const grid::GridWindow& window,
              std::vector<std::int32_t> map_years, const StackAttributes& attributes);

  const grid::GridWindow& window() const { return m_window; }
  const std::vector<std::int32_t>& map_years() const { return m_map_years; }
  NcFile& file() { return m_file; }

  /// Collective: writes `block` (national window, inside this file's window) of a (y, x) variable.
  /// Every rank must call; a rank with nothing to write passes an empty block.
  template <typename T>
  void write(const std::string& var, const grid::GridWindow& block, std::span<const T> values);
  /// Same for a (map_year, y, x) variable at map-year index `year_index`.
  template <typename T>
  void write_map_year(const std::string& var, std::size_t year_index, const grid::GridWindow& block,
                      std::span<const T> values);

  void close() { m_file.close(); }

 private:
  grid::GridWindow m_window;
  std::vector<std::int32_t> m_map_years;
  NcFile m_file;
};

/// Writes cell-centre coordinate variables `x`, `y` for `window` (already defined). Collective.
void write_window_coordinates(NcFile& file, const grid::GridWindow& window, const parallel::Comm& comm);

}  // namespace polder::io
