#include "io/config/ensemble_config.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "io/config/ini_text.hpp"
#include "io/config/suggest.hpp"
#include "solver/core/error.hpp"
#include "solver/ensemble/sampling_plan.hpp"

namespace polder::io {
namespace po = boost::program_options;

namespace {

struct KeySpec {
  const char* key;
  const char* help;
};

constexpr std::string_view k_named_prefix = "ensemble.scenario.";

// One table of keys: the options description, the suggestions and the docs come from it.
const std::vector<KeySpec>& key_specs() {
  static const std::vector<KeySpec> specs = {
      {"ensemble.scenarios", "KNMI'23 scenarios, space separated, each an entry of its own: Ld Ln Md Mn Hd Hn"},
      {"ensemble.scenario.*", "a named entry: NAME = CLIMATE [measure files...]"},
      {"ensemble.draws", "Monte Carlo draws per scenario entry, 1-100000 (leave out: no sampling)"},
      {"ensemble.sampling", "lhs (Latin hypercube) or random"},
      {"ensemble.seed", "seed of the parameter and activity-data draws (default: run.seed)"},
      {"ensemble.groups", "MPI groups the world communicator is split into (1 .. ranks)"},
      {"ensemble.tolerance", "convergence tolerance in % (default 1.5, FullCAM's rule)"},
      {"ensemble.convergence_window", "draws over which the statistics must stay within the tolerance (100)"},
      {"ensemble.activity_data", "parameter file with the activity.* keep fractions (map accuracy)"},
  };
  return specs;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream is(text);
  std::vector<std::string> out;
  for (std::string w; is >> w;) out.push_back(w);
  return out;
}

/// A whole number in [min, max], or a ConfigError naming the key, its value and origin.
std::int64_t parse_integer(const std::string& key, const std::string& text, const std::string& origin, std::int64_t min,
                           std::int64_t max) {
  std::istringstream is(text);
  std::int64_t v = 0;
  std::string rest;
  is >> v;
  if (is.fail() || (is >> rest)) throw ConfigError(cat(origin, ": ", key, " = '", text, "' is not an integer"));
  if (v < min || v > max) throw ConfigError(cat(origin, ": ", key, " = ", v, " must be ", min, " .. ", max));
  return v;
}

struct Value {
  std::string text;
  std::string origin;
};

/// The values of ensemble keys, later sources overwriting earlier ones, and the order in which the
/// named entries first appeared.
struct Collected {
  std::map<std::string, Value> values;
  std::vector<std::string> named_order;
  std::vector<std::string> files;
  void put(const std::string& key, const std::string& text, const std::string& origin) {
    if (key.rfind(k_named_prefix, 0) == 0 && values.count(key) == 0) named_order.push_back(key);
    values[key] = {trim(text), origin};
  }
};

std::vector<std::string> suggestion_keys() {
  std::vector<std::string> keys;
  for (const auto& s : key_specs())
    if (std::string_view(s.key).back() != '*') keys.emplace_back(s.key);
  return keys;
}

/// Ensemble keys of one INI file. In a run config (`ensemble_only` false) other sections belong to
/// the run and are skipped here; in an --ensemble file they are errors.
void collect_file(const std::string& file, bool ensemble_only, Collected& c) {
  std::istringstream in(read_ini_text(file, ensemble_only ? "ensemble file" : "config file"));
  po::options_description none;
  po::parsed_options parsed(&none);
  try {
    parsed = po::parse_config_file(in, none, true);
  } catch (const po::error& e) {
    throw ConfigError(cat(file, ": ", e.what()));
  }
  bool any = false;
  for (const auto& opt : parsed.options) {
    const std::string& key = opt.string_key;
    if (key.rfind("ensemble.", 0) != 0) {
      if (ensemble_only)
        throw ConfigError(cat(file, ": key '", key, "' is not an [ensemble] key (an ensemble file holds only ",
                              "[ensemble] and [ensemble.scenario] sections; run keys go in the run config)"));
      continue;
    }
    if (!is_ensemble_key(key))
      throw ConfigError(cat(file, ": unknown key '", key, "'", suggestion_suffix(key, suggestion_keys())));
    c.put(key, opt.value.empty() ? std::string{} : opt.value.front(), file);
    any = true;
  }
  if (any) c.files.push_back(file);
}

ScenarioEntry named_entry(const std::string& key, const Value& v) {
  const std::string name = key.substr(k_named_prefix.size());
  const auto w = words(v.text);
  if (w.empty())
    throw ConfigError(cat(v.origin, ": ", key, " is empty: write NAME = CLIMATE [measure files...], e.g. ", name,
                          " = Hd measures/peat.ini"));
  return {name, w[0], {w.begin() + 1, w.end()}};
}

void check_entry(const ScenarioEntry& e, const std::string& key, const std::string& origin) {
  const auto& knmi = knmi23_scenarios();
  if (std::find(knmi.begin(), knmi.end(), e.climate) == knmi.end())
    throw ConfigError(cat(origin, ": ", key, ": '", e.climate, "' is not a KNMI'23 scenario (Ld Ln Md Mn Hd Hn)",
                          suggestion_suffix(e.climate, knmi)));
  for (const auto& f : e.measure_files)
    if (!std::filesystem::is_regular_file(f))
      throw InputError(cat(origin, ": ", key, ": measure file '", f, "' not found"));
}

}  // namespace

const std::vector<std::string>& ensemble_config_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& s : key_specs()) k.emplace_back(s.key);
    return k;
  }();
  return keys;
}

bool is_ensemble_key(std::string_view key) {
  if (key.size() > k_named_prefix.size() && key.substr(0, k_named_prefix.size()) == k_named_prefix) return true;
  const auto& keys = ensemble_config_keys();
  return std::find(keys.begin(), keys.end(), key) != keys.end() && key.back() != '*';
}

EnsembleMember EnsembleConfig::member(std::int64_t k) const {
  if (k < 0 || k >= member_count())
    throw ConfigError(cat("--member ", k, " is outside the ensemble's members 0 .. ", member_count() - 1, " (",
                          scenarios.size(), " scenario entries x ", members_per_scenario(), " draws)"));
  return {k, static_cast<std::size_t>(k / members_per_scenario()), k % members_per_scenario()};
}

std::vector<EnsembleMember> EnsembleConfig::members() const {
  std::vector<EnsembleMember> out;
  out.reserve(static_cast<std::size_t>(member_count()));
  for (std::int64_t k = 0; k < member_count(); ++k) out.push_back(member(k));
  return out;
}

std::optional<EnsembleConfig> load_ensemble_config(const std::vector<std::string>& run_files,
                                                   const std::vector<std::string>& ensemble_files,
                                                   const std::vector<std::string>& overrides, const RunConfig& run) {
  Collected c;
  for (const auto& f : run_files) collect_file(f, false, c);
  for (const auto& f : ensemble_files) collect_file(f, true, c);
  for (const auto& ov : overrides) {
    const auto eq = ov.find('=');
    if (eq == std::string::npos) throw ConfigError(cat("--set '", ov, "': expected section.key=value"));
    const std::string key = trim(ov.substr(0, eq));
    if (key.rfind("ensemble.", 0) != 0) continue;  // the run's key
    if (!is_ensemble_key(key))
      throw ConfigError(cat("--set: unknown key '", key, "'", suggestion_suffix(key, suggestion_keys())));
    c.put(key, ov.substr(eq + 1), "--set");
  }
  if (c.values.empty()) {
    if (ensemble_files.empty()) return std::nullopt;
    throw ConfigError(cat("--ensemble: no [ensemble] keys in ", ensemble_files.front(),
                          ensemble_files.size() > 1 ? " and the other ensemble files" : ""));
  }

  EnsembleConfig e;
  e.source_files = c.files;
  e.seed = run.seed;
  const auto get = [&](const std::string& key) -> const Value* {
    const auto it = c.values.find(key);
    return it == c.values.end() ? nullptr : &it->second;
  };

  // Scenario entries: the plain list first, then the named entries in the order they first appeared.
  if (const auto* v = get("ensemble.scenarios")) {
    const auto names = words(v->text);
    if (names.empty()) throw ConfigError(cat(v->origin, ": ensemble.scenarios is empty"));
    for (const auto& n : names) {
      e.scenarios.push_back({n, n, {}});
      check_entry(e.scenarios.back(), "ensemble.scenarios", v->origin);
    }
  }
  for (const auto& key : c.named_order) {
    const Value& v = c.values.at(key);
    e.scenarios.push_back(named_entry(key, v));
    check_entry(e.scenarios.back(), key, v.origin);
  }
  for (std::size_t i = 0; i < e.scenarios.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (e.scenarios[i].name == e.scenarios[j].name)
        throw ConfigError(cat("ensemble: scenario entry '", e.scenarios[i].name,
                              "' is given twice (ensemble.scenarios and ensemble.scenario.", e.scenarios[i].name,
                              ", or twice in ensemble.scenarios)"));
  if (e.scenarios.empty()) e.scenarios.push_back({run.scenario, run.scenario, {}});

  if (const auto* v = get("ensemble.draws")) {
    if (trim(v->text) == "0")
      throw ConfigError(cat(v->origin, ": ensemble.draws = 0: give 1 .. ", ensemble::SamplingPlan::k_max_draws,
                            " draws, or leave the key out for scenarios without Monte Carlo sampling"));
    e.draws = parse_integer("ensemble.draws", v->text, v->origin, 1, ensemble::SamplingPlan::k_max_draws);
  }
  if (const auto* v = get("ensemble.sampling")) {
    const auto m = ensemble::parse_sampling(v->text);
    if (!m) {
      const std::vector<std::string> names(ensemble::k_sampling_names.begin(), ensemble::k_sampling_names.end());
      throw ConfigError(cat(v->origin, ": ensemble.sampling = '", v->text, "' is not lhs or random",
                            suggestion_suffix(v->text, names)));
    }
    e.sampling = *m;
  }
  if (const auto* v = get("ensemble.seed")) {
    if (v->text.empty() || v->text.find_first_not_of("0123456789") != std::string::npos)
      throw ConfigError(cat(v->origin, ": ensemble.seed = '", v->text, "' is not a non-negative integer"));
    std::istringstream is(v->text);
    is >> e.seed;
    if (is.fail()) throw ConfigError(cat(v->origin, ": ensemble.seed = '", v->text, "' does not fit 64 bits"));
  }
  if (const auto* v = get("ensemble.groups"))
    e.groups = static_cast<std::int32_t>(parse_integer("ensemble.groups", v->text, v->origin, 1, 1 << 20));
  if (const auto* v = get("ensemble.tolerance")) {
    std::istringstream is(v->text);
    double t = 0.0;
    std::string rest;
    is >> t;
    if (is.fail() || (is >> rest) || !(t > 0.0 && t < 100.0))
      throw ConfigError(
          cat(v->origin, ": ensemble.tolerance = '", v->text, "' must be a percentage above 0 and below 100"));
    e.tolerance_percent = t;
  }
  if (const auto* v = get("ensemble.convergence_window"))
    e.convergence_window =
        parse_integer("ensemble.convergence_window", v->text, v->origin, 1, ensemble::SamplingPlan::k_max_draws);
  if (const auto* v = get("ensemble.activity_data")) {
    e.activity_data = v->text;
    if (!std::filesystem::is_regular_file(e.activity_data))
      throw InputError(cat(v->origin, ": ensemble.activity_data = '", e.activity_data, "': file not found"));
  }

  std::ostringstream text;
  text << "[ensemble]\n";
  for (const auto& [key, val] : c.values)
    text << key.substr(9) << " = " << val.text << "   # from " << val.origin << "\n";
  e.effective_text = text.str();
  return e;
}

void check_groups(const EnsembleConfig& config, std::int64_t world_ranks) {
  if (config.groups > world_ranks)
    throw ConfigError(cat("ensemble.groups = ", config.groups, " is more than the ", world_ranks,
                          " MPI ranks: every group needs at least one rank"));
  if (config.groups > config.member_count())
    throw ConfigError(cat("ensemble.groups = ", config.groups, " is more than the ", config.member_count(),
                          " members: ", config.groups - config.member_count(), " group(s) would have nothing to do"));
}

void check_ensemble_size(const EnsembleConfig& config, std::int64_t active_cells, std::int32_t years) {
  const double cell_years =
      static_cast<double>(config.member_count()) * static_cast<double>(active_cells) * static_cast<double>(years);
  if (cell_years > k_max_ensemble_cell_years)
    throw ConfigError(cat("ensemble.draws = ", config.draws, ": ", config.member_count(), " members x ", active_cells,
                          " active cells x ", years, " years = ", cell_years, " cell-years, more than the ",
                          k_max_ensemble_cell_years,
                          " an ensemble may ask for (about 1,500 core-hours); fewer draws or a region, please"));
}

}  // namespace polder::io
