#pragma once
// Boost.Program_options at the edge: parses a subcommand's arguments, prints --help, and turns
// unknown or malformed options into ConfigError (exit code 2) with a suggestion.

#include <boost/program_options.hpp>

#include <cstdint>
#include <string>

#include "solver/app/commands.hpp"
#include "solver/reporting/report_filter.hpp"

namespace polder::app {

namespace po = boost::program_options;

/// Parses `args` against `options` (plus --help). Returns false if --help was printed (on rank 0).
/// `positional` may name options that take positional arguments.
bool parse_command_line(const std::string& command, const std::string& summary, const Args& args,
                        const po::options_description& options, po::variables_map& vm,
                        const po::positional_options_description* positional, const parallel::Comm& world);

/// The year, category and province filters of `polder report` and `polder compare`.
struct FilterOptions {
  std::string years, category, province;
  std::int32_t year = 0, from = 0, to = 0;
};
/// Adds --years, --from, --to, --year, --category and --province bound to `f`.
void add_filter_options(po::options_description& options, FilterOptions& f);
/// The filter the options give; ConfigError for two year options at once, a malformed range, an
/// unknown category or province.
reporting::ReportFilter parse_filter(const FilterOptions& f, const po::variables_map& vm);

}  // namespace polder::app
