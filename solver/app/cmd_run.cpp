// Placeholder: replaced by the real subcommand.
#include "app/commands.hpp"
#include "core/error.hpp"
namespace polder::app {
int cmd_run(const Args&, const parallel::Comm&) { throw ConfigError("polder run: not built yet"); }
}  // namespace polder::app
