#include "solver/engine/cell_state.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace polder::engine {
namespace {

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older kernels answer EINVAL and the first touch faults instead
#endif

/// Faults in [begin, end) from all OpenMP threads. The kernel zeroes each fresh page in the thread
/// that faults it; on virtual machines that hand memory to the guest lazily (Firecracker, measured
/// 0.3-1.2 GB/s per thread, docs/performance.md) a serial first touch of a national state takes
/// seconds. Populating in parallel chunks splits that cost over the threads; a kernel without
/// MADV_POPULATE_WRITE just skips it.
void populate(std::uintptr_t begin, std::uintptr_t end) {
  constexpr std::uintptr_t chunk = std::uintptr_t{64} << 20;
  const auto n = static_cast<std::int64_t>((end - begin + chunk - 1) / chunk);
#pragma omp parallel for schedule(dynamic, 1)
  for (std::int64_t k = 0; k < n; ++k) {
    const std::uintptr_t a = begin + static_cast<std::uintptr_t>(k) * chunk;
    const std::uintptr_t b = a + chunk < end ? a + chunk : end;
    // Page-aligned address ranges are integers here; madvise takes them back as pointers.
    (void)madvise(reinterpret_cast<void*>(a), b - a, MADV_POPULATE_WRITE);  // NOLINT(performance-no-int-to-ptr)
  }
}

/// Sizes `v` to `n` zeros. Large arrays are backed by transparent huge pages where the kernel allows
/// it (madvise before the first touch): touching GBs in 4 KiB pages costs millions of page faults.
template <typename T>
void allocate_field(std::vector<T>& v, std::size_t n) {
  std::vector<T>().swap(v);
  v.reserve(n);
  constexpr std::size_t huge = std::size_t{2} << 20;
  const std::size_t bytes = n * sizeof(T);
  if (bytes >= 4 * huge) {
    const auto begin = (reinterpret_cast<std::uintptr_t>(v.data()) + huge - 1) & ~(huge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(v.data()) + bytes) & ~(huge - 1);
    if (end > begin) {
      madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // NOLINT(performance-no-int-to-ptr)
      populate(begin, end);
    }
  }
  v.assign(n, T{});
}

}  // namespace

void CellState::allocate(const std::vector<TileInput>& kept, const std::vector<std::size_t>& begin,
                         std::int32_t tile_size_cells) {
  input = &kept;
  tile_size = tile_size_cells;
  tile_begin = begin;
  tiles.clear();
  for (const auto& t : kept) tiles.push_back(t.tile);
  visit_dense([&](const ColumnInfo&, auto& field) { allocate_field(field, n_cells()); });
  const auto cells = static_cast<std::size_t>(tile_size) * static_cast<std::size_t>(tile_size);
  row_in_tile.resize(cells);
  col_in_tile.resize(cells);
  for (std::size_t li = 0; li < cells; ++li) {
    row_in_tile[li] = static_cast<std::uint8_t>(li / static_cast<std::size_t>(tile_size));
    col_in_tile[li] = static_cast<std::uint8_t>(li % static_cast<std::size_t>(tile_size));
  }
  processes.assign(kept.size(), TileProcesses{});
}

std::size_t CellState::bytes() {
  std::size_t b = 0;
  visit_dense([&](const ColumnInfo&, auto& field) {
    b += field.capacity() * sizeof(typename std::decay_t<decltype(field)>::value_type);
  });
  for (auto& p : processes) p.visit_lists([&](const char*, auto& list) { b += list.bytes(); });
  return b;
}

}  // namespace polder::engine
