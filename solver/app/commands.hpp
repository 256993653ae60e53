#pragma once
// The `polder` subcommands. Each takes the arguments after its name and the world communicator, and
// returns the process exit code (0 ok, 2 usage/config/input error, 1 internal error). Errors are
// reported by throwing polder::ConfigError / InputError; main() turns them into messages and codes.

#include <string>
#include <vector>

#include "solver/parallel/comm.hpp"

namespace polder::app {

using Args = std::vector<std::string>;

int cmd_synth(const Args& args, const parallel::Comm& world);
int cmd_ingest(const Args& args, const parallel::Comm& world);
int cmd_run(const Args& args, const parallel::Comm& world);
int cmd_report(const Args& args, const parallel::Comm& world);
int cmd_compare(const Args& args, const parallel::Comm& world);
int cmd_scenarios(const Args& args, const parallel::Comm& world);
int cmd_info(const Args& args, const parallel::Comm& world);

}  // namespace polder::app
