#include "io/synth/climate_writer.hpp"

#include <span>
#include <vector>

#include "io/netcdf/nc_file.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "io/synth/climate_series.hpp"
#include "polder/version.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::io::synth {
namespace {

struct FieldSpec {
  const char* name;
  const char* units;
  const char* long_name;
  std::vector<float> ClimateFields::*member;
};

const FieldSpec k_fields[] = {
    {"tas", "degC", "annual mean near-surface air temperature", &ClimateFields::tas},
    {"pr", "mm yr-1", "annual precipitation", &ClimateFields::pr},
    {"pet", "mm yr-1", "annual reference (Makkink) evaporation", &ClimateFields::pet},
    {"precip_deficit", "mm", "maximum potential precipitation deficit, 1 April - 30 September",
     &ClimateFields::precip_deficit},
    {"gw_anomaly", "cm", "change of the mean lowest groundwater level vs 1991-2020 (positive = deeper)",
     &ClimateFields::gw_anomaly},
};

void define_crs(NcFile& f) {
  f.define_var("crs", NcType::i32, {});
  f.put_att("crs", "grid_mapping_name", std::string("oblique_stereographic"));
  f.put_att("crs", "latitude_of_projection_origin", 52.15616055555555);
  f.put_att("crs", "longitude_of_projection_origin", 5.38763888888889);
  f.put_att("crs", "scale_factor_at_projection_origin", 0.9999079);
  f.put_att("crs", "false_easting", 155000.0);
  f.put_att("crs", "false_northing", 463000.0);
  f.put_att("crs", "semi_major_axis", 6377397.155);
  f.put_att("crs", "inverse_flattening", 299.1528128);
  f.put_att("crs", "crs_wkt", std::string(grid::k_rd_new_wkt));
  f.put_att("crs", "spatial_ref", std::string(grid::k_rd_new_wkt));
  f.put_att("crs", "proj4_params", std::string(grid::k_rd_new_proj4));
  f.put_att("crs", "epsg_code", std::string("EPSG:28992"));
  f.put_att("crs", "GeoTransform", cat("0 ", ClimateGrid::cell_m, " 0 640000 0 ", -ClimateGrid::cell_m));
}

}  // namespace

void write_climate_file(const parallel::Comm& comm, const std::string& path, std::uint64_t seed) {
  NcFile f(comm, path, NcFile::Mode::create);
  const std::size_t n_scen = k_climate_scenarios.size();
  const std::size_t n_years = k_climate_last_year - k_climate_first_year + 1;
  const std::size_t ny = ClimateGrid::n_rows, nx = ClimateGrid::n_cols;

  f.put_att("", "Conventions", std::string("CF-1.8"));
  f.put_att("", "title", std::string("Polder synthetic climate forcing (KNMI'23-style scenarios)"));
  f.put_att("", "institution", std::string("Polder national LULUCF engine"));
  f.put_att("", "source",
            cat("polder synth ", k_version, " (", k_git_revision,
                "); sources and assumptions: docs/input-format.md, Climate forcing"));
  f.put_att("", "history", cat("created by polder synth --climate-output, seed ", seed));
  f.put_att("", "polder_format", std::string(k_climate_format));
  const std::int32_t version = k_climate_format_version, last = k_last_observed_year;
  f.put_att_int("", "polder_format_version", std::span<const std::int32_t>(&version, 1));
  f.put_att_int("", "last_observed_year", std::span<const std::int32_t>(&last, 1));
  std::string names;
  for (const auto& s : k_climate_scenarios) {
    if (!names.empty()) names += ',';
    names += s;
  }
  f.put_att("", "scenarios", names);
  f.put_att("", "reference_period", std::string("1991-2020 (sea_level: 1995-2014)"));
  f.put_att("", "polder_seed", std::to_string(seed));

  f.define_dim("scenario", n_scen);
  f.define_dim("year", n_years);
  f.define_dim("y", ny);
  f.define_dim("x", nx);
  f.define_var("year", NcType::i32, {"year"});
  f.put_att("year", "long_name", std::string("calendar year"));
  f.put_att("year", "units", std::string("year"));
  f.define_var("y", NcType::f64, {"y"});
  f.put_att("y", "standard_name", std::string("projection_y_coordinate"));
  f.put_att("y", "units", std::string("m"));
  f.put_att("y", "axis", std::string("Y"));
  f.define_var("x", NcType::f64, {"x"});
  f.put_att("x", "standard_name", std::string("projection_x_coordinate"));
  f.put_att("x", "units", std::string("m"));
  f.put_att("x", "axis", std::string("X"));
  define_crs(f);
  for (const auto& spec : k_fields) {
    f.define_var(spec.name, NcType::f32, {"scenario", "year", "y", "x"}, {1, n_years, ny, nx}, 1);
    f.put_att(spec.name, "units", std::string(spec.units));
    f.put_att(spec.name, "long_name", std::string(spec.long_name));
    f.put_att(spec.name, "grid_mapping", std::string("crs"));
  }
  f.define_var("sea_level", NcType::f32, {"scenario", "year"});
  f.put_att("sea_level", "units", std::string("cm"));
  f.put_att("sea_level", "long_name", std::string("mean sea level at the Dutch coast relative to 1995-2014"));
  f.end_define();

  const bool root = comm.is_root();
  std::vector<std::int32_t> years;
  std::vector<double> xs, ys;
  if (root) {
    for (int y = k_climate_first_year; y <= k_climate_last_year; ++y) years.push_back(y);
    for (std::size_t c = 0; c < nx; ++c) xs.push_back(ClimateGrid::x_center(static_cast<int>(c)));
    for (std::size_t r = 0; r < ny; ++r) ys.push_back(ClimateGrid::y_center(static_cast<int>(r)));
  }
  f.write<std::int32_t>("year", {0}, {years.size()}, years);
  f.write<double>("x", {0}, {xs.size()}, xs);
  f.write<double>("y", {0}, {ys.size()}, ys);
  for (std::size_t s = 0; s < n_scen; ++s) {
    ClimateFields fields;
    if (root) fields = climate_fields(static_cast<int>(s), seed);
    for (const auto& spec : k_fields) {
      const auto& values = fields.*(spec.member);
      f.write<float>(spec.name, {s, 0, 0, 0}, {root ? 1U : 0U, root ? n_years : 0, root ? ny : 0, root ? nx : 0},
                     std::span<const float>(values));
    }
    f.write<float>("sea_level", {s, 0}, {root ? 1U : 0U, root ? n_years : 0}, std::span<const float>(fields.sea_level));
  }
  f.close();
}

}  // namespace polder::io::synth
