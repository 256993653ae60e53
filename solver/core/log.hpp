#pragma once
// Rank-aware logger. By default only rank 0 prints; `all_ranks` mode prefixes every line with the
// rank. Library code logs through this, never through std::cout.

#include <string_view>

namespace polder::log {

enum class Level { quiet = 0, warn = 1, info = 2, debug = 3 };

/// Set once at program start, after MPI is initialised.
void configure(int rank, Level level, bool all_ranks);
Level level();

void info(std::string_view message);
void warn(std::string_view message);
void debug(std::string_view message);
/// Progress lines: printed on rank 0 at info level, overwritten in place on a terminal.
void progress(std::string_view message);

}  // namespace polder::log
