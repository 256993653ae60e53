#pragma once
// Boost.Program_options at the edge: parses a subcommand's arguments, prints --help, and turns
// unknown or malformed options into ConfigError (exit code 2) with a suggestion.

#include <boost/program_options.hpp>

#include <string>

#include "solver/app/commands.hpp"

namespace polder::app {

namespace po = boost::program_options;

/// Parses `args` against `options` (plus --help). Returns false if --help was printed (on rank 0).
/// `positional` may name options that take positional arguments.
bool parse_command_line(const std::string& command, const std::string& summary, const Args& args,
                        const po::options_description& options, po::variables_map& vm,
                        const po::positional_options_description* positional, const parallel::Comm& world);

}  // namespace polder::app
