#include "solver/app/run_provenance.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <ctime>
#include <filesystem>

#include "polder/version.hpp"
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

/// What the inventory records of the run's measures and land-use projection.
reporting::ScenarioSummary scenario_summary(const engine::Simulation& sim) {
  reporting::ScenarioSummary out;
  const auto& plan = sim.measures();
  for (std::size_t k = 0; k < plan.specs().size(); ++k) {
    const auto& m = plan.specs()[k];
    const auto& o = plan.outcomes()[k];
    reporting::MeasureSummary r;
    r.id = m.id;
    r.name = m.name;
    r.action = std::string(io::action_name(m.action));
    r.source = m.source;
    r.file = m.file;
    r.start_year = m.start_year;
    r.target_year = m.target_year;
    r.qualifying_ha = o.qualifying_ha;
    r.requested_ha = o.requested_ha;
    r.planned_ha = o.planned_ha;
    r.planted_ha = o.planted_ha_end;
    r.established_ha = o.established_ha_end;
    r.taken_earlier_ha = o.taken_earlier_ha;
    r.shortfall = o.shortfall;
    if (m.target_area_ha) r.target_area_ha = *m.target_area_ha;
    if (m.target_kt_co2e) r.target_kt_co2e = *m.target_kt_co2e;
    r.target_effect_year = m.target_effect_year;
    r.target_source = m.target_source;
    out.measures.push_back(std::move(r));
  }
  const auto& p = sim.projection();
  out.projection.enabled = p.enabled();
  out.projection.from_year = p.from_year();
  out.projection.to_year = p.to_year();
  out.projection.first_year = p.first_year();
  for (int pr = 1; pr <= model::k_provinces; ++pr)
    for (int a = 0; a < model::k_land_use_classes; ++a)
      for (int b = 0; b < model::k_land_use_classes; ++b) {
        out.projection.rate_per_yr.push_back(p.rate(pr, a, b));
        out.projection.cells.push_back(p.count(pr, a, b));
      }
  return out;
}

io::Provenance run_provenance(const parallel::Comm& world, engine::Simulation& sim, const io::RunConfig& cfg,
                              const io::ParameterSet& parameters, const engine::RunTimings& timings,
                              const std::string& restarted_from, double wall_s) {
  const double state_bytes = world.allreduce_max(sim.state_bytes_per_cell());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const std::int64_t peak_rss = world.allreduce_sum(std::int64_t{usage.ru_maxrss} * 1024);
  io::Provenance prov;
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
  prov.wall_time_s = wall_s;
  prov.years_time_s = timings.years_s;
  prov.load_time_s = timings.load_s;
  prov.initialise_time_s = timings.initialise_s;
  prov.loop_parts_s = {timings.land_use_s, timings.fire_s, timings.processes_s, timings.reduce_s};
  prov.load_parts_s = {timings.load.read_s, timings.load.check_s, timings.load.distribute_s};
  prov.peak_rss_bytes = peak_rss;
  prov.state_bytes_per_cell = static_cast<std::int64_t>(std::llround(state_bytes));
  prov.restarted_from = restarted_from;
  if (const auto& b = sim.branch_origin()) {
    prov.branched_from = b->path;
    prov.branch_digest = b->digest;
    prov.branch_year = b->year;
    prov.parent_scenario = b->scenario;
    prov.parent_measure_files = b->measure_files;
  }
  prov.measure_files = io::measure_files(cfg.measures);
  if (!cfg.maps.empty()) prov.maps_output = std::filesystem::absolute(cfg.maps_path).string();
  prov.inputs.push_back({"input stack", cfg.input_path, sim.identity().input_digest});
  prov.inputs.push_back({"climate", cfg.climate_path, sim.identity().climate_digest});
  for (const auto& [name, p] : parameters.all()) prov.parameters.push_back(p);
  return prov;
}

}  // namespace polder::app
