#include "io/ingest/ingest_plan.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "io/ingest/region_window.hpp"
#include "solver/core/error.hpp"

namespace polder::io::ingest {
namespace {

namespace fs = std::filesystem;

void check_output_path(const IngestRequest& r, const parallel::Comm& comm) {
  if (r.output_path.empty()) throw ConfigError("polder ingest: no output file (--output FILE.nc)");
  const fs::path out(r.output_path);
  const fs::path dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
  bool exists = false, dir_ok = false;
  if (comm.is_root()) {
    exists = fs::exists(out);
    dir_ok = fs::is_directory(dir);
  }
  exists = comm.any(exists);
  dir_ok = comm.any(dir_ok);
  if (!dir_ok) throw ConfigError(cat("polder ingest: the output folder '", dir.string(), "' does not exist"));
  if (exists && !r.force)
    throw ConfigError(cat("polder ingest: '", r.output_path, "' exists; pass --force to replace it"));
  if (!r.base_path.empty() && fs::weakly_canonical(r.base_path) == fs::weakly_canonical(out))
    throw ConfigError("polder ingest: the output cannot be the base stack itself");
}

std::vector<std::int32_t> choose_map_years(const IngestConfig& config, const StackInfo* base) {
  std::set<std::int32_t> layer_years;
  for (const auto& l : config.layers)
    if (l.variable->per_map_year) layer_years.insert(l.map_year);
  if (base == nullptr) {
    if (layer_years.empty())
      throw ConfigError(cat(config.path,
                            ": no land_use layer, so there are no map years (add [layer NAME] sections "
                            "with variable = land_use and map_year = YEAR, or use --base)"));
    return {layer_years.begin(), layer_years.end()};
  }
  for (const auto y : layer_years)
    if (std::find(base->map_years.begin(), base->map_years.end(), y) == base->map_years.end()) {
      std::string years;
      for (const auto b : base->map_years) years += (years.empty() ? "" : ", ") + std::to_string(b);
      throw ConfigError(cat(config.path, ": a land_use layer is for map year ", y,
                            ", which the base stack does not "
                            "have (its map years: ",
                            years, ")"));
    }
  return base->map_years;
}

std::vector<Slot> plan_slots(const IngestConfig& config, const std::vector<std::int32_t>& years, bool have_base) {
  std::vector<Slot> slots;
  std::vector<std::string> missing;
  for (const auto& spec : stack_variables()) {
    const std::size_t n = spec.per_map_year ? years.size() : 1;
    for (std::size_t y = 0; y < n; ++y) {
      const std::int32_t year = spec.per_map_year ? years[y] : 0;
      const LayerSpec* layer = config.layer_for(spec.name, year);
      if (layer == nullptr && !have_base) missing.push_back(spec.per_map_year ? cat(spec.name, " ", year) : spec.name);
      const std::size_t reader = layer ? static_cast<std::size_t>(layer - config.layers.data()) : 0;
      slots.push_back({&spec, y, year, layer, reader});
    }
  }
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    throw ConfigError(cat(config.path,
                          ": without --base every input-stack variable must come from a layer; missing: ", list,
                          ". Add [layer ...] sections (a constant layer is 'variable = X' and 'value = V'), "
                          "or start from an existing stack with --base"));
  }
  return slots;
}

StackAttributes make_attributes(const IngestRequest& r, const IngestConfig& config, const std::string& region,
                                const StackInfo* base) {
  StackAttributes a;
  a.region = region;
  a.title = config.title;
  std::string layers;
  for (const auto& l : config.layers)
    layers += cat(layers.empty() ? "" : "; ", l.variable->name, l.map_year ? cat(" ", l.map_year) : std::string(),
                  " <- ", l.label());
  a.source = cat("polder ingest of ", config.path, config.source_note.empty() ? "" : " (" + config.source_note + ")",
                 ": ", layers, r.base_path.empty() ? std::string() : cat("; other variables from ", r.base_path));
  a.history = cat("polder ingest ", r.config_path, r.base_path.empty() ? "" : " --base " + r.base_path);
  if (config.forest_reference_year) {
    a.forest_reference_year = *config.forest_reference_year;
  } else if (base != nullptr) {
    a.forest_reference_year = base->forest_reference_year;
  } else {
    throw ConfigError(cat(config.path,
                          ": set forest_reference_year in [ingest] (the year forest_age and "
                          "standing_volume refer to)"));
  }
  return a;
}

}  // namespace

const Slot& IngestPlan::slot_of(const std::string& variable) const {
  for (const auto& s : slots)
    if (s.spec->name == variable) return s;
  throw InternalError(cat("no ingest slot for ", variable));
}

IngestPlan make_plan(const IngestRequest& request, const parallel::Comm& comm) {
  IngestPlan plan{read_ingest_config(request.config_path), {}, {}, {}, {}, 0, {}, {}, {}};
  check_output_path(request, comm);
  if (!request.base_path.empty()) {
    plan.base.emplace(comm, request.base_path, NcFile::Mode::read);
    plan.base_info = check_stack_metadata(*plan.base);
  }
  const StackInfo* base = plan.base_meta();
  plan.map_years = choose_map_years(plan.config, base);
  plan.slots = plan_slots(plan.config, plan.map_years, base != nullptr);

  const std::string region = !request.region.empty() ? request.region : plan.config.region;
  if (request.window) {
    plan.window = *request.window;
    plan.region = region.empty() ? "window" : region;
  } else if (!region.empty()) {
    const auto r = region_window(region, plan.base_file(), base, comm);
    plan.window = r.window;
    plan.region = r.key;
    plan.region_province = r.province;
  } else if (base != nullptr) {
    plan.window = base->window;
    plan.region = base->region;
  } else {
    throw ConfigError(
        "polder ingest: choose the output window with --region NAME|national, --window "
        "row0,col0,nrows,ncols, or a base stack (--base)");
  }
  if (base != nullptr && base->window.intersect(plan.window) != plan.window)
    throw ConfigError(cat("polder ingest: the window (rows ", plan.window.row0, "–", plan.window.row1() - 1, ", cols ",
                          plan.window.col0, "–", plan.window.col1() - 1,
                          ") reaches outside the base stack's window (rows ", base->window.row0, "–",
                          base->window.row1() - 1, ", cols ", base->window.col0, "–", base->window.col1() - 1, ")"));
  plan.attributes = make_attributes(request, plan.config, plan.region, base);
  return plan;
}

}  // namespace polder::io::ingest
