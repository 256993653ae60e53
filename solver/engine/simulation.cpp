#include "solver/engine/simulation.hpp"

#include <omp.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <sstream>

#include "io/util/file_digest.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/engine/initial_state.hpp"
#include "solver/engine/tile_ledger.hpp"
#include "solver/engine/year_step.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::engine {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::string parameters_text(const io::ParameterSet& set) {
  std::ostringstream os;
  os.precision(17);
  for (const auto& [name, p] : set.all()) os << name << '=' << p.value << ' ' << p.unit << '\n';
  return os.str();
}

}  // namespace

Simulation::Simulation(const parallel::Comm& comm, SimulationOptions options, const io::ParameterSet& parameters)
    : m_comm(comm), m_options(std::move(options)) {
  const auto t0 = Clock::now();
  const auto& cfg = m_options.config;
  m_parameters = read_model_parameters(parameters);
  m_identity.parameters_digest = io::sha256_hex(parameters_text(parameters));

  m_input = load_input(comm, cfg.input_path, cfg.tile_size);
  m_climate = std::make_unique<ClimateForcing>(comm, cfg.climate_path, cfg.scenario, m_input.info.window);
  if (!m_climate->covers(cfg.start_year) || !m_climate->covers(cfg.end_year))
    throw InputError(cat("run.start_year..run.end_year = ", cfg.start_year, "..", cfg.end_year,
                         " is not covered by the climate file '", cfg.climate_path, "' (", m_climate->first_year(),
                         "..", m_climate->last_year(), ")"));
  if (cfg.start_year - 1 < m_input.info.map_years.front())
    log::warn(cat("run.start_year ", cfg.start_year, " is before the first land-use map (",
                  m_input.info.map_years.front(), "): the first map is used for earlier years"));
  m_identity.input_digest = io::file_digest(comm, cfg.input_path);
  m_identity.climate_digest = io::file_digest(comm, cfg.climate_path);
  m_timings.load_s = seconds_since(t0);

  const auto t1 = Clock::now();
  initialise_state(m_input, m_parameters, *m_climate, cfg.start_year);
  m_fire = std::make_unique<FireProcess>(comm, *m_input.layout, *m_input.decomposition, m_input.state);
  m_first_year = cfg.start_year;
  if (m_options.restart_path) {
    restore(*m_options.restart_path);
    // No checkpoint this run writes may replace the one it started from.
    for (std::int32_t y = m_first_year; y < cfg.end_year; ++y) {
      const bool due = cfg.checkpoint_every > 0 && (y - cfg.start_year + 1) % cfg.checkpoint_every == 0;
      if (due && io::same_file(io::checkpoint_path(cfg.checkpoint_dir, y), *m_options.restart_path))
        throw InputError(cat("run.checkpoint_dir = '", cfg.checkpoint_dir, "': the checkpoint of ", y,
                             " would be the same file as the checkpoint restarted from '", *m_options.restart_path,
                             "', which the run reads: refusing to overwrite an input"));
    }
  }
  // Land-use events and area counts start from the state the first computed year begins with.
  m_events = std::make_unique<LandUseEvents>(m_input.state, *m_input.layout, m_first_year);
  m_areas.clear();
  for (std::size_t t = 0; t < m_input.state.n_tiles(); ++t) m_areas.emplace_back(m_input.state, t, m_first_year);
  m_timings.initialise_s = seconds_since(t1);
  log::info(cat("polder: inputs read and checked in ", m_timings.load_s, " s, starting state set up in ",
                m_timings.initialise_s, " s"));
  log::info(cat("polder: ", m_input.layout->total_active(), " active cells (",
                static_cast<double>(m_input.layout->total_active()) * grid::NationalGrid::cell_area_ha / 1000.0,
                " kha) in ", m_input.layout->active_tiles().size(), " tiles of ", cfg.tile_size, " cells, on ",
                comm.size(), " rank(s) x ", threads(), " thread(s)"));
}

int Simulation::threads() const { return omp_get_max_threads(); }

void Simulation::run() {
  const auto& cfg = m_options.config;
  const auto t0 = Clock::now();
  const std::int64_t cells = m_input.layout->total_active();
  for (std::int32_t year = m_first_year; year <= cfg.end_year; ++year) {
    const auto ty = Clock::now();
    run_year(year);
    const double dt = seconds_since(ty);
    if (m_options.progress && m_comm.is_root()) {
      const double elapsed = seconds_since(t0);
      const auto done = year - m_first_year + 1;
      const double eta = elapsed / done * (cfg.end_year - year);
      char line[160];
      std::snprintf(line, sizeof line, "year %d  %5.1f%%  %.3g cell-years/s  elapsed %.1f s  ETA %.1f s", year,
                    100.0 * done / (cfg.end_year - m_first_year + 1), static_cast<double>(cells) / dt, elapsed, eta);
      log::progress(line);
    }
    const bool checkpoint_due =
        cfg.checkpoint_every > 0 && year < cfg.end_year && (year - cfg.start_year + 1) % cfg.checkpoint_every == 0;
    if (checkpoint_due) {
      const auto tc = Clock::now();
      write_checkpoint(year);
      m_timings.checkpoint_s += seconds_since(tc);
      if (m_options.kill_after_checkpoint && *m_options.kill_after_checkpoint == year) {
        m_comm.barrier();
        std::raise(SIGKILL);
      }
    }
  }
  m_timings.years_s = seconds_since(t0) - m_timings.checkpoint_s;
  m_timings.total_s = m_timings.load_s + m_timings.initialise_s + seconds_since(t0);
}

void Simulation::run_year(std::int32_t year) {
  CellState& s = m_input.state;
  StepContext ctx;
  ctx.year = year;
  ctx.parameters = &m_parameters;
  ctx.climate = m_climate.get();
  ctx.climate_year = m_climate->year(year);
  ctx.layout = m_input.layout.get();
  ctx.climate_response = m_options.config.climate_response;
  ctx.seed = m_options.config.seed;

  model::YearTotals totals;
  totals.year = year;
  const int n_threads = threads();
  auto& ledgers = m_thread_ledgers;
  auto& transitions = m_thread_transitions;
  ledgers.resize(static_cast<std::size_t>(n_threads));
  transitions.resize(static_cast<std::size_t>(n_threads));
  for (auto& l : ledgers) l.assign(model::k_ledger_size, 0);
  for (auto& t : transitions) t.assign(model::k_transition_size, 0);
  std::vector<std::array<std::int64_t, 3>> balance(static_cast<std::size_t>(n_threads), {0, 0, 0});
  std::vector<TileLedger> tile_ledgers(static_cast<std::size_t>(n_threads));

  const auto fold = [&](TileLedger& tl) {
    const auto th = static_cast<std::size_t>(omp_get_thread_num());
    tl.fold_into(ledgers[th], transitions[th], balance[th][0], balance[th][1], balance[th][2]);
  };

  // Pass A: land use and conversions.
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    auto& tl = tile_ledgers[static_cast<std::size_t>(omp_get_thread_num())];
    update_land_use(ctx, s, t, *m_events, m_areas[t], tl);
    fold(tl);
  });

  // Fire: ignition and spread across tiles and ranks.
  std::vector<std::uint8_t>& burnt = m_burnt;
  burnt.clear();
  if (m_options.config.fire) {
    const FireYear f = m_fire->run(ctx, s, m_options.config.seed, burnt);
    totals.fire_ignitions = f.ignitions;
    totals.fire_cells = f.burnt_cells;
  }

  // Pass B: processes.
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    auto& tl = tile_ledgers[static_cast<std::size_t>(omp_get_thread_num())];
    const std::span<const std::uint8_t> tile_burnt =
        burnt.empty() ? std::span<const std::uint8_t>{}
                      : std::span<const std::uint8_t>(burnt.data() + s.begin(t), s.end(t) - s.begin(t));
    run_processes(ctx, s, t, tile_burnt, tl);
    fold(tl);
  });

  // Exact reduction: thread ledgers, then ranks, all in integers.
  for (int th = 0; th < n_threads; ++th) {
    for (std::size_t k = 0; k < model::k_ledger_size; ++k) totals.ledger[k] += ledgers[static_cast<std::size_t>(th)][k];
    for (std::size_t k = 0; k < model::k_transition_size; ++k)
      totals.transitions[k] += transitions[static_cast<std::size_t>(th)][k];
  }
  std::vector<std::int64_t> extra = {totals.fire_ignitions, totals.fire_cells, 0, 0, 0};
  for (const auto& b : balance) {
    extra[2] += b[0];
    extra[3] += b[1];
    extra[4] += b[2];
  }
  m_comm.reduce_sum_to_root(totals.ledger);
  m_comm.reduce_sum_to_root(totals.transitions);
  m_comm.reduce_sum_to_root(extra);
  if (!m_comm.is_root()) return;

  totals.fire_ignitions = extra[0];
  totals.fire_cells = extra[1];
  if (extra[4] != 0)
    throw InternalError(cat("carbon mass balance fails in ", year, ": ", extra[4],
                            " tile sums are not finite (NaN or Inf in the state)"));
  totals.mass_balance_relative_error =
      extra[3] > 0 ? static_cast<double>(extra[2]) / static_cast<double>(extra[3]) : 0.0;
  // |error| and NaN: a negative or undefined error must fail as surely as a large one.
  if (!(std::fabs(totals.mass_balance_relative_error) <= 1e-9) || extra[2] < 0)
    throw InternalError(cat("carbon mass balance fails in ", year, ": relative closure error ",
                            totals.mass_balance_relative_error, " exceeds 1e-9 in magnitude"));

  // Harvested wood products: national first-order decay pools fed by this year's harvest.
  double harvest_c = 0.0;
  for (int p = 0; p < model::k_provinces; ++p)
    for (int r = 0; r < model::k_conversion_rows; ++r) harvest_c += totals.value(p, r, model::Quantity::harvest_tc);
  const auto& hp = m_parameters.hwp;
  for (std::size_t k = 0; k < 3; ++k) {
    const double inflow = harvest_c * hp.domestic_share * hp.product_share[k];
    if (!m_hwp_started)
      m_hwp_stock[k] = kernels::hwp_steady_stock(hp.half_life_yr[k], inflow) * hp.initial_stock_factor;
    const auto step = kernels::hwp_first_order(hp.half_life_yr[k], m_hwp_stock[k], inflow);
    totals.hwp.inflow_tc[k] = inflow;
    totals.hwp.decay_tc[k] = step.decay;
    totals.hwp.stock_tc[k] = step.new_stock;
    m_hwp_stock[k] = step.new_stock;
  }
  m_hwp_started = true;
  m_years.push_back(std::move(totals));
}

}  // namespace polder::engine
