// polder run: compute an inventory from a config and an input stack, or an ensemble of them
// (run_ensemble.cpp) when the configs hold an [ensemble] section or --ensemble is given.

#include <omp.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "io/config/ensemble_config.hpp"
#include "io/config/eu_parameter_reader.hpp"
#include "io/config/parameter_set.hpp"
#include "io/config/run_config.hpp"
#include "io/hdf5/inventory_writer.hpp"
#include "solver/app/cli_options.hpp"
#include "solver/app/member_range.hpp"
#include "solver/app/rank_check.hpp"
#include "solver/app/run_ensemble.hpp"
#include "solver/app/run_provenance.hpp"
#include "solver/app/summary.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/engine/simulation.hpp"

namespace polder::app {

int cmd_run(const Args& args, const parallel::Comm& world) {
  po::options_description opts;
  std::vector<std::string> configs, sets, ensemble_files;
  int repeats = 0;
  opts.add_options()("config,c", po::value(&configs)->required()->composing(),
                     "run config INI file; repeat to layer (later wins)")("input,i", po::value<std::string>(),
                                                                          "input stack, overrides run.input")(
      "output,o", po::value<std::string>(), "inventory to write, overrides run.output")(
      "set,s", po::value(&sets)->composing(), "override a config value: section.key=value (repeatable)")(
      "checkpoint-every", po::value<std::int32_t>(),
      "write a checkpoint every N years, overrides run.checkpoint_every")("restart", po::value<std::string>(),
                                                                          "continue from this checkpoint file")(
      "branch-from", po::value<std::string>(),
      "start from this checkpoint of another run's shared historical years, under this run's scenario, "
      "measures and parameter values (docs/scenarios.md)")(
      "repeat", po::value<int>(&repeats)->default_value(0),
      "run the member N more times from the kept input (benchmark of a further ensemble member; the "
      "results must be the same bits)")(
      "ensemble", po::value(&ensemble_files)->composing(),
      "ensemble config with an [ensemble] section (docs/uncertainty.md); repeat to layer")(
      "member", po::value<std::int64_t>(), "run ensemble member K alone (same bits as member K of the ensemble)")(
      "members", po::value<std::string>(),
      "run ensemble members A-B only and keep their records in run.checkpoint_dir/members, writing no inventory "
      "(one task of a job array; a later --resume run gathers them into the ensemble file)")(
      "member-count", "print the number of ensemble members and run nothing")(
      "groups", po::value<std::int32_t>(), "split the MPI ranks into G groups, overrides ensemble.groups")(
      "resume",
      "ensemble: read back the members a killed run finished (run.checkpoint_dir/members) instead of "
      "running them again")("quiet,q", "no progress output")("log-all-ranks",
                                                             "print log lines from every rank, prefixed with the rank");
  po::variables_map vm;
  if (!parse_command_line("run", "Compute a LULUCF inventory (HDF5) from an input stack.", args, opts, vm, nullptr,
                          world))
    return 0;
  log::configure(world.rank(), vm.count("quiet") ? log::Level::warn : log::Level::info, vm.count("log-all-ranks") != 0);

  if (vm.count("input")) sets.push_back("run.input=" + vm["input"].as<std::string>());
  if (vm.count("output")) sets.push_back("run.output=" + vm["output"].as<std::string>());
  if (vm.count("checkpoint-every"))
    sets.push_back("run.checkpoint_every=" + std::to_string(vm["checkpoint-every"].as<std::int32_t>()));
  if (vm.count("groups")) {
    const auto g = vm["groups"].as<std::int32_t>();
    if (g < 1) throw ConfigError(cat("--groups ", g, ": ensemble.groups must be 1 or more"));
    sets.push_back("ensemble.groups=" + std::to_string(g));
  }

  engine::SimulationOptions options;
  options.config = io::load_run_config(configs, sets);
  const auto ensemble = io::load_ensemble_config(configs, ensemble_files, sets, options.config);
  for (const char* key : {"member", "members", "member-count", "groups", "resume"})
    if (!ensemble && vm.count(key))
      throw ConfigError(cat("--", key, ": needs an ensemble (an [ensemble] section in a config, or --ensemble FILE)"));
  if (vm.count("members") && vm.count("member"))
    throw ConfigError("--members: not with --member (give one member as --members K-K, or run --member K alone)");
  if (ensemble && vm.count("member-count")) {
    if (world.is_root()) std::cout << ensemble->member_count() << '\n';
    return 0;
  }
  if (vm.count("resume") && vm.count("member"))
    throw ConfigError("--resume: a --member run has no other members to skip; run it again without --resume");
  std::vector<std::string> also_read;
  if (vm.count("restart")) {
    options.restart_path = vm["restart"].as<std::string>();
    if (!std::filesystem::is_regular_file(*options.restart_path))
      throw InputError(cat("--restart '", *options.restart_path, "': file not found"));
    also_read.push_back(*options.restart_path);
  }
  if (vm.count("branch-from")) {
    options.branch_path = vm["branch-from"].as<std::string>();
    if (!std::filesystem::is_regular_file(*options.branch_path))
      throw InputError(cat("--branch-from '", *options.branch_path, "': file not found"));
    also_read.push_back(*options.branch_path);
  }
  io::check_paths(options.config, also_read);
  options.progress = !vm.count("quiet");
  if (repeats < 0) throw ConfigError(cat("--repeat ", repeats, ": must be 0 or more"));
  if (repeats > 0 && (options.restart_path || options.branch_path))
    throw ConfigError("--repeat runs further members from run.start_year: not with --restart or --branch-from");
  if (const char* fault = std::getenv("POLDER_FAULT_AFTER_CHECKPOINT"))
    options.kill_after_checkpoint = std::atoi(fault);
  if (const char* stall = std::getenv("POLDER_STALL_AFTER_CHECKPOINT"))
    options.stall_after_checkpoint = std::atoi(stall);
  if (ensemble) {
    if (repeats > 0) throw ConfigError("--repeat: not with an ensemble (its members are the repeats)");
    EnsembleRequest request{configs, sets, *ensemble, std::nullopt, false, std::nullopt};
    if (vm.count("member")) request.member = vm["member"].as<std::int64_t>();
    request.resume = vm.count("resume") != 0;
    if (vm.count("members"))
      request.range = parse_member_range(vm["members"].as<std::string>(), ensemble->member_count());
    return run_ensemble(world, options, request);
  }
  const auto parameters = io::ParameterSet::load(options.config.parameter_files);
  // Read before the engine checks the set for parameters nobody asked for.
  const auto eu_parameters = io::read_eu_parameters(parameters);

  const auto t0 = std::chrono::steady_clock::now();
  engine::Simulation sim(world, options, parameters);
  check_ranks(world, sim, options.config);
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
        same = first[y].ledger == sim.years()[y].ledger && first[y].transitions == sim.years()[y].transitions &&
               first[y].wetland == sim.years()[y].wetland;
      if (!same) throw InternalError("a repeated member from the kept input gave different results");
    }
  }
  io::Provenance prov =
      run_provenance(world, sim, options.config, parameters, timings, options.restart_path.value_or(""), wall);
  if (!repeat_s.empty()) {
    prov.repeat_member_s = repeat_s.back();
    prov.repeat_member_loop_s = repeat_timings.years_s;
    prov.repeat_member_initialise_s = repeat_timings.initialise_s;
  }
  std::string write_error;
  if (world.is_root()) {
    const auto& cfg = options.config;
    try {
      io::write_inventory(cfg.output_path, sim.years(), prov, eu_parameters, scenario_summary(sim));
    } catch (const OutputError& e) {
      write_error = e.what();
    }
    if (write_error.empty() && log::level() >= log::Level::info) {
      print_run_summary(std::cout, sim.years(), prov);
      std::cout << "inventory written to " << cfg.output_path << '\n';
    }
  }
  // Rank 0 writes alone: every rank learns whether it worked, so a full disk ends the run with one
  // message and exit 2 on all ranks instead of an abort.
  world.broadcast(write_error);
  if (!write_error.empty()) throw OutputError(write_error);
  return 0;
}

}  // namespace polder::app
