#include "solver/app/run_ensemble.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "io/config/eu_parameter_reader.hpp"
#include "io/config/parameter_set.hpp"
#include "io/hdf5/inventory_writer.hpp"
#include "solver/app/rank_check.hpp"
#include "solver/app/run_provenance.hpp"
#include "solver/app/summary.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/engine/ensemble_member.hpp"
#include "solver/engine/ensemble_output.hpp"
#include "solver/engine/ensemble_parameters.hpp"
#include "solver/engine/ensemble_runner.hpp"
#include "solver/engine/member_record.hpp"

namespace polder::app {
namespace {

/// What the engine cannot do for an ensemble yet, refused before anything runs.
void refuse_unsupported(const engine::SimulationOptions& options, const io::EnsembleConfig& ens) {
  if (options.restart_path) throw ConfigError("--restart: an ensemble does not restart from a checkpoint yet");
  if (options.branch_path)
    throw ConfigError("--branch-from: an ensemble does not branch from a checkpoint yet; run each branch alone");
  if (options.config.checkpoint_every > 0)
    throw ConfigError(cat("run.checkpoint_every = ", options.config.checkpoint_every,
                          ": ensemble members write no checkpoints yet; set it to 0 for an ensemble"));
  if (!options.config.maps.empty())
    throw ConfigError(
        "output.maps: an ensemble writes no per-cell maps yet (every member would rewrite the one "
        "maps file); map a member's entry with a plain run (its draw 0) and leave output.maps out here");
  if (!ens.activity_data.empty())
    throw ConfigError(cat("ensemble.activity_data = '", ens.activity_data,
                          "': the engine does not apply activity-data keep fractions to its members yet; leave the "
                          "key out (parameters are still sampled)"));
}

/// The config and parameters of every scenario entry: the run's config files, then the entry's
/// measure files, then the --set overrides, with run.scenario set to the entry's climate scenario.
std::vector<engine::EnsembleEntry> read_entries(const EnsembleRequest& request, const io::RunConfig& base) {
  std::vector<engine::EnsembleEntry> out;
  for (const auto& e : request.ensemble.scenarios) {
    auto files = request.configs;
    files.insert(files.end(), e.measure_files.begin(), e.measure_files.end());
    auto sets = request.sets;
    sets.push_back("run.scenario=" + e.climate);
    io::RunConfig c = io::load_run_config(files, sets);
    if (c.input_path != base.input_path || c.climate_path != base.climate_path || c.start_year != base.start_year ||
        c.end_year != base.end_year || c.tile_size != base.tile_size || c.seed != base.seed ||
        c.output_path != base.output_path)
      throw ConfigError(cat("ensemble scenario entry '", e.name,
                            "': its measure files change run.input, run.climate, run.output, the years, "
                            "grid.tile_size or run.seed; an entry may change measures, parameters and processes only"));
    io::ParameterSet parameters = io::ParameterSet::load(c.parameter_files);
    out.push_back({e.name, std::move(c), std::move(parameters)});
  }
  return out;
}

std::vector<std::int64_t> members_to_run(const EnsembleRequest& request) {
  if (request.member) return {request.ensemble.member(*request.member).index};
  const std::int64_t first = request.range ? request.range->first : 0;
  const std::int64_t last = request.range ? request.range->last : request.ensemble.member_count() - 1;
  std::vector<std::int64_t> out;
  for (std::int64_t k = first; k <= last; ++k) out.push_back(k);
  return out;
}

/// The values of the plan's quantities in `draw` (none without a plan), from the whole table when one
/// was computed (one sort per group, instead of O(N) per group for each draw alone).
std::vector<double> draw_values(const ensemble::SamplingPlan* plan, const std::vector<double>& table,
                                std::int64_t draw) {
  if (plan == nullptr) return {};
  if (table.empty()) return plan->values(draw);
  const std::size_t np = plan->parameters().size();
  const auto row = table.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(draw) * np);
  return {row, row + static_cast<std::ptrdiff_t>(np)};
}

/// Sets every member up once before anything runs, so a draw that breaks a parameter rule ends the
/// run at once with exit 2 on every rank, not one group in the middle of the ensemble. World rank 0
/// checks (it holds the plan's whole table, 8 N P bytes) and tells the others.
void check_members(const parallel::Comm& world, const std::vector<std::int64_t>& members, const io::EnsembleConfig& ens,
                   const std::vector<engine::EnsembleEntry>& entries, const ensemble::SamplingPlan* plan) {
  std::string error;
  if (world.is_root()) {
    const std::vector<double> table = plan != nullptr && members.size() > 1 ? plan->table() : std::vector<double>{};
    for (const std::int64_t k : members) {
      const io::EnsembleMember m = ens.member(k);
      try {
        (void)engine::member_setup(entries[m.scenario], plan, draw_values(plan, table, m.draw), m.draw);
      } catch (const ConfigError& e) {
        error = cat("ensemble member ", k, " (scenario ", entries[m.scenario].name, ", draw ", m.draw, "): ", e.what());
        break;
      }
    }
  }
  world.broadcast(error);
  if (!error.empty()) throw ConfigError(error);
}

/// --resume: the rows of the members (other than `main_member`, whose whole tables the inventory
/// needs; -1 for a --members range, which writes no inventory) that a killed run of the same ensemble
/// finished, read by world rank 0, which keeps the rows;
/// every rank learns which members they are. A record of another run stops every rank with the same
/// InputError.
engine::EnsembleTables read_back(const parallel::Comm& world, const engine::Simulation& sim,
                                 const std::vector<std::int64_t>& members, std::int64_t main_member,
                                 const io::EnsembleConfig& ens, const std::vector<engine::EnsembleEntry>& entries,
                                 const ensemble::SamplingPlan* plan, const std::string& checkpoint_dir) {
  engine::EnsembleTables found;
  found.years = static_cast<std::size_t>(sim.config().end_year) - static_cast<std::size_t>(sim.config().start_year) + 1;
  found.parameters = plan != nullptr ? plan->parameters().size() : 0;
  std::string error;
  if (world.is_root()) {
    try {
      const std::vector<double> table = plan != nullptr ? plan->table() : std::vector<double>{};
      for (const std::int64_t k : members) {
        if (k == main_member) continue;
        const io::EnsembleMember m = ens.member(k);
        const auto setup = engine::member_setup(entries[m.scenario], plan, draw_values(plan, table, m.draw), m.draw);
        (void)engine::read_member_record(engine::member_record_path(checkpoint_dir, k),
                                         engine::member_identity(sim.identity(), setup, k, ens), k, found);
      }
    } catch (const InputError& e) {
      error = e.what();
    }
  }
  world.broadcast(error);
  if (!error.empty()) throw InputError(error);
  world.broadcast(found.members);
  log::info(cat("polder: --resume: ", found.members.size(), " finished member(s) read back from ",
                (std::filesystem::path(checkpoint_dir) / "members").string()));
  return found;
}

/// The rows of `a` and `b` in one table (rows unsorted; gather_tables sorts).
engine::EnsembleTables joined(engine::EnsembleTables a, const engine::EnsembleTables& b) {
  if (b.members.empty()) return a;
  a.years = b.years;
  a.parameters = b.parameters;
  a.members.insert(a.members.end(), b.members.begin(), b.members.end());
  a.parameter_values.insert(a.parameter_values.end(), b.parameter_values.begin(), b.parameter_values.end());
  a.net_kt_co2e.insert(a.net_kt_co2e.end(), b.net_kt_co2e.begin(), b.net_kt_co2e.end());
  a.total_kt_co2e.insert(a.total_kt_co2e.end(), b.total_kt_co2e.begin(), b.total_kt_co2e.end());
  a.eu_compliance.insert(a.eu_compliance.end(), b.eu_compliance.begin(), b.eu_compliance.end());
  return a;
}

}  // namespace

int run_ensemble(const parallel::Comm& world, const engine::SimulationOptions& options,
                 const EnsembleRequest& request) {
  const auto t0 = std::chrono::steady_clock::now();
  const io::EnsembleConfig& ens = request.ensemble;
  refuse_unsupported(options, ens);
  const std::vector<std::int64_t> members = members_to_run(request);
  // --member runs one member on every rank: the [ensemble] groups do not apply.
  const std::int32_t groups = request.member ? 1 : ens.groups;
  if (!request.member) io::check_groups(ens, world.size());
  const auto entries = read_entries(request, options.config);
  const auto base_parameters = io::ParameterSet::load(options.config.parameter_files);
  const auto eu_parameters = io::read_eu_parameters(base_parameters);
  std::optional<ensemble::SamplingPlan> plan;
  if (ens.draws >= 1) plan = engine::sampling_plan(ens, base_parameters, nullptr);
  const ensemble::SamplingPlan* plan_ptr = plan ? &*plan : nullptr;
  check_members(world, members, ens, entries, plan_ptr);

  // Contiguous groups: world rank 0 is the root of group 0, which runs member 0.
  const int colour = static_cast<int>(static_cast<std::int64_t>(world.rank()) * groups / world.size());
  const parallel::Comm group = world.split(colour);
  engine::Simulation sim(group, options, base_parameters);
  check_ranks(group, sim, options.config);
  io::check_ensemble_size(ens, sim.total_active_cells(), options.config.end_year - options.config.start_year + 1);
  // The member whose results fill the inventory's main tables: member 0, or the --member; none for a
  // --members range, which keeps records only.
  const std::int64_t main_member = request.range ? -1 : members.front();
  engine::EnsembleTables restored;
  if (request.resume)
    restored = read_back(world, sim, members, main_member, ens, entries, plan_ptr, options.config.checkpoint_dir);
  std::vector<std::int64_t> mine;
  for (const std::int64_t k : members)
    if (k % groups == colour &&
        std::find(restored.members.begin(), restored.members.end(), k) == restored.members.end())
      mine.push_back(k);

  std::vector<model::YearTotals> main_years;
  reporting::ScenarioSummary main_summary;
  engine::RunTimings main_timings;
  engine::EnsembleSpec spec;
  spec.config = &ens;
  spec.entries = &entries;
  spec.plan = plan_ptr;
  spec.eu = eu_parameters;
  if (!request.member) spec.record_checkpoint_dir = options.config.checkpoint_dir;
  if (const char* fault = std::getenv("POLDER_FAULT_AFTER_MEMBER")) spec.kill_after_member = std::atoll(fault);
  const auto local = engine::run_members(sim, spec, mine, [&](std::int64_t k, const engine::Simulation& s) {
    if (k != main_member) return;
    main_timings = s.timings();
    if (s.comm().is_root()) {
      main_years = s.years();
      main_summary = scenario_summary(s);
    }
  });
  const auto tables = engine::gather_tables(world, world.is_root() ? joined(local, restored) : local, group.is_root());
  if (request.range) {
    // The records are this run's only output: one that a group root could not write (a warning in a
    // whole ensemble, where it only saves work) fails the range, so the array task fails visibly.
    std::string missing;
    if (world.is_root()) {
      POLDER_VERIFY(tables.members == members, "the groups ran ", tables.members.size(), " of ", members.size(),
                    " members");
      for (const std::int64_t k : members)
        if (missing.empty() &&
            !std::filesystem::is_regular_file(engine::member_record_path(options.config.checkpoint_dir, k)))
          missing = cat("--members ", request.range->first, "-", request.range->last, ": the record of member ", k,
                        " was not written (", engine::member_record_path(options.config.checkpoint_dir, k), ")");
    }
    world.broadcast(missing);
    if (!missing.empty()) throw OutputError(missing);
    log::info(cat("polder: ensemble members ", request.range->first, "-", request.range->last, ": ",
                  members.size() - restored.members.size(), " run, ", restored.members.size(),
                  " read back; records in ",
                  (std::filesystem::path(options.config.checkpoint_dir) / "members").string(),
                  " (no inventory written: gather them with --resume)"));
    return 0;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // The provenance records the parameter values the main member used (drawn ones for a --member K).
  const io::EnsembleMember main = ens.member(main_member);
  const auto& main_entry = entries[main.scenario];
  const io::ParameterSet main_parameters = plan && main.draw > 0
                                               ? engine::parameters_for_draw(main_entry.parameters, *plan, main.draw)
                                               : main_entry.parameters;
  io::Provenance prov = run_provenance(world, sim, main_entry.config, main_parameters, main_timings, "", wall);
  prov.config_text += "\n" + ens.effective_text;
  prov.ranks = world.size();

  std::string write_error;
  if (world.is_root()) {
    POLDER_VERIFY(!main_years.empty(), "world rank 0 did not run member ", main_member);
    POLDER_VERIFY(tables.members == members, "the groups ran ", tables.members.size(), " of ", members.size(),
                  " members");
    std::vector<std::int32_t> years;
    years.reserve(main_years.size());
    for (const auto& y : main_years) years.push_back(y.year);
    std::vector<std::string> names;
    if (plan)
      for (const auto& p : plan->parameters()) names.push_back(p.name);
    const auto datasets = engine::ensemble_datasets(ens, names, tables, years);
    try {
      io::write_inventory(options.config.output_path, main_years, prov, eu_parameters, main_summary, &datasets);
    } catch (const OutputError& e) {
      write_error = e.what();
    }
    if (write_error.empty() && log::level() >= log::Level::info) {
      print_run_summary(std::cout, main_years, prov);
      std::cout << (request.member ? cat("ensemble member ", main_member)
                                   : cat("ensemble of ", members.size(), " members on ", groups, " group(s)"))
                << " written to " << options.config.output_path << '\n';
    }
  }
  world.broadcast(write_error);
  if (!write_error.empty()) throw OutputError(write_error);
  return 0;
}

}  // namespace polder::app
