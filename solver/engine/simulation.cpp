#include "solver/engine/simulation.hpp"

#include <omp.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <sstream>
#include <thread>

#include "io/util/file_digest.hpp"
#include "polder/version.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/engine/initial_state.hpp"
#include "solver/engine/wetland_closure.hpp"
#include "solver/engine/work_model.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/kernels/counter_hash.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::engine {

static_assert(model::k_cell_area_ha == grid::NationalGrid::cell_area_ha, "model and grid disagree on the cell area");
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

Simulation::Simulation(const parallel::Comm& comm, SimulationOptions options, const io::ParameterSet& parameters)
    : m_comm(comm), m_options(std::move(options)) {
  const auto t0 = Clock::now();
  const auto& cfg = m_options.config;
  m_parameters = read_model_parameters(parameters);
  m_identity.parameters_digest = io::sha256_hex(parameters.values_text());
  m_identity.scenario_digest = io::sha256_hex(scenario_signature(m_options.config));

  const ModelParameters& p = m_parameters;
  const std::int32_t years = cfg.end_year - cfg.start_year + 1;
  m_input = load_input(comm, cfg.input_path, cfg.tile_size,
                       [&p, years](const TileWork& w) { return tile_cost(w, p, years); });
  m_climate = std::make_unique<ClimateForcing>(comm, cfg.climate_path, cfg.scenario, m_input.info.window);
  if (!m_climate->covers(cfg.start_year) || !m_climate->covers(cfg.end_year))
    throw InputError(cat("run.start_year..run.end_year = ", cfg.start_year, "..", cfg.end_year,
                         " is not covered by the climate file '", cfg.climate_path, "' (", m_climate->first_year(),
                         "..", m_climate->last_year(), ")"));
  if (cfg.start_year - 1 < m_input.info.map_years.front())
    log::warn(cat("run.start_year ", cfg.start_year, " is before the first land-use map (",
                  m_input.info.map_years.front(), "): the first map is used for earlier years"));
  m_factors =
      std::make_unique<ClimateFactors>(*m_climate, m_parameters.climate, m_parameters.fire, cfg.climate_response);
  m_identity.input_digest = io::file_digest(comm, cfg.input_path);
  m_identity.climate_digest = io::file_digest(comm, cfg.climate_path);
  m_timings.load_s = seconds_since(t0);
  m_timings.load = m_input.timings;

  const auto t1 = Clock::now();
  start_member();
  if (m_options.restart_path && m_options.branch_path)
    throw ConfigError(
        "--restart and --branch-from exclude each other: a run continues its own checkpoint or "
        "branches from another run's");
  const std::optional<std::string>& from = m_options.restart_path ? m_options.restart_path : m_options.branch_path;
  if (from) {
    restore(*from, m_options.branch_path.has_value());
    m_measures.reserve(m_state, m_first_year);  // the cells of this config's measures still to come
    // No checkpoint this run writes may replace the one it started from.
    for (std::int32_t y = m_first_year; y < cfg.end_year; ++y) {
      const bool due = cfg.checkpoint_every > 0 && (y - cfg.start_year + 1) % cfg.checkpoint_every == 0;
      if (due && io::same_file(io::checkpoint_path(cfg.checkpoint_dir, y), *from))
        throw InputError(cat("run.checkpoint_dir = '", cfg.checkpoint_dir, "': the checkpoint of ", y,
                             " would be the same file as the checkpoint started from '", *from,
                             "', which the run reads: refusing to overwrite an input"));
    }
  }
  m_timings.initialise_s = seconds_since(t1);
  log::info(cat("polder: inputs read and checked in ", m_timings.load_s, " s, starting state set up in ",
                m_timings.initialise_s, " s"));
  log::info(cat("polder: ", m_input.layout->total_active(), " active cells (",
                static_cast<double>(m_input.layout->total_active()) * grid::NationalGrid::cell_area_ha / 1000.0,
                " kha) in ", m_input.layout->active_tiles().size(), " tiles of ", cfg.tile_size, " cells, on ",
                comm.size(), " rank(s) x ", threads(), " thread(s)"));
}

int Simulation::threads() const { return omp_get_max_threads(); }

std::uint64_t Simulation::seed() const { return kernels::draw_seed(m_options.config.seed, m_options.draw); }

const RunTimings& Simulation::timings() const {
  ProcessTimes sum;
  for (const auto& x : m_process_scratch) {
    sum.burns += x.times.burns;
    sum.woody += x.times.woody;
    sum.regrowth += x.times.regrowth;
    sum.transitions += x.times.transitions;
    sum.organic += x.times.organic;
    sum.coastal += x.times.coastal;
    sum.woody_cells += x.times.woody_cells;
    sum.organic_cells += x.times.organic_cells;
    sum.transition_cells += x.times.transition_cells;
  }
  m_timings.processes = sum;
  return m_timings;
}

double Simulation::state_bytes_per_cell() {
  const double cells = std::max<double>(1.0, static_cast<double>(m_input.n_cells()));
  return static_cast<double>(m_state.bytes() + m_input.bytes()) / cells;
}

void Simulation::start_member() {
  const auto& cfg = m_options.config;
  initialise_state(m_input, m_parameters, *m_factors, cfg.start_year, m_state);
  m_projection = ProjectionRates(m_comm, m_state, m_input.info.map_years, cfg);
  m_measures = MeasurePlan(m_comm, m_state, m_input.info.map_years, m_parameters, cfg, seed());
  m_measures.reserve(m_state, cfg.start_year);
  m_fire = std::make_unique<FireProcess>(m_comm, *m_input.layout, *m_input.decomposition, m_state);
  m_first_year = cfg.start_year;
  m_years.clear();
  m_hwp_stock = {};
  m_hwp_started = false;
  m_areas.clear();
  m_event_cursor.assign(m_state.n_tiles(), 0);
  m_measure_cursor.assign(m_state.n_tiles(), 0);
}

void Simulation::rerun() {
  const auto t0 = Clock::now();
  start_member();
  m_timings.initialise_s = seconds_since(t0);
  m_timings.land_use_s = m_timings.fire_s = m_timings.processes_s = m_timings.reduce_s = 0.0;
  for (auto& x : m_process_scratch) x.times = ProcessTimes{};
  m_timings.checkpoint_s = 0.0;
  run();
}

void Simulation::run_member(const MemberSetup& member) {
  const auto& now = m_options.config;
  const auto& next = member.config;
  POLDER_VERIFY(next.input_path == now.input_path && next.climate_path == now.climate_path &&
                    next.start_year == now.start_year && next.end_year == now.end_year &&
                    next.tile_size == now.tile_size && next.seed == now.seed,
                "an ensemble member's config differs from the run's in its input, climate, years, grid or seed");
  POLDER_VERIFY(!m_options.restart_path, "ensemble members do not restart from a checkpoint");
  const bool new_scenario = next.scenario != now.scenario;
  m_options.config = next;
  m_options.draw = member.draw;
  m_parameters = member.parameters;
  m_identity.parameters_digest = member.parameters_digest;
  m_identity.scenario_digest = io::sha256_hex(scenario_signature(m_options.config));
  const auto& cfg = m_options.config;
  if (new_scenario) {
    m_factors.reset();
    m_climate = std::make_unique<ClimateForcing>(m_comm, cfg.climate_path, cfg.scenario, m_input.info.window);
  }
  m_factors =
      std::make_unique<ClimateFactors>(*m_climate, m_parameters.climate, m_parameters.fire, cfg.climate_response);
  rerun();
}

void Simulation::run() {
  const auto& cfg = m_options.config;
  const auto t0 = Clock::now();
  // Counts and event positions start from the state the first computed year begins with.
  m_areas.assign(m_state.n_tiles(), AreaBook{});
  parallel::for_each_tile(m_state.n_tiles(), [&](std::size_t t) {
    m_areas[t] = AreaBook(m_state, t, m_first_year);
    const auto& ev = m_state.tile_input(t).events;
    m_event_cursor[t] =
        static_cast<std::size_t>(std::lower_bound(ev.begin(), ev.end(), m_first_year,
                                                  [](const TileEvent& e, std::int32_t y) { return e.year < y; }) -
                                 ev.begin());
  });
  const std::int64_t cells = m_input.layout->total_active();
  open_maps();
  for (std::int32_t year = m_first_year; year <= cfg.end_year; ++year) {
    const auto ty = Clock::now();
    if (m_maps && m_maps->needs_start(year)) {
      m_maps->keep_start(year, m_state, m_parameters, *m_factors);
      m_map_gases = m_maps->gases();
    }
    run_year(year);
    if (m_maps && m_maps->due(year)) m_maps->write(year, m_state, m_parameters, *m_factors);
    m_map_gases = nullptr;
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
      if (m_options.stall_after_checkpoint && *m_options.stall_after_checkpoint == year)
        std::this_thread::sleep_for(std::chrono::seconds(120));
    }
  }
  if (m_maps) {
    m_maps->close();
    m_maps.reset();
  }
  m_timings.years_s = seconds_since(t0) - m_timings.checkpoint_s;
  m_timings.total_s = m_timings.load_s + m_timings.initialise_s + seconds_since(t0);
  const ProcessTimes& pt = timings().processes;
  const auto per_cell = [](double s, std::int64_t n) { return n > 0 ? s / static_cast<double>(n) * 1e9 : 0.0; };
  log::info(cat("polder: rank ", m_comm.rank(), " loop ", m_timings.years_s, " s: land use ", m_timings.land_use_s,
                ", fire ", m_timings.fire_s, ", processes ", m_timings.processes_s, " (woody ",
                per_cell(pt.woody, pt.woody_cells), " ns/cell-yr, organic ", per_cell(pt.organic, pt.organic_cells),
                " ns, transitions ", per_cell(pt.transitions, pt.transition_cells), " ns, burns ", pt.burns,
                " s, coastal ", pt.coastal, " s), reduce ", m_timings.reduce_s, " s"));
  // The work this rank was given, in the terms of the work model (work_model.hpp), to calibrate it.
  std::array<double, 5> work{};
  for (const auto& tile : m_input.tiles) {
    const auto terms = tile_work_terms(tile.work, m_parameters);
    for (std::size_t k = 0; k < work.size(); ++k) work[k] += terms[k];
  }
  log::info(cat("polder: rank ", m_comm.rank(), " work: cells ", work[0], ", woody ", work[1], ", organic ", work[2],
                ", flammable ", work[3], ", events ", work[4], "; modelled cost ",
                tile_cost_ns(work, WorkCosts{}, cfg.end_year - m_first_year + 1) * 1e-9, " s"));
}

void Simulation::open_maps() {
  const auto& cfg = m_options.config;
  if (cfg.maps.empty()) return;
  // A restarted run computes only the years after its checkpoint; a map of an earlier year would stay
  // empty, so it is refused rather than written blank.
  if (cfg.map_years.front() < m_first_year)
    throw ConfigError(cat("output.map_years: ", cfg.map_years.front(), " is before ", m_first_year,
                          ", the first year this run computes (started from the checkpoint '",
                          m_options.restart_path ? *m_options.restart_path : m_options.branch_path.value_or(""),
                          "'): map only years after the checkpoint"));
  const std::vector<std::pair<std::string, std::string>> provenance = {
      {"source", cat("polder ", k_version, " (", k_git_revision, ")")},
      {"history", cat("polder run '", cfg.name, "'")},
      {"polder_run_name", cfg.name},
      {"polder_input", cfg.input_path},
      {"polder_input_digest", m_identity.input_digest},
      {"polder_climate_digest", m_identity.climate_digest},
      {"polder_parameters_digest", m_identity.parameters_digest},
      {"polder_scenario", cfg.scenario},
      {"polder_inventory", cfg.output_path},
      {"polder_config", cfg.effective_text},
  };
  m_maps = std::make_unique<MapOutput>(m_comm, cfg, m_input.info.window, provenance);
}

void Simulation::run_year(std::int32_t year) {
  CellState& s = m_state;
  m_factors->fill(year, m_tables);
  YearContext ctx;
  ctx.year = year;
  ctx.parameters = &m_parameters;
  ctx.climate = &m_tables;
  ctx.factors = m_factors.get();
  ctx.layout = m_input.layout.get();
  ctx.climate_response = m_options.config.climate_response;
  ctx.seed = seed();
  ctx.measures = &m_measures;
  ctx.projection = m_projection.enabled() ? &m_projection : nullptr;
  ctx.max_ignition_factor = m_measures.max_ignition_factor();
  ctx.cell_gases_t_co2e_ha = m_map_gases;

  model::YearTotals totals;
  totals.year = year;
  const auto n_threads = static_cast<std::size_t>(threads());
  m_thread_ledgers.resize(n_threads);
  m_thread_transitions.resize(n_threads);
  m_thread_measures.resize(n_threads);
  m_thread_wetland.resize(n_threads);
  const std::size_t measure_size = m_measures.empty() ? 0 : (m_measures.specs().size() + 1) * model::k_quantities;
  for (auto& l : m_thread_ledgers) l.assign(model::k_ledger_size, 0);
  for (auto& t : m_thread_transitions) t.assign(model::k_transition_size, 0);
  for (auto& m : m_thread_measures) m.assign(measure_size, 0);
  for (auto& w : m_thread_wetland) w.assign(model::k_wetland_ledger_size, 0);
  std::vector<std::array<std::int64_t, 3>> balance(n_threads, {0, 0, 0});
  m_tile_ledgers.resize(n_threads);
  m_land_use_scratch.resize(n_threads);
  m_process_scratch.resize(n_threads);

  const auto fold = [&](TileLedger& tl) {
    const auto th = static_cast<std::size_t>(omp_get_thread_num());
    tl.fold_into(m_thread_ledgers[th], m_thread_transitions[th], balance[th][0], balance[th][1], balance[th][2],
                 &m_thread_measures[th], &m_thread_wetland[th]);
  };

  // Pass A: land use and conversions; areas and the mineral-soil climate response from the counts.
  auto t0 = Clock::now();
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    const auto th = static_cast<std::size_t>(omp_get_thread_num());
    land_use_pass(ctx, s, t, m_event_cursor[t], m_measure_cursor[t], m_areas[t], m_tile_ledgers[th],
                  m_land_use_scratch[th]);
    fold(m_tile_ledgers[th]);
  });
  m_timings.land_use_s += seconds_since(t0);

  // Fire: ignition and spread across tiles and ranks.
  t0 = Clock::now();
  m_burnt.resize(s.n_tiles());
  for (auto& b : m_burnt) b.clear();
  if (m_options.config.fire) {
    const FireYear f = m_fire->run(ctx, s, m_burnt);
    totals.fire_ignitions = f.ignitions;
    totals.fire_cells = f.burnt_cells;
    totals.fire_patches = f.patches.patches;  // root only: the sum over ranks below keeps it
    totals.fire_large_cells = f.patches.large_cells;
    totals.fire_largest_cells = f.patches.largest_cells;
  }
  m_timings.fire_s += seconds_since(t0);

  // Pass B: processes.
  t0 = Clock::now();
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    const auto th = static_cast<std::size_t>(omp_get_thread_num());
    process_pass(ctx, s, t, m_burnt[t], m_areas[t], m_tile_ledgers[th], m_process_scratch[th]);
    fold(m_tile_ledgers[th]);
  });
  m_timings.processes_s += seconds_since(t0);

  // Exact reduction: thread ledgers, then ranks, all in integers.
  t0 = Clock::now();
  for (std::size_t th = 0; th < n_threads; ++th) {
    for (std::size_t k = 0; k < model::k_ledger_size; ++k) totals.ledger[k] += m_thread_ledgers[th][k];
    for (std::size_t k = 0; k < model::k_transition_size; ++k) totals.transitions[k] += m_thread_transitions[th][k];
  }
  for (std::size_t th = 0; th < n_threads; ++th)
    for (std::size_t k = 0; k < model::k_wetland_ledger_size; ++k) totals.wetland[k] += m_thread_wetland[th][k];
  totals.measures.assign(measure_size, 0);
  for (std::size_t th = 0; th < n_threads; ++th) {
    POLDER_VERIFY(m_thread_measures[th].size() == measure_size, "measure ledger of ", m_thread_measures[th].size(),
                  " values, expected ", measure_size);
    for (std::size_t k = 0; k < measure_size; ++k) totals.measures[k] += m_thread_measures[th][k];
  }
  std::vector<std::int64_t> extra = {totals.fire_ignitions,   totals.fire_cells,        0, 0, 0, totals.fire_patches,
                                     totals.fire_large_cells, totals.fire_largest_cells};
  for (const auto& b : balance) {
    extra[2] += b[0];
    extra[3] += b[1];
    extra[4] += b[2];
  }
  m_comm.reduce_sum_to_root(totals.ledger);
  m_comm.reduce_sum_to_root(totals.transitions);
  m_comm.reduce_sum_to_root(totals.wetland);
  if (!totals.measures.empty()) m_comm.reduce_sum_to_root(totals.measures);
  m_comm.reduce_sum_to_root(extra);
  m_timings.reduce_s += seconds_since(t0);
  if (!m_comm.is_root()) return;

  totals.fire_ignitions = extra[0];
  totals.fire_cells = extra[1];
  totals.fire_patches = extra[5];
  totals.fire_large_cells = extra[6];
  totals.fire_largest_cells = extra[7];
  if (extra[4] != 0)
    throw InternalError(cat("carbon mass balance fails in ", year, ": ", extra[4],
                            " tile sums are not finite (NaN or Inf in the state)"));
  totals.mass_balance_relative_error =
      extra[3] > 0 ? static_cast<double>(extra[2]) / static_cast<double>(extra[3]) : 0.0;
  // |error| and NaN: a negative or undefined error must fail as surely as a large one.
  if (!(std::fabs(totals.mass_balance_relative_error) <= 1e-9) || extra[2] < 0)
    throw InternalError(cat("carbon mass balance fails in ", year, ": relative closure error ",
                            totals.mass_balance_relative_error, " exceeds 1e-9 in magnitude"));

  close_wetland_subrows(totals, m_input.layout->active_tiles().size());

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
