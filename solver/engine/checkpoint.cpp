// Checkpoint and restart. A checkpoint holds every checkpointed field of the cell-field table (the
// dense fields of cell_state.hpp and the per-process columns of process_lists.hpp, the latter as dense
// arrays with 0 for cells outside the process) in the global cell order (tiles in Hilbert order, cells
// row-major inside a tile), which does not depend on the number of ranks, so a run can restart on any
// rank count; plus the inventory years done so far and the HWP pools. It is written collectively to a
// temporary name and renamed when complete, so a crash never leaves a checkpoint that looks whole. A
// restart checks every dataset's shape, every value against the range the table gives it, and a
// digest of the whole state before it uses any of it.
//
// A branch (--branch-from) reads the same file as a restart but takes over only the state and the years
// of another run: the scenario, the measures and the parameter values may differ, since everything built
// from them (climate factors, measure plan, projection, per-process columns) is built again from this
// run's configuration; the code, input stack, climate file, grid, start year, seed and [processes]
// switches must match. The parent must have no cell in a measure yet, and this run's measures must start
// after the branch year (check_branch_measures), so the years taken over are the years this configuration
// would have computed whenever the climate of those years is the same in both scenarios.

#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>

#include "io/hdf5/h5_file.hpp"
#include "io/util/file_digest.hpp"
#include "io/util/sha256.hpp"
#include "polder/version.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/engine/initial_state.hpp"
#include "solver/engine/simulation.hpp"

namespace polder::engine {
namespace {

namespace fs = std::filesystem;
/// Per year in /years/fire: ignitions, burnt cells, patches, cells in large patches, largest patch.
constexpr std::size_t k_fire_values = 5;

/// A checkpointed field: its dataset name, valid range and the dense array (state or materialised).
struct Field {
  std::string name;
  double low = 0.0;
  double high = 0.0;
  FieldArray* array = nullptr;  ///< process fields
};

/// Calls v(name, low, high, std::vector<T>&) for every checkpointed field: the dense fields of the
/// state, then the process fields (already materialised in `process`), in a fixed order.
template <typename V>
void visit_fields(CellState& s, FieldArrays& process, V&& v) {
  s.visit_dense([&](const ColumnInfo& c, auto& field) { v(std::string(c.checkpoint), c.low, c.high, field); });
  TileProcesses empty;
  std::vector<std::string> seen;
  empty.visit_lists([&](const char*, auto& list) {
    list.visit([&](const ColumnInfo& c, auto&) {
      if (c.checkpoint[0] == '\0' || std::find(seen.begin(), seen.end(), c.checkpoint) != seen.end()) return;
      seen.emplace_back(c.checkpoint);
      std::visit([&](auto& array) { v(std::string(c.checkpoint), c.low, c.high, array); }, process.at(c.checkpoint));
    });
  });
}

/// Extra rules beyond the table's ranges, by field name.
template <typename T>
bool extra_rule_ok(const std::string& name, T value, std::int32_t next_year, std::int32_t transition_years) {
  const auto v = static_cast<double>(value);
  if (name == "converted_year" || name == "burnt_year") return v == 0 || (v >= 1000 && v < next_year);
  if (name == "soc_years_left") return v <= transition_years;
  if (name == "land_use") return model::is_valid_land_use(static_cast<unsigned>(v));
  return true;
}

/// SHA-256 over the checkpointed fields in the global cell order, the same for any number of ranks:
/// each tile's arrays are hashed on the rank that owns it, and the tile digests, gathered in global tile
/// order, are hashed once more.
std::string state_digest(const parallel::Comm& comm, const parallel::Decomposition& decomposition, CellState& s,
                         FieldArrays& process) {
  // Per tile: its position in the global order (4 bytes) and its digest (32 bytes).
  constexpr std::size_t k_entry = 4 + 32;
  std::vector<std::byte> tiles(s.n_tiles() * k_entry);
  for (std::size_t t = 0; t < s.n_tiles(); ++t) {
    io::Sha256 h;
    visit_fields(s, process, [&](const std::string&, double, double, auto& array) {
      using T = typename std::decay_t<decltype(array)>::value_type;
      h.update_values(std::span<const T>(array.data() + s.begin(t), s.end(t) - s.begin(t)));
    });
    const auto d = h.finish();
    const auto index = static_cast<std::uint32_t>(decomposition.order_index(s.tiles[t]));
    std::memcpy(tiles.data() + t * k_entry, &index, 4);
    std::copy(d.begin(), d.end(), tiles.begin() + static_cast<std::ptrdiff_t>(t * k_entry + 4));
  }
  const auto all = comm.allgatherv(tiles);
  // In the global tile order, whichever rank held a tile.
  const std::size_t n = all.size() / k_entry;
  std::vector<std::byte> ordered(n * 32);
  for (std::size_t k = 0; k < n; ++k) {
    std::uint32_t index = 0;
    std::memcpy(&index, all.data() + k * k_entry, 4);
    POLDER_VERIFY(index < n, "state digest: tile position ", index, " of ", n);
    std::copy_n(all.begin() + static_cast<std::ptrdiff_t>(k * k_entry + 4), 32,
                ordered.begin() + static_cast<std::ptrdiff_t>(index) * 32);
  }
  io::Sha256 h;
  h.update(ordered);
  const auto d = h.finish();
  return io::Sha256::hex(d);
}

}  // namespace

void Simulation::write_checkpoint(std::int32_t year) {
  const auto& cfg = m_options.config;
  const std::string final_path = io::checkpoint_path(cfg.checkpoint_dir, year);
  std::string tmp_path = final_path + ".partial-" + std::to_string(::getpid());
  m_comm.broadcast(tmp_path);
  if (m_comm.is_root()) {
    std::error_code ec;
    fs::create_directories(cfg.checkpoint_dir, ec);
    if (!fs::is_directory(cfg.checkpoint_dir))
      throw InputError(cat("run.checkpoint_dir = '", cfg.checkpoint_dir, "': cannot create the folder"));
  }
  m_comm.barrier();
  CellState& s = m_state;
  const auto& d = *m_input.decomposition;
  const auto n_total = static_cast<hsize_t>(m_input.layout->total_active());
  const auto& segments = d.segments_of(m_comm.rank());
  FieldArrays process = dense_process_fields(s);
  // Room first: a collective MPI-IO write that fails on one rank (a full disk, a file-size limit) can
  // leave the others waiting forever, so a checkpoint that cannot fit is refused before it starts.
  std::uint64_t bytes_per_cell = 0;
  visit_fields(s, process, [&](const std::string&, double, double, auto& array) {
    bytes_per_cell += sizeof(typename std::decay_t<decltype(array)>::value_type);
  });
  const std::uint64_t need =
      n_total * bytes_per_cell +
      (m_years.size() + 1) * (model::k_ledger_size + model::k_transition_size + model::k_wetland_ledger_size + 16) * 8 +
      (std::uint64_t{1} << 20);
  rlimit limit{};
  const bool size_ok =
      getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= need;
  struct statvfs fs_info {};
  const bool space_ok = !m_comm.is_root() || statvfs(cfg.checkpoint_dir.c_str(), &fs_info) != 0 ||
                        std::uint64_t{fs_info.f_bavail} * fs_info.f_frsize >= need;
  if (!m_comm.all(size_ok && space_ok))
    throw OutputError(cat("cannot write checkpoint '", final_path, "': it needs about ", need / 1000000 + 1, " MB and ",
                          space_ok ? "a rank's file-size limit (ulimit -f) is lower" : "the folder has less room",
                          "; no checkpoint was written"));
  // A failed write (disk full, permission) must not leave a file under the final name, nor a partial
  // one: every rank reports whether its part succeeded before rank 0 renames.
  bool written = true;
  std::string failure;
  try {
    io::H5File f(m_comm, tmp_path, io::H5File::Mode::create);
    f.set_attr("/", "polder_file_kind", std::string("checkpoint"));
    f.set_attr("/", "polder_version", std::string(k_version));
    f.set_attr("/", "git_revision", std::string(k_git_revision));
    f.set_attr("/", "next_year", std::int64_t{year + 1});
    f.set_attr("/", "start_year", std::int64_t{cfg.start_year});
    f.set_attr("/", "tile_size", std::int64_t{cfg.tile_size});
    f.set_attr("/", "active_cells", static_cast<std::int64_t>(n_total));
    f.set_attr("/", "scenario", cfg.scenario);
    f.set_attr("/", "seed", static_cast<std::int64_t>(cfg.seed));
    f.set_attr("/", "input_digest", m_identity.input_digest);
    f.set_attr("/", "climate_digest", m_identity.climate_digest);
    f.set_attr("/", "parameters_digest", m_identity.parameters_digest);
    f.set_attr("/", "scenario_digest", m_identity.scenario_digest);
    std::string measure_files;
    for (const auto& m : io::measure_files(cfg.measures)) measure_files += (measure_files.empty() ? "" : "\n") + m;
    f.set_attr("/", "measure_files", measure_files);
    f.set_attr("/", "fire", std::int64_t{cfg.fire ? 1 : 0});
    f.set_attr("/", "climate_response", std::int64_t{cfg.climate_response ? 1 : 0});
    f.set_attr("/", "state_digest", state_digest(m_comm, *m_input.decomposition, s, process));
    visit_fields(s, process, [&](const std::string& name, double, double, auto& array) {
      using T = typename std::decay_t<decltype(array)>::value_type;
      const std::string path = "/state/" + name;
      f.create_1d<T>(path, n_total);
      // The rank's cells are its segments one after another (parallel/decomposition.hpp); every rank
      // writes the same number of slabs (collective I/O), some of them empty.
      std::size_t local = 0;
      for (const parallel::Segment& g : segments) {
        const auto n = static_cast<std::size_t>(g.n_cells);
        f.write_slab<T>(path, static_cast<hsize_t>(g.first_cell), std::span<const T>(array.data() + local, n));
        local += n;
      }
    });
    process.clear();
    // Years done so far and the HWP pools: rank 0 holds them; every rank takes part in creating the
    // datasets, only rank 0 writes values.
    std::vector<std::int64_t> nv = {static_cast<std::int64_t>(m_years.size())};
    m_comm.broadcast(nv);
    const auto ny = static_cast<hsize_t>(nv[0]);
    std::vector<std::int64_t> ledgers, transitions, fire, measures, wetland;
    std::vector<std::int32_t> years;
    std::vector<double> hwp, balance;
    if (m_comm.is_root()) {
      for (const auto& y : m_years) {
        years.push_back(y.year);
        ledgers.insert(ledgers.end(), y.ledger.begin(), y.ledger.end());
        transitions.insert(transitions.end(), y.transitions.begin(), y.transitions.end());
        measures.insert(measures.end(), y.measures.begin(), y.measures.end());
        wetland.insert(wetland.end(), y.wetland.begin(), y.wetland.end());
        fire.push_back(y.fire_ignitions);
        fire.push_back(y.fire_cells);
        fire.push_back(y.fire_patches);
        fire.push_back(y.fire_large_cells);
        fire.push_back(y.fire_largest_cells);
        for (int k = 0; k < 3; ++k) {
          hwp.push_back(y.hwp.inflow_tc[k]);
          hwp.push_back(y.hwp.stock_tc[k]);
          hwp.push_back(y.hwp.decay_tc[k]);
        }
        balance.push_back(y.mass_balance_relative_error);
      }
      hwp.insert(hwp.end(), m_hwp_stock.begin(), m_hwp_stock.end());
    }
    const auto write_root = [&](const std::string& path, hsize_t n, auto& v) {
      using T = typename std::decay_t<decltype(v)>::value_type;
      f.create_1d<T>(path, n);
      f.write_slab<T>(path, 0, std::span<const T>(v));
    };
    write_root("/years/year", ny, years);
    write_root("/years/ledger", ny * model::k_ledger_size, ledgers);
    write_root("/years/transitions", ny * model::k_transition_size, transitions);
    write_root("/years/wetland_subrows", ny * model::k_wetland_ledger_size, wetland);
    write_root("/years/fire", ny * k_fire_values, fire);
    write_root("/years/hwp", ny * 9 + 3, hwp);
    write_root("/years/mass_balance", ny, balance);
    // The books of each measure: [year][measure 0..M][quantity], M = the measures of this run.
    const std::int64_t measure_width =
        m_measures.empty() ? 0 : static_cast<std::int64_t>((m_measures.specs().size() + 1) * model::k_quantities);
    f.set_attr("/", "measure_width", measure_width);
    if (measure_width > 0) write_root("/years/measures", ny * static_cast<hsize_t>(measure_width), measures);
    f.close();
  } catch (const std::exception& e) {
    written = false;
    failure = e.what();
  }
  if (!m_comm.all(written)) {
    std::error_code ec;
    if (m_comm.is_root()) fs::remove(tmp_path, ec);
    throw OutputError(cat("writing checkpoint '", final_path, "' failed", written ? " on another rank" : ": " + failure,
                          "; no checkpoint was left"));
  }
  if (m_comm.is_root()) {
    std::error_code ec;
    fs::rename(tmp_path, final_path, ec);
    if (ec) {
      fs::remove(tmp_path, ec);
      written = false;
    }
  }
  if (!m_comm.all(!m_comm.is_root() || written))
    throw OutputError(cat("cannot move the checkpoint into place as '", final_path, "'"));
  log::info(cat("checkpoint after ", year, ": ", final_path));
}

void Simulation::check_branch_measures(std::int32_t branch_year) const {
  for (const auto& m : m_measures.specs())
    if (m.start_year <= branch_year)
      throw ConfigError(cat(m.file, ": measure.", m.id, ".start_year = ", m.start_year,
                            " is not after the branch year ", branch_year,
                            ": a branch cannot change years it takes over from its parent; start the measure "
                            "after ",
                            branch_year, ", or run from run.start_year"));
}

void Simulation::restore(const std::string& path, bool branch) {
  const auto& cfg = m_options.config;
  const char* option = branch ? "--branch-from" : "--restart";
  const auto open = [&] {
    try {
      return std::make_unique<io::H5File>(m_comm, path, io::H5File::Mode::read);
    } catch (const InputError& e) {
      throw InputError(cat(option, " '", path, "': ", e.what()));
    }
  };
  const auto file = open();
  io::H5File& f = *file;
  if (f.attr_string("/", "polder_file_kind").value_or("") != "checkpoint")
    throw InputError(cat(option, " '", path, "' is not a Polder checkpoint"));
  const auto expect = [&](const char* key, const std::string& have, const char* what) {
    const auto v = f.attr_string("/", key).value_or("");
    if (v != have)
      throw InputError(cat(option, " '", path, "': the checkpoint was made with a different ", what, " (", key, " ",
                           v.substr(0, 12), "… vs ", have.substr(0, 12), "…)"));
  };
  // The code that continues must be the code that stopped: another version may hold other fields or
  // compute other bits, and the result would match neither version's uninterrupted run.
  const std::string made_by = cat(f.attr_string("/", "polder_version").value_or("?"), " (",
                                  f.attr_string("/", "git_revision").value_or("?"), ")");
  const std::string this_code = cat(k_version, " (", k_git_revision, ")");
  if (made_by != this_code)
    throw InputError(cat(option, " '", path, "': the checkpoint was made by polder ", made_by, ", this is polder ",
                         this_code, ": ", branch ? "branch" : "restart",
                         " with the program that wrote it, or start again from ", cfg.start_year));
  expect("input_digest", m_identity.input_digest, "input stack");
  expect("climate_digest", m_identity.climate_digest, "climate file");
  if (!branch) {
    expect("parameters_digest", m_identity.parameters_digest, "set of parameter values");
    expect("scenario", cfg.scenario, "scenario");
    expect("scenario_digest", m_identity.scenario_digest, "set of measures or projection settings");
  }
  const auto int_attr = [&](const char* key) { return f.attr_int("/", key).value_or(-1); };
  if (int_attr("tile_size") != cfg.tile_size)
    throw InputError(cat(option, " '", path, "': checkpoint has grid.tile_size = ", int_attr("tile_size"),
                         ", this run ", cfg.tile_size));
  if (int_attr("start_year") != cfg.start_year)
    throw InputError(cat(option, " '", path, "': checkpoint has run.start_year = ", int_attr("start_year"),
                         ", this run ", cfg.start_year));
  if (int_attr("seed") != static_cast<std::int64_t>(cfg.seed) || int_attr("fire") != (cfg.fire ? 1 : 0) ||
      int_attr("climate_response") != (cfg.climate_response ? 1 : 0))
    throw InputError(cat(option, " '", path, "': run.seed or [processes] differ from the checkpoint's"));
  if (int_attr("active_cells") != m_input.layout->total_active())
    throw InputError(cat(option, " '", path, "': active cell count differs from the input stack"));
  const auto next = static_cast<std::int32_t>(int_attr("next_year"));
  if (next > cfg.end_year)
    throw ConfigError(
        cat(option, " '", path, "': the checkpoint is at ", next - 1, ", after run.end_year = ", cfg.end_year));
  if (next <= cfg.start_year)
    throw InputError(cat(option, " '", path, "': next_year ", next, " is not after run.start_year"));

  // Shapes first: a short or missing array must be refused before anything is read into the state.
  CellState& s = m_state;
  const std::int32_t transition_years = m_parameters.mineral.transition_years;
  const auto n_total = static_cast<hsize_t>(m_input.layout->total_active());
  const auto expect_shape = [&](const std::string& name, hsize_t n) {
    if (!f.exists(name)) throw InputError(cat(option, " '", path, "': dataset ", name, " is missing"));
    const auto dims = f.shape(name);
    if (dims.size() != 1 || dims[0] != n)
      throw InputError(
          cat(option, " '", path, "': dataset ", name, " has ", dims.empty() ? 0 : dims[0], " values, expected ", n));
  };
  FieldArrays process = dense_process_fields(s);  // the right names, types and sizes, to read into
  visit_fields(s, process,
               [&](const std::string& name, double, double, auto&) { expect_shape("/state/" + name, n_total); });
  const auto n_years = static_cast<hsize_t>(next - cfg.start_year);
  expect_shape("/years/year", n_years);
  expect_shape("/years/ledger", n_years * model::k_ledger_size);
  expect_shape("/years/transitions", n_years * model::k_transition_size);
  expect_shape("/years/wetland_subrows", n_years * model::k_wetland_ledger_size);
  expect_shape("/years/fire", n_years * k_fire_values);
  expect_shape("/years/hwp", n_years * 9 + 3);
  expect_shape("/years/mass_balance", n_years);
  const std::int64_t measure_width = int_attr("measure_width");
  const std::int64_t our_width =
      m_measures.empty() ? 0 : static_cast<std::int64_t>((m_measures.specs().size() + 1) * model::k_quantities);
  if (branch) check_branch_measures(next - 1);
  // A branch takes over years whose measure books are empty (its parent had no cell in a measure yet,
  // checked below): it books them at this run's width.
  if (!branch && measure_width != our_width)
    throw InputError(cat(option, " '", path, "': the checkpoint books ", measure_width,
                         " measure values a year, this run ", our_width));
  if (measure_width > 0) expect_shape("/years/measures", n_years * static_cast<hsize_t>(measure_width));

  // Values: every cell checked against the field's range; the first bad cell in the global order is
  // reported.
  const auto& segments = m_input.decomposition->segments_of(m_comm.rank());
  std::int64_t first_bad = std::numeric_limits<std::int64_t>::max();
  std::string bad_message;
  visit_fields(s, process, [&](const std::string& name, double low, double high, auto& array) {
    using T = typename std::decay_t<decltype(array)>::value_type;
    // A truncated file fails only on the ranks whose part is missing: reported as cell -1 (before any bad
    // value) through the collective agreement below, so every rank stops together. Every rank still makes
    // every (collective) read.
    std::size_t local = 0;
    for (const parallel::Segment& g : segments) {
      const auto n = static_cast<std::size_t>(g.n_cells);
      try {
        f.read_slab<T>("/state/" + name, static_cast<hsize_t>(g.first_cell), std::span<T>(array.data() + local, n));
      } catch (const InputError& e) {
        if (first_bad >= 0) {
          first_bad = -1;
          bad_message = cat(option, " '", path, "': cannot read /state/", name, ": ", e.what(),
                            " (the checkpoint is truncated or damaged)");
        }
        local += n;
        continue;
      }
      for (std::size_t i = 0; first_bad >= 0 && i < n; ++i) {
        const auto v = static_cast<double>(array[local + i]);
        if (std::isfinite(v) && v >= low && v <= high && extra_rule_ok(name, array[local + i], next, transition_years))
          continue;
        const auto cell = g.first_cell + static_cast<std::int64_t>(i);
        if (cell < first_bad) {
          first_bad = cell;
          bad_message = cat(option, " '", path, "': /state/", name, " of cell ", cell, " (global cell order) is ", v,
                            ", outside ", low, "..", high, " or the field's rules: the checkpoint is damaged");
        }
        break;
      }
      local += n;
    }
  });
  const std::int64_t worst = -m_comm.allreduce_max(-first_bad);  // the lowest bad cell over all ranks
  if (worst != std::numeric_limits<std::int64_t>::max()) {
    const std::int64_t candidate = first_bad == worst ? m_comm.rank() : m_comm.size();
    const int owner = static_cast<int>(-m_comm.allreduce_max(-candidate));  // lowest rank holding that cell
    m_comm.broadcast(bad_message, owner);
    throw InputError(bad_message);
  }
  const auto digest = f.attr_string("/", "state_digest").value_or("");
  if (digest != state_digest(m_comm, *m_input.decomposition, s, process))
    throw InputError(cat(option, " '", path, "': the state does not match its digest (state_digest ",
                         digest.empty() ? std::string("missing") : digest.substr(0, 12) + "…",
                         "): the checkpoint is damaged or was edited"));
  if (branch) {
    // The parent's measure cells would be read as this run's measures of the same number.
    const bool none_active = std::none_of(s.measure.begin(), s.measure.end(), measure_active);
    if (!m_comm.all(none_active))
      throw InputError(cat(option, " '", path, "': the parent run has cells in its measures by ", next - 1, " (",
                           f.attr_string("/", "measure_files").value_or("its measure files"),
                           "): a branch can start only from years without an active measure"));
  }
  rebuild_processes(m_parameters, process, next - 1, s);

  const auto years = f.read<std::int32_t>("/years/year");
  const auto ledgers = f.read<std::int64_t>("/years/ledger");
  const auto transitions = f.read<std::int64_t>("/years/transitions");
  const auto wetland = f.read<std::int64_t>("/years/wetland_subrows");
  const auto fire = f.read<std::int64_t>("/years/fire");
  const auto hwp = f.read<double>("/years/hwp");
  const auto balance = f.read<double>("/years/mass_balance");
  const auto measures = measure_width > 0 ? f.read<std::int64_t>("/years/measures") : std::vector<std::int64_t>{};
  for (std::size_t k = 0; k < years.size(); ++k)
    if (years[k] != cfg.start_year + static_cast<std::int32_t>(k))
      throw InputError(cat(option, " '", path, "': /years/year[", k, "] = ", years[k], ", expected ",
                           cfg.start_year + static_cast<std::int32_t>(k)));
  if (branch && std::any_of(measures.begin(), measures.end(), [](std::int64_t v) { return v != 0; }))
    throw InputError(cat(option, " '", path, "': /years/measures books measure cells before ", next,
                         ": a branch can start only from years without an active measure"));
  for (const double x : hwp)
    if (!std::isfinite(x)) throw InputError(cat(option, " '", path, "': /years/hwp holds a value that is not finite"));
  m_years.clear();
  if (m_comm.is_root()) {
    for (std::size_t k = 0; k < years.size(); ++k) {
      model::YearTotals y;
      y.year = years[k];
      std::copy_n(ledgers.begin() + static_cast<std::ptrdiff_t>(k * model::k_ledger_size), model::k_ledger_size,
                  y.ledger.begin());
      std::copy_n(transitions.begin() + static_cast<std::ptrdiff_t>(k * model::k_transition_size),
                  model::k_transition_size, y.transitions.begin());
      std::copy_n(wetland.begin() + static_cast<std::ptrdiff_t>(k * model::k_wetland_ledger_size),
                  model::k_wetland_ledger_size, y.wetland.begin());
      y.fire_ignitions = fire[k_fire_values * k];
      y.fire_cells = fire[k_fire_values * k + 1];
      y.fire_patches = fire[k_fire_values * k + 2];
      y.fire_large_cells = fire[k_fire_values * k + 3];
      y.fire_largest_cells = fire[k_fire_values * k + 4];
      for (std::size_t j = 0; j < 3; ++j) {
        y.hwp.inflow_tc[j] = hwp[9 * k + 3 * j];
        y.hwp.stock_tc[j] = hwp[9 * k + 3 * j + 1];
        y.hwp.decay_tc[j] = hwp[9 * k + 3 * j + 2];
      }
      y.mass_balance_relative_error = balance[k];
      const auto w = static_cast<std::size_t>(measure_width);
      if (branch)
        y.measures.assign(static_cast<std::size_t>(our_width), 0);
      else
        y.measures.assign(measures.begin() + static_cast<std::ptrdiff_t>(k * w),
                          measures.begin() + static_cast<std::ptrdiff_t>((k + 1) * w));
      m_years.push_back(std::move(y));
    }
    for (std::size_t j = 0; j < 3; ++j) m_hwp_stock[j] = hwp[9 * years.size() + j];
  }
  m_hwp_started = !years.empty();
  m_first_year = next;
  if (branch) {
    BranchOrigin o;
    o.path = path;
    o.digest = io::file_digest(m_comm, path);
    o.year = next - 1;
    o.scenario = f.attr_string("/", "scenario").value_or("");
    o.measure_files = f.attr_string("/", "measure_files").value_or("");
    // Observed years are the same in every scenario of the climate file; later ones are not, so the years
    // taken over are then the parent scenario's, not this one's.
    if (o.scenario != cfg.scenario && o.year > m_climate->last_observed_year())
      log::warn(cat("--branch-from '", path, "': the branch year ", o.year,
                    " is after the climate file's last "
                    "observed year ",
                    m_climate->last_observed_year(), ": the years taken over follow scenario ", o.scenario, ", not ",
                    cfg.scenario, ", so the branch differs from a run of ", cfg.scenario, " from ", cfg.start_year));
    m_branch = std::move(o);
    log::info(cat("branching from ", path, " (scenario ", m_branch->scenario, ") at ", next));
  } else {
    log::info(cat("restarting from ", path, " at ", next));
  }
}

}  // namespace polder::engine
