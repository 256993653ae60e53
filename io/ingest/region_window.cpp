#include "io/ingest/region_window.hpp"

#include <sstream>
#include <vector>

#include "io/netcdf/row_blocks.hpp"
#include "io/synth/region.hpp"
#include "solver/core/error.hpp"

namespace polder::io::ingest {

grid::GridWindow parse_window(const std::string& text) {
  std::vector<long> v;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    char* end = nullptr;
    const long n = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || end == nullptr || *end != '\0')
      throw ConfigError(cat("--window '", text, "': '", item, "' is not an integer (expected row0,col0,nrows,ncols)"));
    v.push_back(n);
  }
  if (v.size() != 4) throw ConfigError(cat("--window '", text, "': expected four numbers row0,col0,nrows,ncols"));
  const grid::GridWindow w{static_cast<std::int32_t>(v[0]), static_cast<std::int32_t>(v[1]),
                           static_cast<std::int32_t>(v[2]), static_cast<std::int32_t>(v[3])};
  if (w.empty() || !w.inside_national())
    throw ConfigError(cat("--window '", text, "' is empty or reaches outside the national grid (",
                          grid::NationalGrid::n_rows, " rows x ", grid::NationalGrid::n_cols, " cols)"));
  return w;
}

RegionWindow region_window(const std::string& name, const NcFile* base, const StackInfo* base_info,
                           const parallel::Comm& comm) {
  synth::Region region;
  try {
    region = synth::parse_region(name);  // the names `polder synth --region` takes
  } catch (const ConfigError& e) {
    std::string msg = e.what();
    if (const std::string synth = "polder synth: "; msg.rfind(synth, 0) == 0) msg.erase(0, synth.size());
    throw ConfigError("polder ingest: " + msg);
  }
  if (region.province == 0) return {grid::GridWindow::national(), region.key, 0};
  if (base == nullptr || base_info == nullptr)
    throw ConfigError(cat("region '", name,
                          "' is a province: its extent comes from the province layer of a base "
                          "stack (--base), or give --window row0,col0,nrows,ncols"));
  std::int64_t r0 = grid::NationalGrid::n_rows, c0 = grid::NationalGrid::n_cols, r1 = -1, c1 = -1;
  const RowBlocks blocks(base_info->window, comm);
  std::vector<std::uint8_t> province;
  for (std::size_t round = 0; round < blocks.rounds(); ++round) {
    const auto block = blocks.block(round);
    read_block<std::uint8_t>(*base, "province", base_info->window, block, std::nullopt, province);
    for (std::size_t i = 0; i < province.size(); ++i) {
      if (province[i] != region.province) continue;
      const std::int64_t r = block.row0 + static_cast<std::int64_t>(i) / block.n_cols;
      const std::int64_t c = block.col0 + static_cast<std::int64_t>(i) % block.n_cols;
      r0 = std::min(r0, r), r1 = std::max(r1, r), c0 = std::min(c0, c), c1 = std::max(c1, c);
    }
  }
  r0 = -comm.allreduce_max(-r0), c0 = -comm.allreduce_max(-c0);
  r1 = comm.allreduce_max(r1), c1 = comm.allreduce_max(c1);
  if (r1 < 0)
    throw ConfigError(cat("region '", name, "': the base stack '", base->path(), "' has no cells of that province"));
  // Grown to whole 256-cell tiles as `polder synth --region` does, within the base stack's window.
  constexpr std::int64_t tile = 256;
  const grid::GridWindow tiles{static_cast<std::int32_t>(r0 / tile * tile), static_cast<std::int32_t>(c0 / tile * tile),
                               static_cast<std::int32_t>((r1 / tile + 1) * tile - r0 / tile * tile),
                               static_cast<std::int32_t>((c1 / tile + 1) * tile - c0 / tile * tile)};
  return {tiles.intersect(grid::GridWindow::national()).intersect(base_info->window), region.key, region.province};
}

}  // namespace polder::io::ingest
