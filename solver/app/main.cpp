// polder: national 25 m LULUCF carbon accounting engine. A thin entry point: MPI start-up, subcommand
// dispatch, and the one top-level error handler that turns errors into messages and exit codes.

#include <mpi.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "io/config/suggest.hpp"
#include "polder/version.hpp"
#include "solver/app/commands.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"

namespace {

using polder::app::Args;
using Command = std::function<int(const Args&, const polder::parallel::Comm&)>;

struct Entry {
  Command run;
  const char* summary;
};

const std::map<std::string, Entry>& commands() {
  static const std::map<std::string, Entry> table = {
      {"synth", {polder::app::cmd_synth, "write a synthetic national or regional input stack (NetCDF-4)"}},
      {"ingest", {polder::app::cmd_ingest, "bring real GIS layers (GeoTIFF, ASCII grid, GeoPackage) onto the grid"}},
      {"run", {polder::app::cmd_run, "compute an inventory from a config and an input stack"}},
      {"report", {polder::app::cmd_report, "print an inventory as tables or CSV"}},
      {"compare", {polder::app::cmd_compare, "inventories side by side: net emissions and differences from a base"}},
      {"scenarios", {polder::app::cmd_scenarios, "check a scenario set (configs/scenarios) and list its member runs"}},
      {"info", {polder::app::cmd_info, "describe an input stack, climate file or inventory; draw a map"}},
  };
  return table;
}

void print_usage(std::FILE* out) {
  std::fprintf(out, "polder %s (%s): Netherlands LULUCF inventory engine on the 25 m national grid\n\n",
               polder::k_version, polder::k_git_revision);
  std::fprintf(out, "Usage: polder <command> [options]    (polder <command> --help for details)\n\nCommands:\n");
  for (const auto& [name, e] : commands()) std::fprintf(out, "  %-10s %s\n", name.c_str(), e.summary);
  std::fprintf(out, "\nExit codes: 0 ok, 2 usage/config/input error, 1 internal error.\n");
}

/// Waits (bounded) until every rank has reached the error handler. User errors are raised on all
/// ranks together by design; if one rank is stuck elsewhere, fall back to MPI_Abort.
bool all_ranks_arrive(MPI_Comm comm) {
  MPI_Request req = MPI_REQUEST_NULL;
  if (MPI_Ibarrier(comm, &req) != MPI_SUCCESS) return false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  int done = 0;
  while (!done) {
    MPI_Test(&req, &done, MPI_STATUS_IGNORE);
    if (done) break;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

/// Prints the message once (rank 0) when every rank raised the error together; otherwise each rank that
/// raised it prints it with its rank and the job is aborted (the other ranks may be waiting in a
/// collective call that will never complete).
int finish(int code, const std::string& message, bool user_error, const polder::parallel::Comm& world) {
  const bool collective = world.size() == 1 || all_ranks_arrive(world.raw());
  if (!message.empty() && (world.is_root() || !collective)) {
    const std::string where = collective ? std::string() : " on rank " + std::to_string(world.rank());
    std::fprintf(stderr, "polder: %s%s: %s\n", user_error ? "error" : "internal error", where.c_str(), message.c_str());
    std::fflush(stderr);
  }
  if (!collective) MPI_Abort(world.raw(), code);
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f) makes writes fail with EFBIG instead of killing the process, so the
  // writers can remove their partial file and report it like a full disk.
  std::signal(SIGXFSZ, SIG_IGN);
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  int code = 0;
  {
    const auto world = polder::parallel::Comm::borrow(MPI_COMM_WORLD);
    polder::log::configure(world.rank(), polder::log::Level::info, false);
    const Args all(argv + 1, argv + argc);
    try {
      if (all.empty() || all[0] == "--help" || all[0] == "-h" || all[0] == "help") {
        if (world.is_root()) print_usage(stdout);
        code = all.empty() ? 2 : 0;
      } else if (all[0] == "--version") {
        if (world.is_root()) std::printf("polder %s (%s)\n", polder::k_version, polder::k_git_revision);
      } else {
        const auto it = commands().find(all[0]);
        if (it == commands().end()) {
          std::vector<std::string> names;
          for (const auto& [name, e] : commands()) names.push_back(name);
          throw polder::ConfigError("unknown command '" + all[0] + "'" + polder::io::suggestion_suffix(all[0], names) +
                                    " (see polder --help)");
        }
        code = it->second.run(Args(all.begin() + 1, all.end()), world);
      }
    } catch (const polder::ConfigError& e) {
      code = finish(2, e.what(), true, world);
    } catch (const polder::InputError& e) {
      code = finish(2, e.what(), true, world);
    } catch (const polder::OutputError& e) {
      code = finish(2, e.what(), true, world);
    } catch (const std::exception& e) {
      // Internal errors raised on every rank together (a failed check after a collective step) end as
      // cleanly as user errors; one raised on one rank aborts the job after the wait above.
      code = finish(1, e.what(), false, world);
    }
  }
  MPI_Finalize();
  return code;
}
