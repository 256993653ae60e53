#include "io/ingest/ingest.hpp"

#include <filesystem>
#include <memory>
#include <type_traits>

#include "io/ingest/block_assembly.hpp"
#include "io/ingest/ingest_plan.hpp"
#include "io/ingest/layer_reader.hpp"
#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/row_blocks.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"

namespace polder::io::ingest {
namespace {

namespace fs = std::filesystem;
using Readers = std::vector<std::unique_ptr<LayerReader>>;

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

/// Opens every layer's reader on every rank; any failure is raised on all ranks together.
Readers open_readers(const IngestConfig& config, const grid::GridWindow& window, const parallel::Comm& comm) {
  Readers readers;
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

/// Values of one slot on one block: from its layer (errors collected) or from the base (collective).
template <typename T>
std::vector<T> slot_values(const IngestPlan& plan, const Readers& readers, const Slot& slot,
                           const grid::GridWindow& block, std::span<const std::uint8_t> territory, FirstError& error,
                           std::int64_t key_base) {
  std::vector<T> values(block.empty() ? 0 : static_cast<std::size_t>(block.size()));
  if (slot.layer == nullptr) {
    read_block<T>(*plan.base_file(), slot.spec->name, plan.base_meta()->window, block,
                  slot.spec->per_map_year ? std::optional<std::size_t>(slot.year_index) : std::nullopt, values);
    mask_outside<T>(*slot.spec, territory, values);
  } else if (!block.empty()) {
    try {
      std::vector<double> source(values.size());
      readers[slot.reader]->read(block, source);
      values_from_source<T>(*slot.layer, readers[slot.reader]->mapped(), block, source, territory, values, error,
                            key_base);
    } catch (const std::exception& e) {
      keep_first(error, key_base + grid::NationalGrid::cell_id(block.row0, block.col0), e.what());
    }
  }
  return values;
}

/// The territory of one block: from its layer or the base, limited to the region's province.
std::vector<std::uint8_t> block_territory(const IngestPlan& plan, const Readers& readers, const grid::GridWindow& block,
                                          FirstError& error) {
  const auto n = block.empty() ? std::size_t{0} : static_cast<std::size_t>(block.size());
  std::vector<std::uint8_t> territory(n, 0);
  const Slot& slot = plan.slots.front();
  if (slot.layer == nullptr) {
    read_block<std::uint8_t>(*plan.base_file(), "territory", plan.base_meta()->window, block, std::nullopt, territory);
  } else if (n > 0) {
    try {
      std::vector<double> source(n);
      readers[slot.reader]->read(block, source);
      territory_from_source(*slot.layer, readers[slot.reader]->mapped(), block, source, territory, error, 0);
    } catch (const std::exception& e) {
      keep_first(error, grid::NationalGrid::cell_id(block.row0, block.col0), e.what());
    }
  }
  if (plan.region_province > 0) {
    const Slot& province = plan.slot_of("province");
    const auto codes = slot_values<std::uint8_t>(
        plan, readers, province, block, territory, error,
        static_cast<std::int64_t>(&province - plan.slots.data()) * grid::NationalGrid::n_cells);
    for (std::size_t i = 0; i < n; ++i)
      if (codes[i] != plan.region_province) territory[i] = 0;
  }
  return territory;
}

template <typename T>
void write_slot(StackWriter& writer, const Slot& slot, const grid::GridWindow& block, const std::vector<T>& values) {
  if constexpr (std::is_same_v<T, std::uint8_t>) {
    if (slot.spec->per_map_year) {
      writer.write_map_year<T>(slot.spec->name, slot.year_index, block, values);
      return;
    }
  }
  POLDER_VERIFY(!slot.spec->per_map_year, "map-year variable ", slot.spec->name, " must be uint8");
  writer.write<T>(slot.spec->name, block, values);
}

/// Assembles and writes every row block (collective); returns the territory cells of this rank.
std::int64_t write_stack(const IngestPlan& plan, const Readers& readers, const std::string& path,
                         const parallel::Comm& comm, FirstError& error) {
  StackWriter writer(comm, path, plan.window, plan.map_years, plan.attributes);
  const RowBlocks blocks(plan.window, comm);
  std::int64_t territory_cells = 0;
  for (std::size_t round = 0; round < blocks.rounds(); ++round) {
    const auto block = blocks.block(round);
    const auto territory = block_territory(plan, readers, block, error);
    writer.write<std::uint8_t>("territory", block, territory);
    for (const auto t : territory) territory_cells += t;
    for (std::size_t s = 1; s < plan.slots.size(); ++s) {
      const Slot& slot = plan.slots[s];
      const std::int64_t key = static_cast<std::int64_t>(s) * grid::NationalGrid::n_cells;
      switch (slot.spec->type) {
        case NcType::u8:
          write_slot(writer, slot, block, slot_values<std::uint8_t>(plan, readers, slot, block, territory, error, key));
          break;
        case NcType::i16:
          write_slot(writer, slot, block, slot_values<std::int16_t>(plan, readers, slot, block, territory, error, key));
          break;
        case NcType::f32:
          write_slot(writer, slot, block, slot_values<float>(plan, readers, slot, block, territory, error, key));
          break;
        default:
          throw InternalError(cat("ingest cannot write the type of ", slot.spec->name));
      }
    }
    log::progress(cat("ingest: ", round + 1, "/", blocks.rounds(), " row blocks"));
  }
  writer.close();
  return territory_cells;
}

}  // namespace

IngestSummary run_ingest(const IngestRequest& request, const parallel::Comm& comm) {
  IngestPlan plan = make_plan(request, comm);
  IngestSummary summary;
  summary.window = plan.window;
  summary.region = plan.region;
  summary.map_years = plan.map_years;
  for (const auto& slot : plan.slots) {
    const std::string name = slot.spec->per_map_year ? cat(slot.spec->name, " ", slot.map_year) : slot.spec->name;
    if (slot.layer == nullptr)
      summary.from_base.push_back(name);
    else
      summary.from_layers.push_back(cat(name, " <- ", slot.layer->label()));
  }

  const Readers readers = open_readers(plan.config, plan.window, comm);
  log::info(cat("ingest: ", plan.config.layers.size(), " layer(s) onto rows ", plan.window.row0, "–",
                plan.window.row1() - 1, ", cols ", plan.window.col0, "–", plan.window.col1() - 1));
  PartialFile partial(request.output_path + ".partial-ingest", comm);
  FirstError error;
  summary.territory_cells = comm.allreduce_sum(write_stack(plan, readers, partial.path(), comm, error));
  raise_first_error(comm, error);
  if (plan.base) plan.base->close();

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
  FirstError rename_error;
  if (comm.is_root()) {
    std::error_code ec;
    fs::rename(partial.path(), request.output_path, ec);
    if (ec)
      rename_error.emplace(
          0, cat("polder ingest: cannot rename '", partial.path(), "' to '", request.output_path, "': ", ec.message()));
  }
  raise_first_error(comm, rename_error);
  partial.commit();
  return summary;
}

}  // namespace polder::io::ingest
