#include "solver/engine/ensemble_runner.hpp"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <limits>
#include <numeric>

#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/engine/member_record.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/reporting/eu_accounting.hpp"
#include "solver/reporting/inventory_builder.hpp"

namespace polder::engine {
namespace {

constexpr std::size_t k_categories = model::k_crt_categories;

/// Appends the member's net emissions per year and category and its totals, as the inventory tables
/// of a plain run compute them.
void append_results(EnsembleTables& t, const std::vector<model::YearTotals>& years, const reporting::EuParameters& eu) {
  const auto data = reporting::build_inventory_data(years, eu);
  const auto net = data.f64("/inventory/net_kt_co2e");
  const auto total = data.f64("/inventory/total_kt_co2e");
  POLDER_VERIFY(net.size() == t.years * k_categories && total.size() == t.years, "a member reports ", total.size(),
                " years, expected ", t.years);
  t.net_kt_co2e.insert(t.net_kt_co2e.end(), net.begin(), net.end());
  t.total_kt_co2e.insert(t.total_kt_co2e.end(), total.begin(), total.end());
  for (const char* test : reporting::k_compliance_tests) {
    const std::string path = std::string("/eu_accounting/") + test;
    const auto v = data.has(path) ? data.f64(path) : std::span<const double>{};
    t.eu_compliance.push_back(v.empty() ? std::numeric_limits<double>::quiet_NaN() : v[0]);
  }
}

constexpr std::size_t k_tests = reporting::k_compliance_tests.size();

std::size_t row_doubles(const EnsembleTables& t) { return 1 + t.parameters + t.years * (k_categories + 1) + k_tests; }

}  // namespace

EnsembleTables run_members(Simulation& sim, const EnsembleSpec& spec, std::span<const std::int64_t> members,
                           const std::function<void(std::int64_t, const Simulation&)>& after) {
  const io::EnsembleConfig& config = *spec.config;
  EnsembleTables out;
  out.parameters = spec.plan != nullptr ? spec.plan->parameters().size() : 0;
  for (const std::int64_t k : members) {
    const io::EnsembleMember m = config.member(k);
    const EnsembleEntry& entry = (*spec.entries)[m.scenario];
    std::vector<double> values;
    if (spec.plan != nullptr) values = spec.plan->values(m.draw);
    log::info(cat("polder: ensemble member ", k, " of ", config.member_count(), ": scenario ", entry.name, ", draw ",
                  m.draw));
    const MemberSetup setup = member_setup(entry, spec.plan, values, m.draw);
    sim.run_member(setup);
    after(k, sim);
    if (sim.comm().is_root()) {
      out.years = sim.years().size();
      out.members.push_back(k);
      if (spec.plan != nullptr) {
        const auto used = member_parameter_values(entry, *spec.plan, values, m.draw);
        out.parameter_values.insert(out.parameter_values.end(), used.begin(), used.end());
      }
      append_results(out, sim.years(), spec.eu);
      // A record only saves work on a resume: one that cannot be written is a warning, not the end of
      // the ensemble.
      if (!spec.record_checkpoint_dir.empty()) {
        try {
          write_member_record(member_record_path(spec.record_checkpoint_dir, k),
                              member_identity(sim.identity(), setup, k, config), out, out.members.size() - 1);
        } catch (const std::runtime_error& e) {
          log::warn(cat("polder: member ", k, " finished but its record for --resume was not kept: ", e.what()));
        }
      }
    }
    if (spec.kill_after_member && *spec.kill_after_member == k) {
      sim.comm().barrier();
      std::raise(SIGKILL);
    }
  }
  return out;
}

EnsembleTables gather_tables(const parallel::Comm& world, const EnsembleTables& mine, bool contributes) {
  // Every row as doubles: member index (exact below 2^53), parameters, net, totals.
  std::vector<double> rows;
  if (contributes) {
    const std::size_t np = mine.parameters, ny = mine.years;
    for (std::size_t r = 0; r < mine.members.size(); ++r) {
      rows.push_back(static_cast<double>(mine.members[r]));
      rows.insert(rows.end(), mine.parameter_values.begin() + static_cast<std::ptrdiff_t>(r * np),
                  mine.parameter_values.begin() + static_cast<std::ptrdiff_t>((r + 1) * np));
      rows.insert(rows.end(), mine.net_kt_co2e.begin() + static_cast<std::ptrdiff_t>(r * ny * k_categories),
                  mine.net_kt_co2e.begin() + static_cast<std::ptrdiff_t>((r + 1) * ny * k_categories));
      rows.insert(rows.end(), mine.total_kt_co2e.begin() + static_cast<std::ptrdiff_t>(r * ny),
                  mine.total_kt_co2e.begin() + static_cast<std::ptrdiff_t>((r + 1) * ny));
      rows.insert(rows.end(), mine.eu_compliance.begin() + static_cast<std::ptrdiff_t>(r * k_tests),
                  mine.eu_compliance.begin() + static_cast<std::ptrdiff_t>((r + 1) * k_tests));
    }
  }
  // The shape is known to the contributing ranks only; the largest is everyone's (all equal).
  EnsembleTables out;
  out.years = static_cast<std::size_t>(world.allreduce_max(static_cast<std::int64_t>(contributes ? mine.years : 0)));
  out.parameters =
      static_cast<std::size_t>(world.allreduce_max(static_cast<std::int64_t>(contributes ? mine.parameters : 0)));
  const std::vector<std::byte> all = world.gatherv_to_root(std::as_bytes(std::span<const double>(rows)));
  std::vector<double> flat(all.size() / sizeof(double));
  std::memcpy(flat.data(), all.data(), flat.size() * sizeof(double));
  const std::size_t width = row_doubles(out);
  POLDER_VERIFY(flat.size() % width == 0, "ensemble rows of ", flat.size(), " values, not a multiple of ", width);
  const std::size_t n = flat.size() / width;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return flat[a * width] < flat[b * width]; });
  for (const std::size_t r : order) {
    const double* row = flat.data() + r * width;
    out.members.push_back(static_cast<std::int64_t>(row[0]));
    out.parameter_values.insert(out.parameter_values.end(), row + 1, row + 1 + out.parameters);
    const double* net = row + 1 + out.parameters;
    out.net_kt_co2e.insert(out.net_kt_co2e.end(), net, net + out.years * k_categories);
    const double* total = net + out.years * k_categories;
    out.total_kt_co2e.insert(out.total_kt_co2e.end(), total, total + out.years);
    const double* eu = total + out.years;
    out.eu_compliance.insert(out.eu_compliance.end(), eu, eu + k_tests);
  }
  for (std::size_t r = 1; r < out.members.size(); ++r)
    POLDER_VERIFY(out.members[r] > out.members[r - 1], "ensemble member ", out.members[r], " was run twice");
  return out;
}

}  // namespace polder::engine
