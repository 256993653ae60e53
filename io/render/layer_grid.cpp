#include "io/render/layer_grid.hpp"

#include <mpi.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "io/netcdf/row_blocks.hpp"
#include "solver/core/error.hpp"

namespace polder::io::render {
namespace {

constexpr int k_keys = 257;  // 0 = outside the territory, code + 1 otherwise

/// Gathers each rank's consecutive pixel rows onto rank 0 (rank order = row order).
template <typename T>
std::vector<T> gather_rows(const parallel::Comm& comm, const std::vector<T>& mine, MPI_Datatype type) {
  const int n = static_cast<int>(mine.size());
  std::vector<int> counts(static_cast<std::size_t>(comm.size())), offsets(counts.size());
  parallel::check_mpi(MPI_Gather(&n, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, comm.raw()), "gather row counts");
  std::vector<T> all;
  if (comm.is_root()) {
    for (std::size_t r = 1; r < counts.size(); ++r) offsets[r] = offsets[r - 1] + counts[r - 1];
    all.resize(static_cast<std::size_t>(offsets.back() + counts.back()));
  }
  parallel::check_mpi(MPI_Gatherv(mine.data(), n, type, all.data(), counts.data(), offsets.data(), type, 0, comm.raw()),
                      "gather picture rows");
  return all;
}

template <typename T>
void reduce_block(const VariableSpec& spec, const grid::GridWindow& block, const std::vector<std::uint8_t>& territory,
                  const std::vector<T>& values, int scale, int width, LayerGrid& out, std::vector<std::int32_t>& codes,
                  std::vector<float>& means, std::vector<std::int64_t>& counts, std::vector<double>& sums,
                  std::vector<std::int64_t>& numbers) {
  const bool classes = out.classes;
  const auto fill = static_cast<T>(spec.fill);
  for (std::int32_t r0 = 0; r0 < block.n_rows; r0 += scale) {
    const std::int32_t r1 = std::min(block.n_rows, r0 + scale);
    if (classes)
      std::fill(counts.begin(), counts.end(), 0);
    else
      std::fill(sums.begin(), sums.end(), 0.0), std::fill(numbers.begin(), numbers.end(), 0);
    for (std::int32_t r = r0; r < r1; ++r) {
      const std::size_t row = static_cast<std::size_t>(r) * static_cast<std::size_t>(block.n_cols);
      for (std::int32_t c = 0; c < block.n_cols; ++c) {
        const std::size_t i = row + static_cast<std::size_t>(c);
        const auto px = static_cast<std::size_t>(c / scale);
        const bool inside = territory[i] != 0;
        out.territory_cells += inside ? 1 : 0;
        if (classes) {
          const auto code = static_cast<int>(values[i]);
          const int key = inside && code >= 0 && code < 256 ? code + 1 : 0;
          ++counts[px * k_keys + static_cast<std::size_t>(key)];
          if (key > 0) ++out.class_cells[static_cast<std::size_t>(code)];
        } else if (inside && values[i] != fill && std::isfinite(static_cast<double>(values[i]))) {
          const auto v = static_cast<double>(values[i]);
          sums[px] += v;
          ++numbers[px];
          out.min = std::min(out.min, v);
          out.max = std::max(out.max, v);
        }
      }
    }
    for (int px = 0; px < width; ++px) {
      if (classes) {
        const auto* h = &counts[static_cast<std::size_t>(px) * k_keys];
        const auto best = std::max_element(h, h + k_keys) - h;  // ties: the lowest key
        codes.push_back(static_cast<std::int32_t>(best) - 1);
      } else {
        const auto n = numbers[static_cast<std::size_t>(px)];
        means.push_back(n > 0 ? static_cast<float>(sums[static_cast<std::size_t>(px)] / static_cast<double>(n))
                              : std::numeric_limits<float>::quiet_NaN());
      }
    }
  }
}

template <typename T>
void scan(const NcFile& file, const StackInfo& info, const VariableSpec& spec, std::optional<std::size_t> year_index,
          const parallel::Comm& comm, LayerGrid& out, std::vector<std::int32_t>& codes, std::vector<float>& means) {
  const int scale = out.scale;
  const RowBlocks blocks(info.window, comm, scale * std::max(1, 256 / scale));
  std::vector<std::int64_t> counts(out.classes ? static_cast<std::size_t>(out.width) * k_keys : 0);
  std::vector<double> sums(out.classes ? 0 : static_cast<std::size_t>(out.width));
  std::vector<std::int64_t> numbers(sums.size());
  std::vector<std::uint8_t> territory;
  std::vector<T> values;
  for (std::size_t round = 0; round < blocks.rounds(); ++round) {
    const auto block = blocks.block(round);
    read_block<std::uint8_t>(file, "territory", info.window, block, std::nullopt, territory);
    read_block<T>(file, spec.name, info.window, block, spec.per_map_year ? year_index : std::nullopt, values);
    if (!block.empty())
      reduce_block<T>(spec, block, territory, values, scale, out.width, out, codes, means, counts, sums, numbers);
  }
}

}  // namespace

int default_scale(const grid::GridWindow& window) { return std::max(1, (window.n_rows + 1399) / 1400); }

LayerGrid read_layer_grid(const NcFile& file, const StackInfo& info, const VariableSpec& spec,
                          std::optional<std::size_t> year_index, int scale, const parallel::Comm& comm) {
  POLDER_VERIFY(scale >= 1, "picture scale ", scale);
  LayerGrid out;
  out.scale = scale;
  out.width = (info.window.n_cols + scale - 1) / scale;
  out.height = (info.window.n_rows + scale - 1) / scale;
  out.classes = !spec.flag_values.empty();
  out.class_cells.assign(out.classes ? 256 : 0, 0);
  out.min = std::numeric_limits<double>::infinity();
  out.max = -std::numeric_limits<double>::infinity();
  std::vector<std::int32_t> codes;
  std::vector<float> means;
  switch (spec.type) {
    case NcType::u8:
      scan<std::uint8_t>(file, info, spec, year_index, comm, out, codes, means);
      break;
    case NcType::i16:
      scan<std::int16_t>(file, info, spec, year_index, comm, out, codes, means);
      break;
    case NcType::f32:
      scan<float>(file, info, spec, year_index, comm, out, codes, means);
      break;
    default:
      throw InternalError(cat("cannot draw variable ", spec.name));
  }
  if (out.classes) {
    out.codes = gather_rows(comm, codes, MPI_INT32_T);
    comm.reduce_sum_to_root(out.class_cells);
  } else {
    out.values = gather_rows(comm, means, MPI_FLOAT);
    out.min = comm.allreduce_min(out.min);
    out.max = comm.allreduce_max(out.max);
  }
  std::vector<std::int64_t> t = {out.territory_cells};
  comm.reduce_sum_to_root(t);
  out.territory_cells = t[0];
  return out;
}

}  // namespace polder::io::render
