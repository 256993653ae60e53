// Fuzzes the parameter-file reader (value, unit, range, source and the Monte Carlo fields). Bad text
// may only raise ConfigError; a parameter that loads has a finite value inside its range.

#include <cmath>
#include <cstdint>

#include "io/config/parameter_set.hpp"
#include "solver/core/error.hpp"
#include "tests/fuzz/fuzz_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const polder::fuzz::FuzzFile file(data, size, ".param.ini");
  try {
    const auto set = polder::io::ParameterSet::load({file.path()});
    for (const auto& [name, p] : set.all()) {
      if (!std::isfinite(p.value) || !(p.low <= p.value && p.value <= p.high)) __builtin_trap();
      (void)set.get(name, p.unit);
    }
    set.reject_unused();
  } catch (const polder::ConfigError&) {
  }
  return 0;
}
