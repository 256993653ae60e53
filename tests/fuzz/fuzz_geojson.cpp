// Fuzzes the GeoJSON reader of the province outlines. Bad text may only raise InputError; outlines
// that load are the 12 provinces in code order.

#include <cstdint>
#include <string_view>

#include "io/synth/geojson_provinces.hpp"
#include "solver/core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto outlines =
        polder::io::synth::read_province_outlines(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    if (outlines.size() != 12) __builtin_trap();
    for (std::size_t i = 0; i < outlines.size(); ++i)
      if (outlines[i].code != static_cast<int>(i) + 1) __builtin_trap();
  } catch (const polder::InputError&) {
  }
  return 0;
}
