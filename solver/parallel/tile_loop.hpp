#pragma once
// The one OpenMP idiom in Polder: a dynamic loop over a rank's local tiles. Kernels carry no pragmas.
// Each tile is processed by exactly one thread in one go, so per-tile results do not depend on the
// thread count.

#include <cstddef>
#include <exception>
#include <mutex>

namespace polder::parallel {

/// Calls body(tile_index) for tile_index in [0, n_tiles), spread over OpenMP threads. An exception
/// thrown by any tile is re-thrown on the calling thread after the loop.
template <typename Body>
void for_each_tile(std::size_t n_tiles, Body&& body) {
  std::exception_ptr error;
  std::mutex error_mutex;
  const auto n = static_cast<long long>(n_tiles);
#pragma omp parallel for schedule(dynamic, 1)
  for (long long i = 0; i < n; ++i) {
    try {
      body(static_cast<std::size_t>(i));
    } catch (...) {
      const std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace polder::parallel
