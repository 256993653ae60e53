// Fuzzes the input-stack checks on the arrays they see after a read (io/netcdf/input_checks.hpp):
//   - first_violation for every schema variable, against a plain reference scan of the documented
//     rules (docs/input-format.md): the fast vectorised pass and the exact scan must find the same first
//     bad cell, and never miss one;
//   - the cross-variable rules on arbitrary blocks;
//   - the lattice check of x/y coordinates (NaN, Inf, huge values, uneven steps).
// Input layout: byte 0 picks the check, bytes 1-2 the block shape, then the block's bytes.

#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <sstream>
#include <vector>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/input_checks_detail.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

namespace {

using polder::grid::GridWindow;
using polder::grid::NationalGrid;
using polder::io::VariableSpec;

/// Reads the fuzz input from the front; past its end every read gives zeros.
class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}
  template <typename T>
  T take() {
    T v{};
    std::uint8_t bytes[sizeof(T)] = {};
    for (auto& b : bytes) b = m_at < m_size ? m_data[m_at++] : 0;
    std::memcpy(&v, bytes, sizeof(T));
    return v;
  }

 private:
  const std::uint8_t* m_data;
  std::size_t m_size;
  std::size_t m_at = 0;
};

/// The documented rule of `spec` for one value; `inside` is territory != 0.
bool reference_ok(const VariableSpec& spec, double v, bool inside) {
  if (spec.name == "territory") return v == 0 || v == 1;
  if (!inside) return v == spec.fill;
  if (!spec.flag_values.empty()) {
    std::istringstream in(spec.flag_values);
    for (int code = 0; in >> code;)
      if (v == code) return true;
    return false;
  }
  if (spec.name == "seagrass_since") return v == 0 || (v >= 1900 && v <= 2100);
  return v >= spec.valid_min && v <= spec.valid_max;
}

template <typename T>
void check_variable(const VariableSpec& spec, Reader& in, const GridWindow& block) {
  const auto n = static_cast<std::size_t>(block.size());
  std::vector<std::uint8_t> territory(n);
  std::vector<T> values(n);
  for (auto& t : territory) t = in.take<std::uint8_t>();
  for (auto& v : values) v = in.take<T>();
  if (spec.name == "territory") {
    if constexpr (std::is_same_v<T, std::uint8_t>) values = territory;
  }
  const auto found = polder::io::first_violation<T>(spec, values, block, territory, 0);
  std::optional<std::size_t> expected;
  for (std::size_t i = 0; i < n && !expected; ++i)
    if (!reference_ok(spec, static_cast<double>(values[i]), territory[i] != 0)) expected = i;
  if (found.has_value() != expected.has_value()) __builtin_trap();
  if (found) {
    const auto i = static_cast<std::size_t>(found->row - block.row0) * static_cast<std::size_t>(block.n_cols) +
                   static_cast<std::size_t>(found->col - block.col0);
    if (i != *expected || found->variable != spec.name) __builtin_trap();
    (void)polder::io::violation_message("fuzz.nc", *found);
  }
}

void check_cross(Reader& in, const GridWindow& block) {
  const auto n = static_cast<std::size_t>(block.size());
  std::vector<std::uint8_t> territory(n), soil(n), species(n), yield(n);
  std::vector<float> peat(n), glg(n), ghg(n), volume(n);
  std::vector<std::int16_t> age(n);
  for (std::size_t i = 0; i < n; ++i) {
    territory[i] = in.take<std::uint8_t>();
    soil[i] = in.take<std::uint8_t>();
    species[i] = in.take<std::uint8_t>();
    yield[i] = in.take<std::uint8_t>();
    peat[i] = in.take<float>();
    glg[i] = in.take<float>();
    ghg[i] = in.take<float>();
    volume[i] = in.take<float>();
    age[i] = in.take<std::int16_t>();
  }
  polder::io::CrossVariableBlock b;
  b.territory = territory;
  b.soil = soil;
  b.peat_thickness = peat;
  b.glg = glg;
  b.ghg = ghg;
  b.forest_species = species;
  b.forest_age = age;
  b.yield_class = yield;
  b.standing_volume = volume;
  if (const auto v = polder::io::first_cross_violation(b, block)) {
    if (!block.contains(v->row, v->col)) __builtin_trap();
    (void)polder::io::violation_message("fuzz.nc", *v);
  }
}

void check_lattice(Reader& in) {
  const auto nx = 1 + in.take<std::uint8_t>() % 8, ny = 1 + in.take<std::uint8_t>() % 8;
  std::vector<double> xs(nx), ys(ny);
  // Mostly near the lattice, so the later checks are reached: a lattice point plus a small offset.
  for (auto* axis : {&xs, &ys}) {
    for (auto& v : *axis) {
      const auto mode = in.take<std::uint8_t>();
      if (mode < 128) {
        v = 12.5 + 25.0 * static_cast<double>(in.take<std::int16_t>()) +
            1e-7 * static_cast<double>(in.take<std::int8_t>());
        if (axis == &ys) v += 300000.0;
      } else {
        v = in.take<double>();
      }
    }
  }
  try {
    const auto w = polder::io::detail::lattice_window("fuzz.nc", xs, ys);
    if (!w.inside_national() || w.n_cols != static_cast<std::int32_t>(nx) || w.n_rows != static_cast<std::int32_t>(ny))
      __builtin_trap();
    if (std::abs(NationalGrid::x_center(w.col0) - xs[0]) > 1e-3 ||
        std::abs(NationalGrid::y_center(w.row0) - ys[0]) > 1e-3)
      __builtin_trap();
  } catch (const polder::InputError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Reader in(data, size);
  const auto& specs = polder::io::stack_variables();
  const std::size_t which = in.take<std::uint8_t>() % (specs.size() + 2);
  const std::int32_t rows = 1 + in.take<std::uint8_t>() % 24, cols = 1 + in.take<std::uint8_t>() % 24;
  const GridWindow block{in.take<std::uint16_t>() % (NationalGrid::n_rows - rows),
                         in.take<std::uint16_t>() % (NationalGrid::n_cols - cols), rows, cols};
  if (which == specs.size()) {
    check_cross(in, block);
  } else if (which == specs.size() + 1) {
    check_lattice(in);
  } else {
    const auto& spec = specs[which];
    switch (spec.type) {
      case polder::io::NcType::u8:
        check_variable<std::uint8_t>(spec, in, block);
        break;
      case polder::io::NcType::i16:
        check_variable<std::int16_t>(spec, in, block);
        break;
      case polder::io::NcType::f32:
        check_variable<float>(spec, in, block);
        break;
      default:
        break;
    }
  }
  return 0;
}
