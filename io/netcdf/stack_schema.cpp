#include "io/netcdf/stack_schema.hpp"

#include <algorithm>

#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::io {

const std::vector<VariableSpec>& stack_variables() {
  static const std::vector<VariableSpec> specs = {
      {"territory", NcType::u8, false, "1", "cell inside the reporting territory (active cell)", 0, 1, 0, "0 1",
       "outside inside"},
      {"province", NcType::u8, false, "1", "province (CBS PV20..PV31 as 1..12)", 1, 12, 0, "1 2 3 4 5 6 7 8 9 10 11 12",
       "groningen friesland drenthe overijssel flevoland gelderland utrecht noord_holland zuid_holland "
       "zeeland noord_brabant limburg"},
      {"land_use", NcType::u8, true, "1", "Polder land-use class", 1, 17, 0,
       "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17",
       "forest trees_outside_forest grassland_agri grassland_nature heath reed_marsh sand_dunes arable "
       "orchard built_up infrastructure urban_green inland_water coastal_water intertidal_flat salt_marsh "
       "seagrass"},
      {"soil", NcType::u8, false, "1", "soil class", 0, 6, 0, "0 1 2 3 4 5 6",
       "no_soil sand marine_clay river_clay loess peat peaty"},
      {"peat_thickness", NcType::f32, false, "cm", "thickness of the remaining peat layer", 0, 1500, k_float_fill, "",
       ""},
      {"glg", NcType::f32, false, "cm", "mean lowest groundwater level below surface (GLG)", 0, 500, k_float_fill, "",
       ""},
      {"ghg", NcType::f32, false, "cm", "mean highest groundwater level below surface (GHG)", -50, 500, k_float_fill,
       "", ""},
      {"ditch_fraction", NcType::f32, false, "1", "fraction of the cell that is ditch water", 0, 0.3, k_float_fill, "",
       ""},
      {"forest_species", NcType::u8, false, "1", "forest species group (NBI)", 0, 9, 0, "0 1 2 3 4 5 6 7 8 9",
       "none scots_pine douglas_fir spruce larch oak beech birch poplar other_broadleaves"},
      {"forest_age", NcType::i16, false, "year", "stand age in the forest reference year (-1: no stand)", -1, 300, -1,
       "", ""},
      {"yield_class", NcType::u8, false, "1", "yield-table class, 1 best .. 5 poorest (0: no stand)", 0, 5, 0, "", ""},
      {"standing_volume", NcType::f32, false, "m3 ha-1", "stem volume in the forest reference year", 0, 1500,
       k_float_fill, "", ""},
      {"marsh_elevation", NcType::f32, false, "cm", "surface elevation relative to mean high water", -300, 300,
       k_float_fill, "", ""},
      {"seagrass_since", NcType::i16, false, "year", "year a seagrass meadow established (0: never)", 0, 2100, 0, "",
       ""},
  };
  return specs;
}

const VariableSpec& stack_variable(const std::string& name) {
  for (const auto& s : stack_variables())
    if (s.name == name) return s;
  throw InternalError(cat("no input-stack variable named '", name, "'"));
}

const std::vector<std::int32_t>& default_map_years() {
  // 2025: extrapolated map continuing the 2017-2021 trends (docs/synthetic-netherlands.md, A34).
  static const std::vector<std::int32_t> years = {1970, 1990, 2004, 2009, 2013, 2017, 2021, 2025};
  return years;
}

std::vector<std::int32_t> parse_flag_values(const std::string& text) {
  std::vector<std::int32_t> flags;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) flags.push_back(std::stoi(text.substr(pos, end - pos)));
    pos = end + 1;
  }
  return flags;
}

void define_rd_new_crs(NcFile& file, const grid::GridWindow& window) {
  define_rd_new_crs(file, window.x_west_m(), window.y_north_m(), grid::NationalGrid::cell_size_m);
}

void define_rd_new_crs(NcFile& file, double x_west_m, double y_north_m, double cell_size_m) {
  file.define_var("crs", NcType::i32, {});
  file.put_att("crs", "grid_mapping_name", std::string("oblique_stereographic"));
  file.put_att("crs", "latitude_of_projection_origin", 52.15616055555555);
  file.put_att("crs", "longitude_of_projection_origin", 5.38763888888889);
  file.put_att("crs", "scale_factor_at_projection_origin", 0.9999079);
  file.put_att("crs", "false_easting", 155000.0);
  file.put_att("crs", "false_northing", 463000.0);
  file.put_att("crs", "semi_major_axis", 6377397.155);
  file.put_att("crs", "inverse_flattening", 299.1528128);
  const double towgs84[] = {565.417, 50.3319, 465.552, -0.398957, 0.343988, -1.8774, 4.0725};
  file.put_att("crs", "towgs84", std::span<const double>(towgs84));
  file.put_att("crs", "crs_wkt", std::string(grid::k_rd_new_wkt));
  file.put_att("crs", "spatial_ref", std::string(grid::k_rd_new_wkt));
  file.put_att("crs", "proj4_params", std::string(grid::k_rd_new_proj4));
  file.put_att("crs", "epsg_code", std::string("EPSG:28992"));
  file.put_att("crs", "GeoTransform", cat(x_west_m, " ", cell_size_m, " 0 ", y_north_m, " 0 ", -cell_size_m));
}

void write_window_coordinates(NcFile& file, const grid::GridWindow& window, const parallel::Comm& comm) {
  std::vector<double> xs, ys;
  if (comm.is_root()) {
    for (std::int32_t c = 0; c < window.n_cols; ++c) xs.push_back(grid::NationalGrid::x_center(window.col0 + c));
    for (std::int32_t r = 0; r < window.n_rows; ++r) ys.push_back(grid::NationalGrid::y_center(window.row0 + r));
  }
  file.write<double>("x", {0}, {xs.size()}, xs);
  file.write<double>("y", {0}, {ys.size()}, ys);
}

namespace {
void define_coordinate_vars(NcFile& f, const grid::GridWindow& window) {
  f.define_dim("y", static_cast<std::size_t>(window.n_rows));
  f.define_dim("x", static_cast<std::size_t>(window.n_cols));
  f.define_var("y", NcType::f64, {"y"});
  f.put_att("y", "standard_name", std::string("projection_y_coordinate"));
  f.put_att("y", "long_name", std::string("RD New y of cell centre"));
  f.put_att("y", "units", std::string("m"));
  f.put_att("y", "axis", std::string("Y"));
  f.define_var("x", NcType::f64, {"x"});
  f.put_att("x", "standard_name", std::string("projection_x_coordinate"));
  f.put_att("x", "long_name", std::string("RD New x of cell centre"));
  f.put_att("x", "units", std::string("m"));
  f.put_att("x", "axis", std::string("X"));
}
}  // namespace

StackWriter::StackWriter(const parallel::Comm& comm, const std::string& path, const grid::GridWindow& window,
                         std::vector<std::int32_t> map_years, const StackAttributes& attributes)
    : m_window(window), m_map_years(std::move(map_years)), m_file(comm, path, NcFile::Mode::create) {
  POLDER_VERIFY(window.inside_national() && !window.empty(), "stack window outside the national grid");
  auto& f = m_file;
  f.put_att("", "Conventions", std::string("CF-1.8"));
  f.put_att("", "title", attributes.title);
  f.put_att("", "institution", std::string("Polder national LULUCF engine"));
  f.put_att("", "source", attributes.source);
  f.put_att("", "history", attributes.history);
  f.put_att("", "polder_format", std::string(k_stack_format));
  const std::int32_t version = k_stack_format_version;
  f.put_att_int("", "polder_format_version", std::span<const std::int32_t>(&version, 1));
  f.put_att("", "polder_region", attributes.region);
  const std::int32_t r0 = window.row0, c0 = window.col0, fy = attributes.forest_reference_year;
  f.put_att_int("", "polder_window_row0", std::span<const std::int32_t>(&r0, 1));
  f.put_att_int("", "polder_window_col0", std::span<const std::int32_t>(&c0, 1));
  f.put_att_int("", "forest_reference_year", std::span<const std::int32_t>(&fy, 1));
  if (attributes.seed) f.put_att("", "polder_seed", std::to_string(*attributes.seed));

  define_coordinate_vars(f, window);
  f.define_dim("map_year", m_map_years.size());
  f.define_var("map_year", NcType::i32, {"map_year"});
  f.put_att("map_year", "long_name", std::string("year of the land-use map"));
  f.put_att("map_year", "units", std::string("year"));
  f.put_att("map_year", "comment",
            std::string("1970 is a reconstructed pre-inventory baseline used only to start the 20-year "
                        "transitions running in 1990; the others are the LULUCF map years"));
  define_rd_new_crs(f, window);

  const std::size_t cy = static_cast<std::size_t>(std::min(window.n_rows, 256));
  const std::size_t cx = static_cast<std::size_t>(std::min(window.n_cols, 256));
  for (const auto& s : stack_variables()) {
    if (s.per_map_year) {
      f.define_var(s.name, s.type, {"map_year", "y", "x"}, {1, cy, cx}, 1);
    } else {
      f.define_var(s.name, s.type, {"y", "x"}, {cy, cx}, 1);
    }
    f.set_fill(s.name, s.fill);
    f.put_att(s.name, "units", s.units);
    f.put_att(s.name, "long_name", s.long_name);
    f.put_att(s.name, "grid_mapping", std::string("crs"));
    const double range[] = {s.valid_min, s.valid_max};
    f.put_att(s.name, "valid_range_inside_territory", std::span<const double>(range));
    if (!s.flag_meanings.empty()) {
      f.put_att(s.name, "flag_meanings", s.flag_meanings);
      f.put_att_int(s.name, "flag_values", parse_flag_values(s.flag_values));
    }
  }
  f.end_define();
  write_window_coordinates(f, window, comm);
  std::vector<std::int32_t> years;
  if (comm.is_root()) years = m_map_years;
  f.write<std::int32_t>("map_year", {0}, {years.size()}, years);
}

template <typename T>
void StackWriter::write(const std::string& var, const grid::GridWindow& block, std::span<const T> values) {
  if (block.empty()) {
    m_file.write<T>(var, {0, 0}, {0, 0}, values);
    return;
  }
  POLDER_VERIFY(m_window.intersect(block) == block, "block outside the stack window writing ", var);
  POLDER_VERIFY(values.size() == static_cast<std::size_t>(block.size()), "block size mismatch writing ", var);
  m_file.write<T>(
      var, {static_cast<std::size_t>(block.row0 - m_window.row0), static_cast<std::size_t>(block.col0 - m_window.col0)},
      {static_cast<std::size_t>(block.n_rows), static_cast<std::size_t>(block.n_cols)}, values);
}

template <typename T>
void StackWriter::write_map_year(const std::string& var, std::size_t year_index, const grid::GridWindow& block,
                                 std::span<const T> values) {
  if (block.empty()) {
    m_file.write<T>(var, {0, 0, 0}, {0, 0, 0}, values);
    return;
  }
  POLDER_VERIFY(m_window.intersect(block) == block, "block outside the stack window writing ", var);
  POLDER_VERIFY(values.size() == static_cast<std::size_t>(block.size()), "block size mismatch writing ", var);
  m_file.write<T>(var,
                  {year_index, static_cast<std::size_t>(block.row0 - m_window.row0),
                   static_cast<std::size_t>(block.col0 - m_window.col0)},
                  {1, static_cast<std::size_t>(block.n_rows), static_cast<std::size_t>(block.n_cols)}, values);
}

template void StackWriter::write<std::uint8_t>(const std::string&, const grid::GridWindow&,
                                               std::span<const std::uint8_t>);
template void StackWriter::write<std::int16_t>(const std::string&, const grid::GridWindow&,
                                               std::span<const std::int16_t>);
template void StackWriter::write<float>(const std::string&, const grid::GridWindow&, std::span<const float>);
template void StackWriter::write_map_year<std::uint8_t>(const std::string&, std::size_t, const grid::GridWindow&,
                                                        std::span<const std::uint8_t>);

}  // namespace polder::io
