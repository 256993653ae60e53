#include "solver/reporting/uncertainty_table.hpp"

#include "solver/core/error.hpp"
#include "solver/model/crt_category.hpp"

namespace polder::reporting {

ReportTable uncertainty_table(const InventoryData& data, const ReportFilter& filter) {
  if (!data.has("/uncertainty/net_kt_co2e_mean"))
    throw InputError(cat("'", data.source(),
                         "' has no /uncertainty: it is not an ensemble with Monte Carlo draws (run polder run "
                         "--ensemble with ensemble.draws = N)"));
  const auto years = data.years();
  const auto& scenarios = data.text("/ensemble/scenarios");
  const std::size_t ny = years.size(), nc = model::k_crt_categories;
  ReportTable t;
  t.key = "uncertainty";
  t.sheet = "Uncertainty";
  t.file = "uncertainty";
  t.title = "Net emissions: mean and 95 % interval over the Monte Carlo draws";
  t.units = "kt CO2-eq";
  std::string entries;
  for (const auto& s : scenarios) entries += (entries.empty() ? "" : ", ") + s;
  t.note = cat("over draws 1..", data.ints("/ensemble/draws")[0], " of each scenario entry (", entries,
               "); +-% = IPCC Approach 2 uncertainty, half the 95 % range in % of the mean");
  for (const auto& s : scenarios) {
    t.groups.push_back({s, 4});
    // The terminal prints no group row: each heading names its entry.
    for (const char* c : {" mean", " 2.5%", " 97.5%", " +-%"}) t.columns.push_back(s + c);
    for (const char* c : {"_mean_kt_co2e", "_p2_5_kt_co2e", "_p97_5_kt_co2e", "_uncertainty_percent"})
      t.csv_columns.push_back(s + c);
  }
  const auto stat = [&](const char* what, const char* stat_name) {
    return data.f64(cat("/uncertainty/", what, "_", stat_name));
  };
  const char* const stats[] = {"mean", "p2_5", "p97_5", "uncertainty_percent"};
  for (const std::size_t y : filter.select(years, true)) {
    ReportBlock b;
    b.year = years[y];
    const auto add_row = [&](std::string code, std::string label, int level, const char* what, std::size_t stride,
                             std::size_t offset) {
      ReportRow r{std::move(code), std::move(label), level, {}};
      for (std::size_t s = 0; s < scenarios.size(); ++s)
        for (const char* st : stats)
          r.cells.push_back(ReportCell::number(stat(what, st)[(s * ny + y) * stride + offset]));
      b.rows.push_back(std::move(r));
    };
    if (!filter.category) add_row("4", "Total LULUCF", 0, "total_kt_co2e", 1, 0);
    for (std::size_t c = 0; c < nc; ++c)
      if (!filter.category || static_cast<std::size_t>(*filter.category) == c)
        add_row(std::string(model::k_crt_codes[c]), std::string(model::k_crt_names[c]), 1, "net_kt_co2e", nc, c);
    t.blocks.push_back(std::move(b));
  }
  return t;
}

}  // namespace polder::reporting
