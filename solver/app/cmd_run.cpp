// polder run: compute an inventory from a config and an input stack.

#include <omp.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "io/config/parameter_set.hpp"
#include "io/config/run_config.hpp"
#include "io/hdf5/inventory_writer.hpp"
#include "polder/version.hpp"
#include "solver/app/cli_options.hpp"
#include "solver/app/summary.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/engine/simulation.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::app {
namespace {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string host_name() {
  char buf[256] = {};
  gethostname(buf, sizeof buf - 1);
  return buf;
}

}  // namespace

int cmd_run(const Args& args, const parallel::Comm& world) {
  po::options_description opts;
  std::vector<std::string> configs, sets;
  int repeats = 0;
  opts.add_options()("config,c", po::value(&configs)->required()->composing(),
                     "run config INI file; repeat to layer (later wins)")("input,i", po::value<std::string>(),
                                                                          "input stack, overrides run.input")(
      "output,o", po::value<std::string>(), "inventory to write, overrides run.output")(
      "set,s", po::value(&sets)->composing(), "override a config value: section.key=value (repeatable)")(
      "checkpoint-every", po::value<std::int32_t>(),
      "write a checkpoint every N years, overrides run.checkpoint_every")("restart", po::value<std::string>(),
                                                                          "continue from this checkpoint file")(
      "repeat", po::value<int>(&repeats)->default_value(0),
      "run the member N more times from the kept input (benchmark of a further ensemble member; the "
      "results must be the same bits)")("quiet,q", "no progress output")(
      "log-all-ranks", "print log lines from every rank, prefixed with the rank");
  po::variables_map vm;
  if (!parse_command_line("run", "Compute a LULUCF inventory (HDF5) from an input stack.", args, opts, vm, nullptr,
                          world))
    return 0;
  log::configure(world.rank(), vm.count("quiet") ? log::Level::warn : log::Level::info, vm.count("log-all-ranks") != 0);

  if (vm.count("input")) sets.push_back("run.input=" + vm["input"].as<std::string>());
  if (vm.count("output")) sets.push_back("run.output=" + vm["output"].as<std::string>());
  if (vm.count("checkpoint-every"))
    sets.push_back("run.checkpoint_every=" + std::to_string(vm["checkpoint-every"].as<std::int32_t>()));

  engine::SimulationOptions options;
  options.config = io::load_run_config(configs, sets);
  std::vector<std::string> also_read;
  if (vm.count("restart")) {
    options.restart_path = vm["restart"].as<std::string>();
    if (!std::filesystem::is_regular_file(*options.restart_path))
      throw InputError(cat("--restart '", *options.restart_path, "': file not found"));
    also_read.push_back(*options.restart_path);
  }
  io::check_paths(options.config, also_read);
  options.progress = !vm.count("quiet");
  if (repeats < 0) throw ConfigError(cat("--repeat ", repeats, ": must be 0 or more"));
  if (const char* fault = std::getenv("POLDER_FAULT_AFTER_CHECKPOINT"))
    options.kill_after_checkpoint = std::atoi(fault);
  const auto parameters = io::ParameterSet::load(options.config.parameter_files);

  const auto t0 = std::chrono::steady_clock::now();
  engine::Simulation sim(world, options, parameters);
  sim.run();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const engine::RunTimings timings = sim.timings();
  // Members after the first start from the kept input: measure what a further member costs, and check
  // it gives the same bits.
  std::vector<double> repeat_s;
  engine::RunTimings repeat_timings;
  for (int k = 0; k < repeats; ++k) {
    const auto first = sim.years();
    const auto tr = std::chrono::steady_clock::now();
    sim.rerun();
    repeat_s.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - tr).count());
    repeat_timings = sim.timings();
    if (world.is_root()) {
      bool same = first.size() == sim.years().size();
      for (std::size_t y = 0; same && y < first.size(); ++y)
        same = first[y].ledger == sim.years()[y].ledger && first[y].transitions == sim.years()[y].transitions;
      if (!same) throw InternalError("a repeated member from the kept input gave different results");
    }
  }
  const double state_bytes = world.allreduce_max(sim.state_bytes_per_cell());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const std::int64_t peak_rss = world.allreduce_sum(std::int64_t{usage.ru_maxrss} * 1024);

  if (world.is_root()) {
    io::Provenance prov;
    const auto& cfg = options.config;
    prov.run_name = cfg.name;
    prov.version = k_version;
    prov.git_revision = k_git_revision;
    prov.created_utc = utc_now();
    prov.hostname = host_name();
    prov.config_text = cfg.effective_text;
    prov.scenario = cfg.scenario;
    prov.seed = cfg.seed;
    prov.start_year = cfg.start_year;
    prov.end_year = cfg.end_year;
    prov.tile_size = cfg.tile_size;
    prov.active_cells = sim.total_active_cells();
    prov.territory_kha = static_cast<double>(sim.total_active_cells()) * grid::NationalGrid::cell_area_ha / 1000.0;
    prov.region = sim.input_info().region;
    prov.ranks = world.size();
    prov.threads = sim.threads();
    prov.wall_time_s = wall;
    prov.years_time_s = timings.years_s;
    prov.load_time_s = timings.load_s;
    prov.initialise_time_s = timings.initialise_s;
    prov.loop_parts_s = {timings.land_use_s, timings.fire_s, timings.processes_s, timings.reduce_s};
    prov.load_parts_s = {timings.load.read_s, timings.load.check_s, timings.load.distribute_s};
    if (!repeat_s.empty()) {
      prov.repeat_member_s = repeat_s.back();
      prov.repeat_member_loop_s = repeat_timings.years_s;
      prov.repeat_member_initialise_s = repeat_timings.initialise_s;
    }
    prov.peak_rss_bytes = peak_rss;
    prov.state_bytes_per_cell = static_cast<std::int64_t>(std::llround(state_bytes));
    prov.restarted_from = options.restart_path.value_or("");
    prov.inputs.push_back({"input stack", cfg.input_path, sim.identity().input_digest});
    prov.inputs.push_back({"climate", cfg.climate_path, sim.identity().climate_digest});
    for (const auto& [name, p] : parameters.all()) prov.parameters.push_back(p);
    io::write_inventory(cfg.output_path, sim.years(), prov);
    if (log::level() >= log::Level::info) {
      print_run_summary(std::cout, sim.years(), prov);
      std::cout << "inventory written to " << cfg.output_path << '\n';
    }
  }
  world.barrier();
  return 0;
}

}  // namespace polder::app
