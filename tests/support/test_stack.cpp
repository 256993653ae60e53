#include "tests/support/test_stack.hpp"

#include <netcdf.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/nc_file.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "solver/model/land_use.hpp"

namespace polder::testing {
namespace {

std::uint32_t mix(std::uint32_t a, std::uint32_t b) {
  std::uint32_t h = a * 0x9E3779B1U ^ (b + 0x7F4A7C15U + (a << 6) + (a >> 2));
  h ^= h >> 15;
  h *= 0x2C1B3C6DU;
  h ^= h >> 12;
  return h;
}

}  // namespace

void write_test_stack(const parallel::Comm& comm, const std::string& path, const TestStackOptions& opt) {
  const auto& w = opt.window;
  io::StackAttributes attrs;
  attrs.region = "test";
  attrs.title = "Polder test stack";
  attrs.source = "tests/support/test_stack.cpp (closed-form content)";
  attrs.seed = opt.seed;
  io::StackWriter writer(comm, path, w, io::default_map_years(), attrs);

  // Rank r writes a band of rows; every rank calls every write (collective).
  const std::int32_t per = (w.n_rows + comm.size() - 1) / comm.size();
  const std::int32_t r0 = std::min(w.n_rows, comm.rank() * per);
  const std::int32_t r1 = std::min(w.n_rows, r0 + per);
  const grid::GridWindow block{w.row0 + r0, w.col0, r1 - r0, w.n_cols};
  const auto n = static_cast<std::size_t>(block.size());
  const auto outside_cols = static_cast<std::int32_t>(opt.outside_fraction * w.n_cols);

  std::vector<std::uint8_t> territory(n), province(n), soil(n), species(n), yield(n);
  std::vector<float> peat(n), glg(n), ghg(n), ditch(n), volume(n), marsh(n);
  std::vector<std::int16_t> age(n), seagrass(n);
  std::vector<std::vector<std::uint8_t>> lu(io::default_map_years().size(), std::vector<std::uint8_t>(n));

  for (std::int32_t r = 0; r < block.n_rows; ++r) {
    for (std::int32_t c = 0; c < block.n_cols; ++c) {
      const std::size_t i = static_cast<std::size_t>(r) * block.n_cols + c;
      const std::int32_t gr = block.row0 + r, gc = block.col0 + c;
      const bool inside = c >= outside_cols;
      const std::uint32_t h = mix(opt.seed, static_cast<std::uint32_t>(gr * 100003 + gc));
      territory[i] = inside ? 1 : 0;
      if (!inside) {
        province[i] = 0;
        soil[i] = 0;
        peat[i] = glg[i] = ghg[i] = ditch[i] = volume[i] = marsh[i] = io::k_float_fill;
        age[i] = -1;
        for (auto& m : lu) m[i] = 0;
        continue;
      }
      province[i] = static_cast<std::uint8_t>(c < w.n_cols / 2 ? 7 : 6);  // Utrecht | Gelderland
      // Land use: vertical stripes cycle through the classes; a tenth of the cells change over time.
      const auto base = static_cast<std::uint8_t>(1 + ((gc / 8) % 17));
      for (std::size_t y = 0; y < lu.size(); ++y) {
        std::uint8_t code = base;
        if (h % 10 == 0 && y >= 1 + (h / 10) % 6) code = static_cast<std::uint8_t>(1 + (base + 4) % 17);
        lu[y][i] = code;
      }
      const bool water = base == 13 || base == 14 || base == 17;
      // Soils: rows in bands; peat in the north-east quarter.
      const bool ne = r + block.row0 - w.row0 < w.n_rows / 3 && c > w.n_cols / 2;
      soil[i] = water ? 0
                : ne  ? static_cast<std::uint8_t>(h % 3 == 0 ? 6 : 5)
                      : static_cast<std::uint8_t>(1 + (gr / 16) % 4);
      peat[i] = soil[i] == 5   ? 80.0F + static_cast<float>(h % 300)
                : soil[i] == 6 ? 5.0F + static_cast<float>(h % 35)
                               : 0.0F;
      glg[i] = 40.0F + static_cast<float>(h % 120);
      ghg[i] = std::max(0.0F, glg[i] - 60.0F);
      ditch[i] = soil[i] == 5 ? 0.08F : 0.0F;
      const bool stand = base == 1 || base == 2 || h % 10 == 0;
      species[i] = stand ? static_cast<std::uint8_t>(1 + h % 9) : 0;
      age[i] = stand ? static_cast<std::int16_t>(10 + h % 110) : -1;
      yield[i] = stand ? static_cast<std::uint8_t>(1 + h % 5) : 0;
      volume[i] = stand ? 50.0F + static_cast<float>(h % 400) : 0.0F;
      marsh[i] = (base == 15 || base == 16) ? -20.0F + static_cast<float>(h % 60) : 0.0F;
      seagrass[i] = base == 14 && h % 4 == 0 ? static_cast<std::int16_t>(2015 + h % 10) : 0;
    }
  }
  writer.write<std::uint8_t>("territory", block, territory);
  writer.write<std::uint8_t>("province", block, province);
  for (std::size_t y = 0; y < lu.size(); ++y) writer.write_map_year<std::uint8_t>("land_use", y, block, lu[y]);
  writer.write<std::uint8_t>("soil", block, soil);
  writer.write<float>("peat_thickness", block, peat);
  writer.write<float>("glg", block, glg);
  writer.write<float>("ghg", block, ghg);
  writer.write<float>("ditch_fraction", block, ditch);
  writer.write<std::uint8_t>("forest_species", block, species);
  writer.write<std::int16_t>("forest_age", block, age);
  writer.write<std::uint8_t>("yield_class", block, yield);
  writer.write<float>("standing_volume", block, volume);
  writer.write<float>("marsh_elevation", block, marsh);
  writer.write<std::int16_t>("seagrass_since", block, seagrass);
  writer.close();
}

namespace {
void overwrite(const std::string& path, const std::string& var, std::vector<std::size_t> start, const void* value) {
  int ncid = -1, varid = -1;
  if (nc_open(path.c_str(), NC_WRITE, &ncid) != NC_NOERR) throw std::runtime_error("cannot reopen " + path);
  if (nc_inq_varid(ncid, var.c_str(), &varid) != NC_NOERR) {
    nc_close(ncid);
    throw std::runtime_error("no variable " + var);
  }
  std::vector<std::size_t> count(start.size(), 1);
  const int status = nc_put_vara(ncid, varid, start.data(), count.data(), value);
  nc_close(ncid);
  if (status != NC_NOERR) throw std::runtime_error("cannot overwrite " + var + ": " + nc_strerror(status));
}
}  // namespace

void overwrite_cell_f32(const std::string& path, const std::string& var, std::int32_t row, std::int32_t col,
                        float value) {
  overwrite(path, var, {static_cast<std::size_t>(row), static_cast<std::size_t>(col)}, &value);
}

void overwrite_cell_u8(const std::string& path, const std::string& var, std::int32_t row, std::int32_t col,
                       std::uint8_t value, std::size_t map_year_index) {
  if (var == "land_use")
    overwrite(path, var, {map_year_index, static_cast<std::size_t>(row), static_cast<std::size_t>(col)}, &value);
  else
    overwrite(path, var, {static_cast<std::size_t>(row), static_cast<std::size_t>(col)}, &value);
}

void overwrite_cell_i16(const std::string& path, const std::string& var, std::int32_t row, std::int32_t col,
                        std::int16_t value) {
  overwrite(path, var, {static_cast<std::size_t>(row), static_cast<std::size_t>(col)}, &value);
}

namespace {

/// An open file in define mode, closed (and checked) on destruction.
class Editor {
 public:
  explicit Editor(const std::string& path) : m_path(path) {
    check(nc_open(path.c_str(), NC_WRITE, &m_ncid), "reopen");
    check(nc_redef(m_ncid), "enter define mode");
  }
  Editor(const Editor&) = delete;
  Editor& operator=(const Editor&) = delete;
  ~Editor() { nc_close(m_ncid); }
  int ncid() const { return m_ncid; }
  int var(const std::string& name) const {
    if (name.empty()) return NC_GLOBAL;
    int id = -1;
    check(nc_inq_varid(m_ncid, name.c_str(), &id), "find variable " + name);
    return id;
  }
  void check(int status, const std::string& what) const {
    if (status != NC_NOERR) throw std::runtime_error(m_path + ": cannot " + what + ": " + nc_strerror(status));
  }

 private:
  std::string m_path;
  int m_ncid = -1;
};

}  // namespace

void set_attribute_text(const std::string& path, const std::string& var, const std::string& name,
                        const std::string& text) {
  Editor e(path);
  const int v = e.var(var);
  nc_del_att(e.ncid(), v, name.c_str());
  e.check(nc_put_att_text(e.ncid(), v, name.c_str(), text.size(), text.c_str()), "write attribute " + name);
}

void set_attribute_double(const std::string& path, const std::string& var, const std::string& name, double value) {
  Editor e(path);
  const int v = e.var(var);
  nc_del_att(e.ncid(), v, name.c_str());
  e.check(nc_put_att_double(e.ncid(), v, name.c_str(), NC_DOUBLE, 1, &value), "write attribute " + name);
}

void delete_attribute(const std::string& path, const std::string& var, const std::string& name) {
  Editor e(path);
  e.check(nc_del_att(e.ncid(), e.var(var), name.c_str()), "delete attribute " + name);
}

void overwrite_coordinate(const std::string& path, const std::string& axis, std::size_t index, double value) {
  overwrite(path, axis, {index}, &value);
}

void shift_coordinate(const std::string& path, const std::string& axis, double offset_m) {
  int ncid = -1, varid = -1, dimid = -1;
  std::size_t n = 0;
  if (nc_open(path.c_str(), NC_WRITE, &ncid) != NC_NOERR) throw std::runtime_error("cannot reopen " + path);
  nc_inq_varid(ncid, axis.c_str(), &varid);
  nc_inq_dimid(ncid, axis.c_str(), &dimid);
  nc_inq_dimlen(ncid, dimid, &n);
  std::vector<double> v(n);
  nc_get_var_double(ncid, varid, v.data());
  for (auto& x : v) x += offset_m;
  const int status = nc_put_var_double(ncid, varid, v.data());
  nc_close(ncid);
  if (status != NC_NOERR) throw std::runtime_error("cannot shift " + axis + ": " + nc_strerror(status));
}

void overwrite_map_year(const std::string& path, std::size_t index, std::int32_t year) {
  overwrite(path, "map_year", {index}, &year);
}

void overwrite_int32(const std::string& path, const std::string& var, std::size_t index, std::int32_t value) {
  overwrite(path, var, {index}, &value);
}

void rename_variable(const std::string& path, const std::string& from, const std::string& to) {
  Editor e(path);
  e.check(nc_rename_var(e.ncid(), e.var(from), to.c_str()), "rename " + from);
}

void replace_variable(const std::string& path, const std::string& var, int nc_type,
                      const std::vector<std::string>& dims) {
  Editor e(path);
  e.check(nc_rename_var(e.ncid(), e.var(var), (var + "_replaced").c_str()), "rename " + var);
  std::vector<int> ids;
  for (const auto& d : dims) {
    int id = -1;
    e.check(nc_inq_dimid(e.ncid(), d.c_str(), &id), "find dimension " + d);
    ids.push_back(id);
  }
  int id = -1;
  e.check(nc_def_var(e.ncid(), var.c_str(), nc_type, static_cast<int>(ids.size()), ids.data(), &id), "define " + var);
  const std::string crs = "crs";
  e.check(nc_put_att_text(e.ncid(), id, "grid_mapping", crs.size(), crs.c_str()), "write grid_mapping");
}

void write_test_climate(const parallel::Comm& comm, const std::string& path, const TestClimateOptions& opt) {
  const std::vector<std::string> scenarios = {"Ld", "Ln", "Md", "Mn", "Hd", "Hn"};
  const auto n_years = static_cast<std::size_t>(opt.last_year - opt.first_year + 1);
  const auto nx = static_cast<std::size_t>(opt.n_x), ny = static_cast<std::size_t>(opt.n_y);
  io::NcFile f(comm, path, io::NcFile::Mode::create);
  f.put_att("", "Conventions", std::string("CF-1.8"));
  f.put_att("", "polder_format", std::string(io::k_climate_format));
  const std::int32_t version = io::k_climate_format_version, last_obs = opt.last_observed_year;
  f.put_att_int("", "polder_format_version", std::span<const std::int32_t>(&version, 1));
  f.put_att_int("", "last_observed_year", std::span<const std::int32_t>(&last_obs, 1));
  f.put_att("", "scenarios", std::string("Ld,Ln,Md,Mn,Hd,Hn"));
  f.define_dim("scenario", scenarios.size());
  f.define_dim("year", n_years);
  f.define_dim("y", ny);
  f.define_dim("x", nx);
  f.define_var("year", io::NcType::i32, {"year"});
  f.define_var("y", io::NcType::f64, {"y"});
  f.define_var("x", io::NcType::f64, {"x"});
  f.define_var("crs", io::NcType::i32, {});
  f.put_att("crs", "grid_mapping_name", std::string("oblique_stereographic"));
  f.put_att("crs", "false_easting", 155000.0);
  f.put_att("crs", "false_northing", 463000.0);
  f.put_att("crs", "epsg_code", std::string("EPSG:28992"));
  for (const auto& spec : io::climate_variables()) {
    if (spec.gridded)
      f.define_var(spec.name, io::NcType::f32, {"scenario", "year", "y", "x"});
    else
      f.define_var(spec.name, io::NcType::f32, {"scenario", "year"});
    f.put_att(spec.name, "units", spec.units);
    f.put_att(spec.name, "grid_mapping", std::string("crs"));
  }
  f.end_define();
  std::vector<std::int32_t> years;
  std::vector<double> xs, ys;
  if (comm.is_root()) {
    for (std::size_t i = 0; i < n_years; ++i) years.push_back(opt.first_year + static_cast<std::int32_t>(i));
    for (std::size_t i = 0; i < nx; ++i) xs.push_back(opt.x0_m + (static_cast<double>(i) + 0.5) * opt.cell_m);
    for (std::size_t i = 0; i < ny; ++i) ys.push_back(opt.y1_m - (static_cast<double>(i) + 0.5) * opt.cell_m);
  }
  f.write<std::int32_t>("year", {0}, {years.size()}, years);
  f.write<double>("x", {0}, {xs.size()}, xs);
  f.write<double>("y", {0}, {ys.size()}, ys);
  for (const auto& spec : io::climate_variables()) {
    const std::size_t per = spec.gridded ? nx * ny : 1;
    std::vector<float> v;
    if (comm.is_root()) {
      for (std::size_t s = 0; s < scenarios.size(); ++s)
        for (std::size_t y = 0; y < n_years; ++y)
          for (std::size_t c = 0; c < per; ++c) {
            const bool future = opt.first_year + static_cast<std::int32_t>(y) > opt.last_observed_year;
            const double trend = 0.02 * static_cast<double>(y) * (future ? 1.0 + 0.2 * static_cast<double>(s) : 1.0);
            const double base = spec.name == "tas"              ? 10.0
                                : spec.name == "pr"             ? 850.0
                                : spec.name == "pet"            ? 560.0
                                : spec.name == "precip_deficit" ? 140.0
                                : spec.name == "gw_anomaly"     ? 1.0
                                                                : 2.0;
            v.push_back(static_cast<float>(base + trend + 0.01 * static_cast<double>(c)));
          }
    }
    if (spec.gridded)
      f.write<float>(spec.name, {0, 0, 0, 0},
                     {comm.is_root() ? scenarios.size() : 0, comm.is_root() ? n_years : 0, comm.is_root() ? ny : 0,
                      comm.is_root() ? nx : 0},
                     v);
    else
      f.write<float>(spec.name, {0, 0}, {comm.is_root() ? scenarios.size() : 0, comm.is_root() ? n_years : 0}, v);
  }
  f.close();
}

void overwrite_climate_value(const std::string& path, const std::string& var, std::size_t scenario,
                             std::size_t year_index, std::size_t y, std::size_t x, float value) {
  overwrite(path, var, {scenario, year_index, y, x}, &value);
}

}  // namespace polder::testing
