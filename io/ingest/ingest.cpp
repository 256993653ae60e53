#include "ingest/ingest.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <type_traits>

#include "core/error.hpp"
#include "core/log.hpp"
#include "ingest/block_assembly.hpp"
#include "ingest/ingest_config.hpp"
#include "ingest/layer_reader.hpp"
#include "ingest/region_window.hpp"
#include "netcdf/input_checks.hpp"
#include "netcdf/row_blocks.hpp"
#include "netcdf/stack_schema.hpp"

namespace polder::io::ingest {
namespace {

namespace fs = std::filesystem;

/// Removes the temporary output unless committed (rank 0 only; the file is shared).
class PartialFile {
public:
  PartialFile(std::string path, const parallel::Comm& comm) : m_path(std::move(path)), m_root(comm.is_root()) {}
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;
  ~PartialFile() {
    std::error_code ec;
    if (!m_committed && m_root) fs::remove(m_path, ec);
  }
  const std::string& path() const { return m_path; }
  void commit() { m_committed = true; }

private:
  std::string m_path;
  bool m_root;
  bool m_committed = false;
};

/// One variable (and map year) of the output and where it comes from.
struct Slot {
  const VariableSpec* spec;
  std::size_t year_index;       ///< for land_use
  std::int32_t map_year;        ///< 0 for (y, x) variables
  const LayerSpec* layer;       ///< nullptr: from the base stack
  std::size_t reader = 0;       ///< index into the readers
};

void check_output_path(const IngestRequest& r, const parallel::Comm& comm) {
  if (r.output_path.empty()) throw ConfigError("polder ingest: no output file (--output FILE.nc)");
  const fs::path out(r.output_path);
  const fs::path dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
  bool exists = false, dir_ok = false;
  if (comm.is_root()) {
    exists = fs::exists(out);
    dir_ok = fs::is_directory(dir);
  }
  exists = comm.any(exists);
  dir_ok = comm.any(dir_ok);
  if (!dir_ok) throw ConfigError(cat("polder ingest: the output folder '", dir.string(), "' does not exist"));
  if (exists && !r.force)
    throw ConfigError(cat("polder ingest: '", r.output_path, "' exists; pass --force to replace it"));
  if (!r.base_path.empty() && fs::weakly_canonical(r.base_path) == fs::weakly_canonical(out))
    throw ConfigError("polder ingest: the output cannot be the base stack itself");
}

std::vector<std::int32_t> choose_map_years(const IngestConfig& config, const StackInfo* base) {
  std::set<std::int32_t> layer_years;
  for (const auto& l : config.layers)
    if (l.variable->per_map_year) layer_years.insert(l.map_year);
  if (base == nullptr) return {layer_years.begin(), layer_years.end()};
  for (const auto y : layer_years)
    if (std::find(base->map_years.begin(), base->map_years.end(), y) == base->map_years.end()) {
      std::string years;
      for (const auto b : base->map_years) years += (years.empty() ? "" : ", ") + std::to_string(b);
      throw ConfigError(cat(config.path, ": a land_use layer is for map year ", y, ", which the base stack does not "
                            "have (its map years: ", years, ")"));
    }
  return base->map_years;
}

std::vector<Slot> plan_slots(const IngestConfig& config, const std::vector<std::int32_t>& years, bool have_base) {
  std::vector<Slot> slots;
  std::vector<std::string> missing;
  for (const auto& spec : stack_variables()) {
    const std::size_t n = spec.per_map_year ? years.size() : 1;
    for (std::size_t y = 0; y < n; ++y) {
      const std::int32_t year = spec.per_map_year ? years[y] : 0;
      const LayerSpec* layer = config.layer_for(spec.name, year);
      if (layer == nullptr && !have_base) missing.push_back(spec.per_map_year ? cat(spec.name, " ", year) : spec.name);
      slots.push_back({&spec, y, year, layer});
    }
  }
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    throw ConfigError(cat(config.path, ": without --base every input-stack variable must come from a layer; missing: ",
                          list, ". Add [layer ...] sections (a constant layer is 'variable = X' and 'value = V'), "
                          "or start from an existing stack with --base"));
  }
  return slots;
}

StackAttributes make_attributes(const IngestRequest& r, const IngestConfig& config, const std::string& region,
                                const StackInfo* base) {
  StackAttributes a;
  a.region = region;
  a.title = config.title;
  std::string layers;
  for (const auto& l : config.layers) layers += cat(layers.empty() ? "" : "; ", l.variable->name,
                                                  l.map_year ? cat(" ", l.map_year) : std::string(), " <- ", l.label());
  a.source = cat("polder ingest of ", config.path, config.source_note.empty() ? "" : " (" + config.source_note + ")",
                 ": ", layers, r.base_path.empty() ? std::string() : cat("; other variables from ", r.base_path));
  a.history = cat("polder ingest ", r.config_path, r.base_path.empty() ? "" : " --base " + r.base_path);
  if (config.forest_reference_year) {
    a.forest_reference_year = *config.forest_reference_year;
  } else if (base != nullptr) {
    a.forest_reference_year = base->forest_reference_year;
  } else {
    throw ConfigError(cat(config.path, ": set forest_reference_year in [ingest] (the year forest_age and "
                          "standing_volume refer to)"));
  }
  return a;
}

/// Opens every layer's reader on every rank; any failure is raised on all ranks together.
std::vector<std::unique_ptr<LayerReader>> open_readers(const IngestConfig& config, const grid::GridWindow& window,
                                                       const parallel::Comm& comm) {
  std::vector<std::unique_ptr<LayerReader>> readers;
  FirstError error;
  for (const auto& layer : config.layers) {
    try {
      readers.push_back(open_layer(layer, window));
    } catch (const std::exception& e) {
      keep_first(error, static_cast<std::int64_t>(readers.size()), e.what());
      break;
    }
  }
  raise_first_error(comm, error);
  return readers;
}

template <typename T>
void assemble_and_write(StackWriter& writer, const NcFile* base, const StackInfo* base_info, const Slot& slot,
                        LayerReader* reader, const grid::GridWindow& block, std::span<const std::uint8_t> territory,
                        std::vector<double>& source, FirstError& error, std::int64_t key_base) {
  std::vector<T> values(block.empty() ? 0 : static_cast<std::size_t>(block.size()));
  if (slot.layer == nullptr) {
    read_block<T>(*base, slot.spec->name, base_info->window, block,
                  slot.spec->per_map_year ? std::optional<std::size_t>(slot.year_index) : std::nullopt, values);
    mask_outside<T>(*slot.spec, territory, values);
  } else if (!block.empty()) {
    try {
      source.resize(values.size());
      reader->read(block, source);
      values_from_source<T>(*slot.layer, reader->mapped(), block, source, territory, values, error, key_base);
    } catch (const std::exception& e) {
      keep_first(error, key_base + grid::NationalGrid::cell_id(block.row0, block.col0), e.what());
    }
  }
  if constexpr (std::is_same_v<T, std::uint8_t>) {
    if (slot.spec->per_map_year) {
      writer.write_map_year<T>(slot.spec->name, slot.year_index, block, values);
      return;
    }
  }
  POLDER_VERIFY(!slot.spec->per_map_year, "map-year variable ", slot.spec->name, " must be uint8");
  writer.write<T>(slot.spec->name, block, values);
}

}  // namespace

IngestSummary run_ingest(const IngestRequest& request, const parallel::Comm& comm) {
  const IngestConfig config = read_ingest_config(request.config_path);
  check_output_path(request, comm);

  std::optional<NcFile> base;
  std::optional<StackInfo> base_info;
  if (!request.base_path.empty()) {
    base.emplace(comm, request.base_path, NcFile::Mode::read);
    base_info = check_stack_metadata(*base);
  }
  const NcFile* base_file = base ? &*base : nullptr;
  const StackInfo* base_meta = base_info ? &*base_info : nullptr;

  IngestSummary summary;
  summary.region = !request.region.empty() ? request.region : config.region;
  if (request.window) {
    summary.window = *request.window;
    if (summary.region.empty()) summary.region = "window";
  } else if (!summary.region.empty()) {
    summary.window = region_window(summary.region, base_file, base_meta, comm);
  } else if (base_meta != nullptr) {
    summary.window = base_meta->window;
    summary.region = base_meta->region;
  } else {
    throw ConfigError("polder ingest: choose the output window with --region NAME|national, --window "
                      "row0,col0,nrows,ncols, or a base stack (--base)");
  }
  if (base_meta != nullptr && base_meta->window.intersect(summary.window) != summary.window)
    throw ConfigError(cat("polder ingest: the window (rows ", summary.window.row0, "–", summary.window.row1() - 1,
                          ", cols ", summary.window.col0, "–", summary.window.col1() - 1,
                          ") reaches outside the base stack's window (rows ", base_meta->window.row0, "–",
                          base_meta->window.row1() - 1, ", cols ", base_meta->window.col0, "–",
                          base_meta->window.col1() - 1, ")"));
  summary.map_years = choose_map_years(config, base_meta);
  if (summary.map_years.empty())
    throw ConfigError(cat(config.path, ": no land_use layer, so there are no map years (add [layer NAME] sections with "
                          "variable = land_use and map_year = YEAR, or use --base)"));
  std::vector<Slot> slots = plan_slots(config, summary.map_years, base_file != nullptr);
  const StackAttributes attributes = make_attributes(request, config, summary.region, base_meta);
  for (auto& slot : slots) {
    if (slot.layer == nullptr) {
      summary.from_base.push_back(slot.spec->per_map_year ? cat(slot.spec->name, " ", slot.map_year) : slot.spec->name);
      continue;
    }
    slot.reader = static_cast<std::size_t>(slot.layer - config.layers.data());
    summary.from_layers.push_back(cat(slot.spec->name, slot.map_year ? cat(" ", slot.map_year) : std::string(), " <- ",
                                      slot.layer->label()));
  }

  auto readers = open_readers(config, summary.window, comm);
  log::info(cat("ingest: ", config.layers.size(), " layer(s) onto rows ", summary.window.row0, "–",
                summary.window.row1() - 1, ", cols ", summary.window.col0, "–", summary.window.col1() - 1));

  PartialFile partial(request.output_path + ".partial-ingest", comm);
  FirstError error;
  {
    StackWriter writer(comm, partial.path(), summary.window, summary.map_years, attributes);
    const RowBlocks blocks(summary.window, comm);
    std::vector<std::uint8_t> territory;
    std::vector<double> source;
    for (std::size_t round = 0; round < blocks.rounds(); ++round) {
      const auto block = blocks.block(round);
      const auto n = block.empty() ? std::size_t{0} : static_cast<std::size_t>(block.size());
      territory.assign(n, 0);
      const Slot& tslot = slots.front();  // territory is the schema's first variable
      if (tslot.layer == nullptr) {
        read_block<std::uint8_t>(*base_file, "territory", base_meta->window, block, std::nullopt, territory);
      } else if (n > 0) {
        try {
          source.resize(n);
          readers[tslot.reader]->read(block, source);
          territory_from_source(*tslot.layer, readers[tslot.reader]->mapped(), block, source, territory, error, 0);
        } catch (const std::exception& e) {
          keep_first(error, grid::NationalGrid::cell_id(block.row0, block.col0), e.what());
        }
      }
      writer.write<std::uint8_t>("territory", block, territory);
      for (std::size_t s = 1; s < slots.size(); ++s) {
        const Slot& slot = slots[s];
        LayerReader* reader = slot.layer ? readers[slot.reader].get() : nullptr;
        const std::int64_t key = static_cast<std::int64_t>(s) * grid::NationalGrid::n_cells;
        switch (slot.spec->type) {
          case NcType::u8:
            assemble_and_write<std::uint8_t>(writer, base_file, base_meta, slot, reader, block, territory, source, error, key);
            break;
          case NcType::i16:
            assemble_and_write<std::int16_t>(writer, base_file, base_meta, slot, reader, block, territory, source, error, key);
            break;
          case NcType::f32:
            assemble_and_write<float>(writer, base_file, base_meta, slot, reader, block, territory, source, error, key);
            break;
          default: throw InternalError(cat("ingest cannot write the type of ", slot.spec->name));
        }
      }
      for (const auto t : territory) summary.territory_cells += t;
      log::progress(cat("ingest: ", round + 1, "/", blocks.rounds(), " row blocks"));
    }
    writer.close();
  }
  raise_first_error(comm, error);
  summary.territory_cells = comm.allreduce_sum(summary.territory_cells);
  if (base) base->close();

  try {
    NcFile written(comm, partial.path(), NcFile::Mode::read);
    const auto info = check_stack_metadata(written);
    check_stack_values(written, info, comm);
  } catch (const InputError& e) {
    std::string msg = e.what();
    for (auto at = msg.find(partial.path()); at != std::string::npos; at = msg.find(partial.path()))
      msg.replace(at, partial.path().size(), request.output_path);
    throw InputError(cat("polder ingest: the stack built from '", request.config_path,
                         "' fails the input checks, so nothing was written: ", msg));
  }
  comm.barrier();
  if (comm.is_root()) fs::rename(partial.path(), request.output_path);
  partial.commit();
  comm.barrier();
  return summary;
}

}  // namespace polder::io::ingest
