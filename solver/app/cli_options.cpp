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

void add_filter_options(po::options_description& options, FilterOptions& f) {
  options.add_options()("years", po::value(&f.years), "year range A-B (or one year)")(
      "from", po::value(&f.from), "first year")("to", po::value(&f.to), "last year")("year,y", po::value(&f.year),
                                                                                     "one year (same as --years Y)")(
      "category,c", po::value(&f.category), "one CRT category: 4.A ... 4.G or forest, cropland, ..., hwp")(
      "province,p", po::value(&f.province), "one province: groningen, friesland, ..., limburg");
}

reporting::ReportFilter parse_filter(const FilterOptions& f, const po::variables_map& vm) {
  reporting::ReportFilter out;
  const int year_options =
      static_cast<int>(vm.count("years") + vm.count("year") + (vm.count("from") + vm.count("to") > 0));
  if (year_options > 1) throw ConfigError("give one of --years, --year or --from/--to");
  if (vm.count("years")) {
    const auto [a, b] = reporting::parse_year_range(f.years, "--years");
    out.first_year = a;
    out.last_year = b;
  }
  if (vm.count("year")) out.first_year = out.last_year = f.year;
  if (vm.count("from")) out.first_year = f.from;
  if (vm.count("to")) out.last_year = f.to;
  if (vm.count("category")) out.category = reporting::parse_category(f.category);
  if (vm.count("province")) out.province = reporting::parse_province(f.province);
  return out;
}

}  // namespace polder::app
