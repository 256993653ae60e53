#include "ingest/region_window.hpp"

#include <sstream>
#include <vector>

#include "config/suggest.hpp"
#include "core/error.hpp"
#include "model/province.hpp"
#include "netcdf/row_blocks.hpp"

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

grid::GridWindow region_window(const std::string& name, const NcFile* base, const StackInfo* base_info,
                               const parallel::Comm& comm) {
  if (name == "national") return grid::GridWindow::national();
  std::vector<std::string> keys = {"national"};
  int code = 0;
  for (int p = 1; p <= model::k_provinces; ++p) {
    keys.emplace_back(model::k_province_keys[static_cast<std::size_t>(p)]);
    if (name == keys.back()) code = p;
  }
  if (code == 0) throw ConfigError(cat("unknown region '", name, "'", suggestion_suffix(name, keys), " (national or a province)"));
  if (base == nullptr || base_info == nullptr)
    throw ConfigError(cat("region '", name, "' is a province: its extent comes from the province layer of a base "
                          "stack (--base), or give --window row0,col0,nrows,ncols"));
  std::int64_t r0 = grid::NationalGrid::n_rows, c0 = grid::NationalGrid::n_cols, r1 = -1, c1 = -1;
  const RowBlocks blocks(base_info->window, comm);
  std::vector<std::uint8_t> province;
  for (std::size_t round = 0; round < blocks.rounds(); ++round) {
    const auto block = blocks.block(round);
    read_block<std::uint8_t>(*base, "province", base_info->window, block, std::nullopt, province);
    for (std::size_t i = 0; i < province.size(); ++i) {
      if (province[i] != code) continue;
      const std::int64_t r = block.row0 + static_cast<std::int64_t>(i) / block.n_cols;
      const std::int64_t c = block.col0 + static_cast<std::int64_t>(i) % block.n_cols;
      r0 = std::min(r0, r), r1 = std::max(r1, r), c0 = std::min(c0, c), c1 = std::max(c1, c);
    }
  }
  r0 = -comm.allreduce_max(-r0), c0 = -comm.allreduce_max(-c0);
  r1 = comm.allreduce_max(r1), c1 = comm.allreduce_max(c1);
  if (r1 < 0) throw ConfigError(cat("region '", name, "': the base stack '", base->path(), "' has no cells of that province"));
  return {static_cast<std::int32_t>(r0), static_cast<std::int32_t>(c0), static_cast<std::int32_t>(r1 - r0 + 1),
          static_cast<std::int32_t>(c1 - c0 + 1)};
}

}  // namespace polder::io::ingest
