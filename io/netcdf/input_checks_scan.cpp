// The whole-file value check of an input stack: row blocks shared out over the ranks, every variable
// checked per block, the first violation agreed over all ranks.

#include <map>

#include "solver/core/error.hpp"

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/row_blocks.hpp"

namespace polder::io {
namespace {

/// One (variable, map year) to check, with the first violation this rank has found in it.
struct Slot {
  const VariableSpec* spec;
  std::optional<std::size_t> year_index;
  std::int32_t map_year;
  std::optional<Violation> first;
};

struct BlockBuffers {
  std::map<std::string, std::vector<std::uint8_t>> u8;
  std::map<std::string, std::vector<std::int16_t>> i16;
  std::map<std::string, std::vector<float>> f32;
};

template <typename T>
void read_and_check(const NcFile& file, const StackInfo& info, const grid::GridWindow& block, Slot& slot,
                    std::span<const std::uint8_t> territory, std::vector<T>& buffer) {
  read_block<T>(file, slot.spec->name, info.window, block, slot.year_index, buffer);
  if (!slot.first) slot.first = first_violation<T>(*slot.spec, buffer, block, territory, slot.map_year);
}

}  // namespace

void check_stack_values(const NcFile& file, const StackInfo& info, const parallel::Comm& comm) {
  std::vector<Slot> slots;
  for (const auto& spec : stack_variables()) {
    if (spec.per_map_year) {
      for (std::size_t y = 0; y < info.map_years.size(); ++y) slots.push_back({&spec, y, info.map_years[y], {}});
    } else {
      slots.push_back({&spec, std::nullopt, 0, {}});
    }
  }
  std::optional<Violation> cross;
  BlockBuffers buf;
  const RowBlocks blocks(info.window, comm);
  for (std::size_t round = 0; round < blocks.rounds(); ++round) {
    const auto block = blocks.block(round);
    auto& territory = buf.u8["territory"];
    read_block<std::uint8_t>(file, "territory", info.window, block, std::nullopt, territory);
    for (auto& slot : slots) {
      if (slot.spec->name == "territory") {
        if (!slot.first) slot.first = first_violation<std::uint8_t>(*slot.spec, territory, block, territory);
        continue;
      }
      const std::string key = slot.year_index ? cat(slot.spec->name, "/", *slot.year_index) : slot.spec->name;
      switch (slot.spec->type) {
        case NcType::u8:
          read_and_check<std::uint8_t>(file, info, block, slot, territory, buf.u8[key]);
          break;
        case NcType::i16:
          read_and_check<std::int16_t>(file, info, block, slot, territory, buf.i16[key]);
          break;
        case NcType::f32:
          read_and_check<float>(file, info, block, slot, territory, buf.f32[key]);
          break;
        default:
          throw InternalError(cat("no value check for the type of ", slot.spec->name));
      }
    }
    if (!cross && !block.empty()) {
      CrossVariableBlock c;
      c.territory = territory;
      c.soil = buf.u8["soil"];
      c.peat_thickness = buf.f32["peat_thickness"];
      c.glg = buf.f32["glg"];
      c.ghg = buf.f32["ghg"];
      c.forest_species = buf.u8["forest_species"];
      c.forest_age = buf.i16["forest_age"];
      c.yield_class = buf.u8["yield_class"];
      c.standing_volume = buf.f32["standing_volume"];
      cross = first_cross_violation(c, block);
    }
  }
  for (const auto& slot : slots) raise_first_violation(comm, file.path(), slot.first);
  raise_first_violation(comm, file.path(), cross);
}

}  // namespace polder::io
