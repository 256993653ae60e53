// Checkpoint and restart. A checkpoint holds every checkpointed field of the cell-field table (the
// dense fields of cell_state.hpp and the per-process columns of process_lists.hpp, the latter as dense
// arrays with 0 for cells outside the process) in the global cell order (tiles in Hilbert order, cells
// row-major inside a tile), which does not depend on the number of ranks, so a run can restart on any
// rank count; plus the inventory years done so far and the HWP pools. It is written collectively to a
// temporary name and renamed when complete, so a crash never leaves a checkpoint that looks whole. A
// restart checks every dataset's shape, every value against the range the table gives it, and a
// digest of the whole state before it uses any of it.

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>

#include "io/hdf5/h5_file.hpp"
#include "io/util/sha256.hpp"
#include "polder/version.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/engine/initial_state.hpp"
#include "solver/engine/simulation.hpp"

namespace polder::engine {
namespace {

namespace fs = std::filesystem;

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
std::string state_digest(const parallel::Comm& comm, CellState& s, FieldArrays& process) {
  std::vector<std::byte> tiles(s.n_tiles() * 32);
  for (std::size_t t = 0; t < s.n_tiles(); ++t) {
    io::Sha256 h;
    visit_fields(s, process, [&](const std::string&, double, double, auto& array) {
      using T = typename std::decay_t<decltype(array)>::value_type;
      h.update_values(std::span<const T>(array.data() + s.begin(t), s.end(t) - s.begin(t)));
    });
    const auto d = h.finish();
    std::copy(d.begin(), d.end(), tiles.begin() + static_cast<std::ptrdiff_t>(t * 32));
  }
  const auto all = comm.allgatherv(tiles);
  io::Sha256 h;
  h.update(all);
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
  const auto offset = static_cast<hsize_t>(d.first_cell_of(m_comm.rank()));
  FieldArrays process = dense_process_fields(s);
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
    f.set_attr("/", "fire", std::int64_t{cfg.fire ? 1 : 0});
    f.set_attr("/", "climate_response", std::int64_t{cfg.climate_response ? 1 : 0});
    f.set_attr("/", "state_digest", state_digest(m_comm, s, process));
    visit_fields(s, process, [&](const std::string& name, double, double, auto& array) {
      using T = typename std::decay_t<decltype(array)>::value_type;
      const std::string path = "/state/" + name;
      f.create_1d<T>(path, n_total);
      f.write_slab<T>(path, offset, std::span<const T>(array));
    });
    process.clear();
    // Years done so far and the HWP pools: rank 0 holds them; every rank takes part in creating the
    // datasets, only rank 0 writes values.
    std::vector<std::int64_t> nv = {static_cast<std::int64_t>(m_years.size())};
    m_comm.broadcast(nv);
    const auto ny = static_cast<hsize_t>(nv[0]);
    std::vector<std::int64_t> ledgers, transitions, fire;
    std::vector<std::int32_t> years;
    std::vector<double> hwp, balance;
    if (m_comm.is_root()) {
      for (const auto& y : m_years) {
        years.push_back(y.year);
        ledgers.insert(ledgers.end(), y.ledger.begin(), y.ledger.end());
        transitions.insert(transitions.end(), y.transitions.begin(), y.transitions.end());
        fire.push_back(y.fire_ignitions);
        fire.push_back(y.fire_cells);
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
    write_root("/years/fire", ny * 2, fire);
    write_root("/years/hwp", ny * 9 + 3, hwp);
    write_root("/years/mass_balance", ny, balance);
    f.close();
  } catch (const std::exception& e) {
    written = false;
    failure = e.what();
  }
  if (!m_comm.all(written)) {
    std::error_code ec;
    if (m_comm.is_root()) fs::remove(tmp_path, ec);
    throw InternalError(cat("writing checkpoint '", final_path, "' failed",
                            written ? " on another rank" : ": " + failure, "; no checkpoint was left"));
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
    throw InternalError(cat("cannot move the checkpoint into place as '", final_path, "'"));
  log::info(cat("checkpoint after ", year, ": ", final_path));
}

void Simulation::restore(const std::string& path) {
  const auto& cfg = m_options.config;
  io::H5File f(m_comm, path, io::H5File::Mode::read);
  if (f.attr_string("/", "polder_file_kind").value_or("") != "checkpoint")
    throw InputError(cat("--restart '", path, "' is not a Polder checkpoint"));
  const auto expect = [&](const char* key, const std::string& have, const char* what) {
    const auto v = f.attr_string("/", key).value_or("");
    if (v != have)
      throw InputError(cat("--restart '", path, "': the checkpoint was made with a different ", what, " (", key, " ",
                           v.substr(0, 12), "… vs ", have.substr(0, 12), "…)"));
  };
  expect("input_digest", m_identity.input_digest, "input stack");
  expect("climate_digest", m_identity.climate_digest, "climate file");
  expect("parameters_digest", m_identity.parameters_digest, "set of parameter values");
  expect("scenario", cfg.scenario, "scenario");
  const auto int_attr = [&](const char* key) { return f.attr_int("/", key).value_or(-1); };
  if (int_attr("tile_size") != cfg.tile_size)
    throw InputError(cat("--restart '", path, "': checkpoint has grid.tile_size = ", int_attr("tile_size"),
                         ", this run ", cfg.tile_size));
  if (int_attr("start_year") != cfg.start_year)
    throw InputError(cat("--restart '", path, "': checkpoint has run.start_year = ", int_attr("start_year"),
                         ", this run ", cfg.start_year));
  if (int_attr("seed") != static_cast<std::int64_t>(cfg.seed) || int_attr("fire") != (cfg.fire ? 1 : 0) ||
      int_attr("climate_response") != (cfg.climate_response ? 1 : 0))
    throw InputError(cat("--restart '", path, "': run.seed or [processes] differ from the checkpoint's"));
  if (int_attr("active_cells") != m_input.layout->total_active())
    throw InputError(cat("--restart '", path, "': active cell count differs from the input stack"));
  const auto next = static_cast<std::int32_t>(int_attr("next_year"));
  if (next > cfg.end_year)
    throw ConfigError(
        cat("--restart '", path, "': the checkpoint is at ", next - 1, ", after run.end_year = ", cfg.end_year));
  if (next <= cfg.start_year)
    throw InputError(cat("--restart '", path, "': next_year ", next, " is not after run.start_year"));

  // Shapes first: a short or missing array must be refused before anything is read into the state.
  CellState& s = m_state;
  const std::int32_t transition_years = m_parameters.mineral.transition_years;
  const auto n_total = static_cast<hsize_t>(m_input.layout->total_active());
  const auto expect_shape = [&](const std::string& name, hsize_t n) {
    if (!f.exists(name)) throw InputError(cat("--restart '", path, "': dataset ", name, " is missing"));
    const auto dims = f.shape(name);
    if (dims.size() != 1 || dims[0] != n)
      throw InputError(
          cat("--restart '", path, "': dataset ", name, " has ", dims.empty() ? 0 : dims[0], " values, expected ", n));
  };
  FieldArrays process = dense_process_fields(s);  // the right names, types and sizes, to read into
  visit_fields(s, process,
               [&](const std::string& name, double, double, auto&) { expect_shape("/state/" + name, n_total); });
  const auto n_years = static_cast<hsize_t>(next - cfg.start_year);
  expect_shape("/years/year", n_years);
  expect_shape("/years/ledger", n_years * model::k_ledger_size);
  expect_shape("/years/transitions", n_years * model::k_transition_size);
  expect_shape("/years/fire", n_years * 2);
  expect_shape("/years/hwp", n_years * 9 + 3);
  expect_shape("/years/mass_balance", n_years);

  // Values: every cell checked against the field's range; the first bad cell in the global order is
  // reported.
  const auto offset = static_cast<hsize_t>(m_input.decomposition->first_cell_of(m_comm.rank()));
  std::int64_t first_bad = std::numeric_limits<std::int64_t>::max();
  std::string bad_message;
  visit_fields(s, process, [&](const std::string& name, double low, double high, auto& array) {
    using T = typename std::decay_t<decltype(array)>::value_type;
    f.read_slab<T>("/state/" + name, offset, std::span<T>(array));
    for (std::size_t i = 0; i < array.size(); ++i) {
      const auto v = static_cast<double>(array[i]);
      if (std::isfinite(v) && v >= low && v <= high && extra_rule_ok(name, array[i], next, transition_years)) continue;
      const auto cell = static_cast<std::int64_t>(offset + i);
      if (cell < first_bad) {
        first_bad = cell;
        bad_message = cat("--restart '", path, "': /state/", name, " of cell ", cell, " (global cell order) is ", v,
                          ", outside ", low, "..", high, " or the field's rules: the checkpoint is damaged");
      }
      break;
    }
  });
  const std::int64_t worst = -m_comm.allreduce_max(-first_bad);
  if (worst != std::numeric_limits<std::int64_t>::max()) {
    const std::int64_t candidate = first_bad == worst ? m_comm.rank() : m_comm.size();
    const int owner = static_cast<int>(-m_comm.allreduce_max(-candidate));  // lowest rank holding that cell
    m_comm.broadcast(bad_message, owner);
    throw InputError(bad_message);
  }
  const auto digest = f.attr_string("/", "state_digest").value_or("");
  if (digest != state_digest(m_comm, s, process))
    throw InputError(cat("--restart '", path, "': the state does not match its digest (state_digest ",
                         digest.empty() ? std::string("missing") : digest.substr(0, 12) + "…",
                         "): the checkpoint is damaged or was edited"));
  rebuild_processes(m_parameters, process, next - 1, s);

  const auto years = f.read<std::int32_t>("/years/year");
  const auto ledgers = f.read<std::int64_t>("/years/ledger");
  const auto transitions = f.read<std::int64_t>("/years/transitions");
  const auto fire = f.read<std::int64_t>("/years/fire");
  const auto hwp = f.read<double>("/years/hwp");
  const auto balance = f.read<double>("/years/mass_balance");
  for (std::size_t k = 0; k < years.size(); ++k)
    if (years[k] != cfg.start_year + static_cast<std::int32_t>(k))
      throw InputError(cat("--restart '", path, "': /years/year[", k, "] = ", years[k], ", expected ",
                           cfg.start_year + static_cast<std::int32_t>(k)));
  for (const double x : hwp)
    if (!std::isfinite(x)) throw InputError(cat("--restart '", path, "': /years/hwp holds a value that is not finite"));
  m_years.clear();
  if (m_comm.is_root()) {
    for (std::size_t k = 0; k < years.size(); ++k) {
      model::YearTotals y;
      y.year = years[k];
      std::copy_n(ledgers.begin() + static_cast<std::ptrdiff_t>(k * model::k_ledger_size), model::k_ledger_size,
                  y.ledger.begin());
      std::copy_n(transitions.begin() + static_cast<std::ptrdiff_t>(k * model::k_transition_size),
                  model::k_transition_size, y.transitions.begin());
      y.fire_ignitions = fire[2 * k];
      y.fire_cells = fire[2 * k + 1];
      for (std::size_t j = 0; j < 3; ++j) {
        y.hwp.inflow_tc[j] = hwp[9 * k + 3 * j];
        y.hwp.stock_tc[j] = hwp[9 * k + 3 * j + 1];
        y.hwp.decay_tc[j] = hwp[9 * k + 3 * j + 2];
      }
      y.mass_balance_relative_error = balance[k];
      m_years.push_back(std::move(y));
    }
    for (std::size_t j = 0; j < 3; ++j) m_hwp_stock[j] = hwp[9 * years.size() + j];
  }
  m_hwp_started = !years.empty();
  m_first_year = next;
  log::info(cat("restarting from ", path, " at ", next));
}

}  // namespace polder::engine
