#include "io/render/map_file_pictures.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include "io/netcdf/map_writer.hpp"
#include "io/netcdf/nc_file.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "io/render/layer_grid.hpp"
#include "io/render/map_picture.hpp"
#include "solver/core/error.hpp"
#include "solver/model/map_field.hpp"

namespace polder::io::render {
namespace {

constexpr int k_max_height_px = 700;

std::string title_of(const std::string& field) {
  if (field == "net_co2e") return "Net emission (CO2-eq)";
  if (field == "net_co2") return "Net CO2 emission";
  if (field == "soc_stock") return "Soil organic carbon";
  if (field == "biomass") return "Living biomass carbon";
  if (field == "peat_thickness") return "Peat thickness";
  if (field == "land_use") return "Land use";
  return field;
}

/// A round number at or above v (1, 2 or 5 times a power of ten).
double round_up(double v) {
  if (!(v > 0.0)) return 1.0;
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (const double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= v) return m * p;
  return 10.0 * p;
}

/// Draws every map cell as `zoom` x `zoom` pixels (small coarse maps stay legible).
void zoom_in(LayerGrid& g, int zoom) {
  if (zoom <= 1) return;
  const auto w = static_cast<std::size_t>(g.width), z = static_cast<std::size_t>(zoom);
  const auto big_w = w * z, big_h = static_cast<std::size_t>(g.height) * z;
  const auto blow_up = [&](auto& v) {
    std::remove_reference_t<decltype(v)> out(big_w * big_h);
    for (std::size_t y = 0; y < big_h; ++y)
      for (std::size_t x = 0; x < big_w; ++x) out[y * big_w + x] = v[(y / z) * w + x / z];
    v.swap(out);
  };
  if (g.classes) {
    blow_up(g.codes);
  } else {
    blow_up(g.values);
  }
  g.width = static_cast<int>(big_w);
  g.height = static_cast<int>(big_h);
  g.scale /= zoom;
}

}  // namespace

std::vector<MapFilePicture> draw_map_file(const parallel::Comm& comm, const std::string& path) {
  const NcFile f(comm, path, NcFile::Mode::read);
  if (f.get_att_text("", "polder_format").value_or("") != k_maps_format)
    throw InputError(cat("'", path, "' is not a Polder maps file (polder_format is not '", k_maps_format, "')"));
  const std::size_t ny = f.dim_length("y"), nx = f.dim_length("x"), nt = f.dim_length("time");
  if (nt == 0 || ny == 0 || nx == 0) return {};
  const auto resolution = static_cast<int>(f.get_att_double("", "polder_map_resolution_m").value_or(25.0));
  std::vector<std::int32_t> years(nt), active(ny * nx);
  f.read<std::int32_t>("year", {0}, {nt}, years);
  f.read<std::int32_t>("active_cells", {0, 0}, {ny, nx}, active);

  // Pixels of `step` x `step` map cells.
  const auto step = static_cast<std::size_t>(std::max<std::size_t>(1, (ny + k_max_height_px - 1) / k_max_height_px));
  const std::size_t w = (nx + step - 1) / step, h = (ny + step - 1) / step;
  const auto pixel_of = [&](std::size_t r, std::size_t c) { return (r / step) * w + c / step; };
  // A map that is small in pixels but coarse in cells is drawn larger, keeping whole 25 m cells a pixel.
  const int factor = resolution / 25;
  int zoom = 1;
  if (step == 1)
    for (int z = factor; z > 1; --z)
      if (factor % z == 0 && ny * static_cast<std::size_t>(z) <= k_max_height_px / 2) {
        zoom = z;
        break;
      }
  std::int64_t territory = 0;
  for (const auto a : active) territory += a;

  std::vector<MapFilePicture> out;
  for (const auto& info : model::k_map_fields) {
    const std::string name(info.key);
    if (!f.has_var(name)) continue;
    LayerGrid g;
    g.width = static_cast<int>(w);
    g.height = static_cast<int>(h);
    g.scale = static_cast<int>(step) * resolution / 25;
    g.territory_cells = territory;
    VariableSpec spec;
    if (info.class_codes) {
      std::vector<std::uint8_t> codes(ny * nx);
      f.read<std::uint8_t>(name, {nt - 1, 0, 0}, {1, ny, nx}, codes);
      spec = stack_variable("land_use");
      g.classes = true;
      g.class_cells.assign(256, 0);
      std::vector<std::int64_t> votes(w * h * 256, 0);
      for (std::size_t r = 0; r < ny; ++r)
        for (std::size_t c = 0; c < nx; ++c) {
          const std::size_t k = r * nx + c;
          if (active[k] <= 0) continue;
          votes[pixel_of(r, c) * 256 + codes[k]] += active[k];
          g.class_cells[codes[k]] += active[k];  // a coarse map cell counts all its cells for its code
        }
      g.codes.assign(w * h, -1);
      for (std::size_t p = 0; p < w * h; ++p) {
        std::int64_t best = 0;
        for (int code = 0; code < 256; ++code)
          if (votes[p * 256 + static_cast<std::size_t>(code)] > best) {
            best = votes[p * 256 + static_cast<std::size_t>(code)];
            g.codes[p] = code;
          }
      }
    } else {
      std::vector<float> values(ny * nx);
      f.read<float>(name, {nt - 1, 0, 0}, {1, ny, nx}, values);
      std::vector<double> sum(w * h, 0.0), weight(w * h, 0.0);
      double lo = std::numeric_limits<double>::infinity(), hi = -lo;
      for (std::size_t r = 0; r < ny; ++r)
        for (std::size_t c = 0; c < nx; ++c) {
          const std::size_t k = r * nx + c;
          if (active[k] <= 0 || !std::isfinite(values[k])) continue;
          const auto v = static_cast<double>(values[k]);
          sum[pixel_of(r, c)] += v * active[k];
          weight[pixel_of(r, c)] += active[k];
          lo = std::min(lo, v);
          hi = std::max(hi, v);
        }
      g.values.assign(w * h, std::numeric_limits<float>::quiet_NaN());
      for (std::size_t p = 0; p < w * h; ++p)
        if (weight[p] > 0.0) g.values[p] = static_cast<float>(sum[p] / weight[p]);
      g.min = std::isfinite(lo) ? lo : 0.0;
      g.max = std::isfinite(hi) ? hi : 0.0;
      if (name == "peat_thickness") {
        spec = stack_variable("peat_thickness");
      } else if (name == "net_co2" ||
                 name == "net_co2e") {  // removals and emissions on a diverging ramp centred on zero
        const double r = round_up(std::max(std::abs(g.min), std::abs(g.max)));
        spec = VariableSpec{name,
                            NcType::f32,
                            false,
                            std::string(info.units),
                            std::string(info.long_name),
                            -r,
                            r,
                            static_cast<double>(k_float_fill),
                            "",
                            ""};
      } else {
        spec = VariableSpec{name,
                            NcType::f32,
                            false,
                            std::string(info.units),
                            std::string(info.long_name),
                            0.0,
                            round_up(g.max),
                            static_cast<double>(k_float_fill),
                            "",
                            ""};
      }
    }
    zoom_in(g, zoom);
    MapText text;
    text.title = cat(title_of(name), " ", years.back());
    text.subtitle = cat(std::filesystem::path(path).filename().string(), "  |  ", resolution, " m map cells",
                        step > 1 ? cat("  |  1 pixel = ", step, " x ", step, " map cells") : std::string());
    out.push_back(MapFilePicture{name, text.title, spec.units, draw_map(g, spec, text)});
  }
  return out;
}

}  // namespace polder::io::render
