#include "io/config/parameter_set.hpp"

#include <boost/program_options.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "io/config/ini_text.hpp"
#include "io/config/suggest.hpp"
#include "solver/core/error.hpp"
#include "solver/ensemble/distribution.hpp"

namespace polder::io {
namespace po = boost::program_options;

namespace {
double to_number(const std::string& text, const std::string& where) {
  std::istringstream is(text);
  double v = 0.0;
  is >> v;
  std::string rest;
  if (is.fail() || (is >> rest) || !std::isfinite(v)) throw ConfigError(cat(where, ": '", text, "' is not a number"));
  return v;
}

/// The Monte Carlo fields of an entry: distribution, correlate, fixed. Checks that the range can carry
/// the distribution (the rules of solver/ensemble/distribution.hpp), naming file, section and key.
void read_sampling_fields(Parameter& p, std::map<std::string, std::string>& f, const std::string& where,
                          bool has_range) {
  p.distribution = f["distribution"];
  p.correlate = f["correlate"];
  if (const auto& fixed = f["fixed"]; !fixed.empty()) {
    if (fixed == "true" || fixed == "yes") {
      p.fixed = true;
    } else if (fixed != "false" && fixed != "no") {
      throw ConfigError(cat(where, " fixed = '", fixed, "' is not a boolean (true/false)"));
    }
  }
  if (p.fixed && (!p.distribution.empty() || !p.correlate.empty()))
    throw ConfigError(cat(where, " has fixed = true and ", p.distribution.empty() ? "correlate" : "distribution",
                          ": a fixed parameter is never sampled, remove one of them"));
  for (const char* key : {"distribution", "correlate"})
    if (!f[key].empty() && !has_range)
      throw ConfigError(cat(where, " has ", key, " = ", f[key], " but no range: there is nothing to sample"));
  if (!p.correlate.empty() &&
      p.correlate.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") !=
          std::string::npos)
    throw ConfigError(cat(where, " correlate = '", p.correlate, "': a group name has letters, digits, '_', '.', '-'"));
  if (p.distribution.empty()) return;
  const auto kind = ensemble::parse_distribution(p.distribution);
  if (!kind) {
    const std::vector<std::string> names(ensemble::k_distribution_names.begin(), ensemble::k_distribution_names.end());
    throw ConfigError(cat(where, " distribution = '", p.distribution, "' is not a distribution",
                          suggestion_suffix(p.distribution, names), "; distributions are uniform, triangular, normal, ",
                          "lognormal"));
  }
  if (const auto problem = ensemble::support_problem(*kind, p.low, p.value, p.high); !problem.empty())
    throw ConfigError(cat(where, " distribution = ", p.distribution, ": ", problem));
}
}  // namespace

ParameterSet ParameterSet::from(std::vector<Parameter> parameters) {
  ParameterSet s;
  for (auto& p : parameters) {
    if (p.low == 0.0 && p.high == 0.0) p.low = p.high = p.value;
    s.m_parameters[p.name] = std::move(p);
  }
  return s;
}

ParameterSet ParameterSet::load(const std::vector<std::string>& files) {
  ParameterSet set;
  const std::vector<std::string> fields = {"value", "unit",         "range",     "source",
                                           "note",  "distribution", "correlate", "fixed"};
  for (const auto& file : files) {
    std::istringstream in(read_ini_text(file, "parameter file"));
    po::options_description none;
    po::parsed_options parsed(&none);
    try {
      parsed = po::parse_config_file(in, none, true);
    } catch (const po::error& e) {
      throw ConfigError(cat(file, ": ", e.what()));
    }
    std::map<std::string, std::map<std::string, std::string>> sections;
    for (const auto& opt : parsed.options) {
      const auto dot = opt.string_key.rfind('.');
      if (dot == std::string::npos)
        throw ConfigError(cat(file, ": key '", opt.string_key, "' is outside a [parameter] section"));
      const std::string name = opt.string_key.substr(0, dot), field = opt.string_key.substr(dot + 1);
      if (std::find(fields.begin(), fields.end(), field) == fields.end())
        throw ConfigError(cat(file, ": [", name, "] has unknown field '", field, "'", suggestion_suffix(field, fields),
                              "; fields are value, unit, range, source, note, distribution, correlate, fixed"));
      sections[name][field] = opt.value.empty() ? std::string{} : trim(opt.value.front());
    }
    for (auto& [name, f] : sections) {
      const std::string where = cat(file, ": [", name, "]");
      for (const char* req : {"value", "unit", "source"})
        if (f[req].empty())
          throw ConfigError(cat(where, " has no '", req, "' (every parameter needs value, unit and source)"));
      Parameter p;
      p.name = name;
      p.value = to_number(f["value"], where + " value");
      p.unit = f["unit"];
      p.source = f["source"];
      p.note = f["note"];
      p.file = file;
      p.low = p.high = p.value;
      if (!f["range"].empty()) {
        std::istringstream is(f["range"]);
        std::string lo, hi, extra;
        is >> lo >> hi;
        if (hi.empty() || (is >> extra))
          throw ConfigError(cat(where, " range = '", f["range"], "': expected 'low high'"));
        p.low = to_number(lo, where + " range");
        p.high = to_number(hi, where + " range");
        if (!(p.low <= p.value && p.value <= p.high))
          throw ConfigError(cat(where, ": value ", p.value, " is outside its range ", p.low, " .. ", p.high));
      }
      read_sampling_fields(p, f, where, !f["range"].empty());
      set.m_parameters[name] = std::move(p);
    }
  }
  return set;
}

const Parameter& ParameterSet::parameter(const std::string& name) const {
  const auto it = m_parameters.find(name);
  if (it == m_parameters.end()) {
    std::vector<std::string> names;
    for (const auto& [n, p] : m_parameters) names.push_back(n);
    throw ConfigError(
        cat("missing parameter [", name, "] (no parameter file defines it)", suggestion_suffix(name, names)));
  }
  m_used.insert(name);
  return it->second;
}

double ParameterSet::get(const std::string& name, const std::string& unit) const {
  const auto& p = parameter(name);
  if (p.unit != unit) throw ConfigError(cat(p.file, ": [", name, "] has unit '", p.unit, "', expected '", unit, "'"));
  return p.value;
}

void ParameterSet::reject_unused() const {
  std::vector<std::string> used(m_used.begin(), m_used.end());
  for (const auto& [name, p] : m_parameters) {
    if (m_used.count(name) == 0)
      throw ConfigError(cat(p.file, ": unknown parameter [", name, "]", suggestion_suffix(name, used)));
  }
}

std::string ParameterSet::values_text() const {
  std::ostringstream os;
  os.precision(17);
  for (const auto& [name, p] : m_parameters) os << name << '=' << p.value << ' ' << p.unit << '\n';
  return os.str();
}

}  // namespace polder::io
