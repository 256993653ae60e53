#include "solver/app/cli_options.hpp"

#include <iostream>
#include <sstream>
#include <vector>

#include "io/config/suggest.hpp"
#include "solver/core/error.hpp"

namespace polder::app {

bool parse_command_line(const std::string& command, const std::string& summary, const Args& args,
                        const po::options_description& options, po::variables_map& vm,
                        const po::positional_options_description* positional, const parallel::Comm& world) {
  po::options_description all(cat("Usage: polder ", command, " [options]\n\n", summary, "\n\nOptions"));
  all.add_options()("help,h", "print this help and exit");
  all.add(options);
  try {
    po::command_line_parser parser(args);
    parser.options(all);
    if (positional != nullptr) parser.positional(*positional);
    po::store(parser.run(), vm);
    if (vm.count("help") != 0U) {
      if (world.is_root()) std::cout << all << '\n';
      return false;
    }
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    std::vector<std::string> names;
    for (const auto& o : all.options()) names.push_back("--" + o->long_name());
    const std::string hint = io::suggestion_suffix(e.get_option_name(), names);
    throw ConfigError(cat("polder ", command, ": unknown option '", e.get_option_name(), "'", hint, " (see polder ",
                          command, " --help)"));
  } catch (const po::error& e) {
    throw ConfigError(cat("polder ", command, ": ", e.what(), " (see polder ", command, " --help)"));
  }
  return true;
}

}  // namespace polder::app
