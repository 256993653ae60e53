#pragma once
// Writes an output file under a temporary name beside it and renames it only when every rank has
// finished its part, so a failed write (a full disk, a quota, a file-size limit) never leaves a file
// under the final name. Collective over `world`.

#include <unistd.h>

#include <filesystem>
#include <string>

#include "solver/core/error.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::app {

template <typename Write>
void write_atomically(const parallel::Comm& world, const std::string& path, Write&& write) {
  std::string tmp = path + ".partial-" + std::to_string(::getpid());
  world.broadcast(tmp);
  std::string failure;
  try {
    write(tmp);
  } catch (const OutputError& e) {
    failure = e.what();
  } catch (const InputError& e) {
    failure = e.what();
  }
  const bool ok = world.all(failure.empty());
  std::error_code ec;
  if (ok && world.is_root()) std::filesystem::rename(tmp, path, ec);
  if (!ok || !world.all(!ec)) {
    if (world.is_root()) std::filesystem::remove(tmp, ec);
    throw OutputError(cat("cannot write '", path, "'", failure.empty() ? " (failed on another rank)" : ": " + failure,
                          "; no file was left under that name"));
  }
}

}  // namespace polder::app
