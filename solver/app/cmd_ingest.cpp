// Placeholder: replaced by the real subcommand.
#include "app/commands.hpp"
#include "core/error.hpp"
namespace polder::app {
int cmd_ingest(const Args&, const parallel::Comm&) { throw ConfigError("polder ingest: not built yet"); }
}  // namespace polder::app
