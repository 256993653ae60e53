#include "solver/core/log.hpp"

#include <unistd.h>
#include <cstdio>
#include <mutex>
#include <string>

namespace polder::log {
namespace {
int g_rank = 0;
Level g_level = Level::info;
bool g_all_ranks = false;
std::mutex g_mutex;

bool should_print(Level at) { return g_level >= at && (g_all_ranks || g_rank == 0); }

void emit(std::FILE* stream, const char* tag, std::string_view message) {
  const std::lock_guard<std::mutex> lock(g_mutex);
  if (g_all_ranks) std::fprintf(stream, "[rank %d] ", g_rank);
  std::fprintf(stream, "%s%.*s\n", tag, static_cast<int>(message.size()), message.data());
  std::fflush(stream);
}
}  // namespace

void configure(int rank, Level level, bool all_ranks) {
  g_rank = rank;
  g_level = level;
  g_all_ranks = all_ranks;
}

Level level() { return g_level; }

void info(std::string_view message) {
  if (should_print(Level::info)) emit(stdout, "", message);
}
void warn(std::string_view message) {
  if (should_print(Level::warn)) emit(stderr, "warning: ", message);
}
void debug(std::string_view message) {
  if (should_print(Level::debug)) emit(stderr, "debug: ", message);
}
void progress(std::string_view message) {
  if (!should_print(Level::info)) return;
  const std::lock_guard<std::mutex> lock(g_mutex);
  std::fprintf(stderr, "%.*s\n", static_cast<int>(message.size()), message.data());
  std::fflush(stderr);
}

}  // namespace polder::log
