#pragma once
// What an ingest will do, decided before any cell is touched: the config, the base stack, the output
// window and region, the map years, and for every output variable (and map year) whether it comes
// from a layer or the base. Every check that needs no cell data happens here.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/ingest/ingest.hpp"
#include "io/ingest/ingest_config.hpp"
#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/nc_file.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "solver/grid/grid_window.hpp"

namespace polder::io::ingest {

/// One variable (and map year) of the output and where it comes from.
struct Slot {
  const VariableSpec* spec;
  std::size_t year_index;  ///< for land_use
  std::int32_t map_year;   ///< 0 for (y, x) variables
  const LayerSpec* layer;  ///< nullptr: from the base stack
  std::size_t reader = 0;  ///< index of the layer in the config (and of its reader)
};

struct IngestPlan {
  IngestConfig config;
  std::optional<NcFile> base;
  std::optional<StackInfo> base_info;
  grid::GridWindow window;
  std::string region;       ///< the stack's polder_region
  int region_province = 0;  ///< > 0: the territory is limited to this province's cells
  std::vector<std::int32_t> map_years;
  std::vector<Slot> slots;  ///< in schema order: slots[0] is territory
  StackAttributes attributes;

  const NcFile* base_file() const { return base ? &*base : nullptr; }
  const StackInfo* base_meta() const { return base_info ? &*base_info : nullptr; }
  const Slot& slot_of(const std::string& variable) const;
};

/// Collective (reads the base stack's metadata, and its province layer for a province region).
IngestPlan make_plan(const IngestRequest& request, const parallel::Comm& comm);

}  // namespace polder::io::ingest
