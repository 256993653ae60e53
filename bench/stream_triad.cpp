// Memory bandwidth of this machine, STREAM-triad style (a[i] = b[i] + s * c[i]) with OpenMP, as the
// roofline reference for the engine benchmark. Prints the best and median of repeated runs in GB/s.
//   polder_stream [million elements per array, default 80] [repetitions, default 10]

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
  const std::size_t n = (argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 80) * 1000000ULL;
  const int reps = argc > 2 ? std::atoi(argv[2]) : 10;
  std::vector<double> a(n), b(n), c(n);
  const auto ln = static_cast<long long>(n);
#pragma omp parallel for schedule(static)
  for (long long i = 0; i < ln; ++i) {
    a[static_cast<std::size_t>(i)] = 0.0;
    b[static_cast<std::size_t>(i)] = 1.0;
    c[static_cast<std::size_t>(i)] = 2.0;
  }
  std::vector<double> rates;
  const double scalar = 3.0;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
#pragma omp parallel for schedule(static)
    for (long long i = 0; i < ln; ++i) {
      const auto k = static_cast<std::size_t>(i);
      a[k] = b[k] + scalar * c[k];
    }
    const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rates.push_back(3.0 * sizeof(double) * static_cast<double>(n) / dt / 1e9);
  }
  std::sort(rates.begin(), rates.end());
  std::printf("stream_triad threads=%d elements=%zu best_GBps=%.1f median_GBps=%.1f check=%.1f\n",
              omp_get_max_threads(), n, rates.back(), rates[rates.size() / 2], a[n / 2]);
  return 0;
}
