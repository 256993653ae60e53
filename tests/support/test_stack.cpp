#include "support/test_stack.hpp"

#include <netcdf.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "model/land_use.hpp"
#include "netcdf/stack_schema.hpp"

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
      soil[i] = water ? 0 : ne ? static_cast<std::uint8_t>(h % 3 == 0 ? 6 : 5) : static_cast<std::uint8_t>(1 + (gr / 16) % 4);
      peat[i] = soil[i] == 5 ? 80.0F + static_cast<float>(h % 300) : soil[i] == 6 ? 5.0F + static_cast<float>(h % 35) : 0.0F;
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

void overwrite_cell_f32(const std::string& path, const std::string& var, std::int32_t row, std::int32_t col, float value) {
  overwrite(path, var, {static_cast<std::size_t>(row), static_cast<std::size_t>(col)}, &value);
}

void overwrite_cell_u8(const std::string& path, const std::string& var, std::int32_t row, std::int32_t col,
                       std::uint8_t value, std::size_t map_year_index) {
  if (var == "land_use")
    overwrite(path, var, {map_year_index, static_cast<std::size_t>(row), static_cast<std::size_t>(col)}, &value);
  else
    overwrite(path, var, {static_cast<std::size_t>(row), static_cast<std::size_t>(col)}, &value);
}

}  // namespace polder::testing
