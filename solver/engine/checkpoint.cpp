// Checkpoint and restart. A checkpoint holds every dynamic array of the cell state in the global cell
// order (tiles in Hilbert order, cells row-major inside a tile), which does not depend on the number
// of ranks, so a run can restart on any rank count; plus the inventory years done so far and the HWP
// pools. It is written collectively to a temporary name and renamed when complete, so a crash never
// leaves a checkpoint that looks whole.

#include <unistd.h>
#include <filesystem>

#include "core/error.hpp"
#include "core/log.hpp"
#include "engine/simulation.hpp"
#include "hdf5/h5_file.hpp"
#include "polder/version.hpp"

namespace polder::engine {
namespace {

namespace fs = std::filesystem;

/// Every dynamic array, by name: one list drives writing and reading, so they cannot drift apart.
template <typename Visit>
void visit_dynamic(CellState& s, Visit&& v) {
  v("land_use", s.land_use);
  v("converted_from", s.converted_from);
  v("converted_year", s.converted_year);
  v("biomass_c", s.biomass_c);
  v("dead_wood_c", s.dead_wood_c);
  v("litter_c", s.litter_c);
  v("mineral_soc_c", s.mineral_soc_c);
  v("peat_c", s.peat_c);
  v("soc_rate", s.soc_rate);
  v("soc_years_left", s.soc_years_left);
  v("stand_age", s.stand_age);
  v("burnt_year", s.burnt_year);
  v("rewetted", s.rewetted);
  v("soil", s.soil);
  v("marsh_elevation_cm", s.marsh_elevation_cm);
}

std::string checkpoint_name(const std::string& dir, std::int32_t year) {
  return (fs::path(dir) / ("polder_checkpoint_" + std::to_string(year) + ".h5")).string();
}

}  // namespace

void Simulation::write_checkpoint(std::int32_t year) {
  const auto& cfg = m_options.config;
  const std::string final_path = checkpoint_name(cfg.checkpoint_dir, year);
  std::string tmp_path = final_path + ".partial-" + std::to_string(::getpid());
  m_comm.broadcast(tmp_path);
  if (m_comm.is_root()) {
    std::error_code ec;
    fs::create_directories(cfg.checkpoint_dir, ec);
    if (!fs::is_directory(cfg.checkpoint_dir))
      throw InputError(cat("run.checkpoint_dir = '", cfg.checkpoint_dir, "': cannot create the folder"));
  }
  m_comm.barrier();
  CellState& s = m_input.state;
  const auto& d = *m_input.decomposition;
  const auto n_total = static_cast<hsize_t>(m_input.layout->total_active());
  const auto offset = static_cast<hsize_t>(d.first_cell_of(m_comm.rank()));
  {
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
    visit_dynamic(s, [&](const char* name, auto& array) {
      using T = typename std::decay_t<decltype(array)>::value_type;
      const std::string path = std::string("/state/") + name;
      f.create_1d<T>(path, n_total);
      f.write_slab<T>(path, offset, std::span<const T>(array));
    });
    // Years done so far and the HWP pools: rank 0 holds them; every rank takes part in creating the
    // datasets, only rank 0 writes values.
    std::int64_t n_years = static_cast<std::int64_t>(m_years.size());
    std::vector<std::int64_t> nv = {n_years};
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
  }
  m_comm.barrier();
  if (m_comm.is_root()) fs::rename(tmp_path, final_path);
  m_comm.barrier();
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

  CellState& s = m_input.state;
  const auto offset = static_cast<hsize_t>(m_input.decomposition->first_cell_of(m_comm.rank()));
  visit_dynamic(s, [&](const char* name, auto& array) {
    using T = typename std::decay_t<decltype(array)>::value_type;
    f.read_slab<T>(std::string("/state/") + name, offset, std::span<T>(array));
  });
  const auto years = f.read<std::int32_t>("/years/year");
  const auto ledgers = f.read<std::int64_t>("/years/ledger");
  const auto transitions = f.read<std::int64_t>("/years/transitions");
  const auto fire = f.read<std::int64_t>("/years/fire");
  const auto hwp = f.read<double>("/years/hwp");
  const auto balance = f.read<double>("/years/mass_balance");
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
