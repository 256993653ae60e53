// Fuzzes the run-config reader: the input is an INI file, read as the only config of a run; its first
// line is also tried as a --set override. Bad text may only raise ConfigError (or InputError).

#include <cstdint>
#include <string>

#include "io/config/run_config.hpp"
#include "solver/core/error.hpp"
#include "tests/fuzz/fuzz_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const polder::fuzz::FuzzFile file(data, size, ".ini");
  try {
    (void)polder::io::load_run_config({file.path()}, {});
  } catch (const polder::ConfigError&) {
  } catch (const polder::InputError&) {
  }
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string first_line = text.substr(0, text.find('\n'));
  try {
    (void)polder::io::load_run_config({},
                                      {"run.input=a", "run.climate=b", "run.output=c", "run.parameters=d", first_line});
  } catch (const polder::ConfigError&) {
  } catch (const polder::InputError&) {
  }
  return 0;
}
