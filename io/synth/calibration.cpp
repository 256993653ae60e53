#include "io/synth/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <span>

#include "io/synth/forest_model.hpp"
#include "io/synth/land_targets.hpp"
#include "io/synth/land_use_model.hpp"
#include "io/synth/territory.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/grid/tile_layout.hpp"
#include "solver/model/land_use.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::io::synth {
namespace {

using model::LandUse;
constexpr auto k_residual = static_cast<std::uint8_t>(LandUse::grassland_agri);
/// One sample stands for 4 x 4 cells of 0.0625 ha = 1 ha, so targets in kha are 1000 samples each.
constexpr double k_samples_per_kha = 1000.0;
constexpr std::size_t k_chunks = 8;  // fixed work split for the histogram passes (threads)

using Histogram = std::vector<std::int64_t>;

/// Intertidal share of each tidal basin (assumption A9): Waddenzee about half of the NL part falls dry,
/// the Dollard mostly, Ooster- and Westerschelde about a third.
double flat_share(std::string_view name) {
  if (name == "Waddenzee") return 0.50;
  if (name == "Eems-Dollard") return 0.55;
  if (name == "Westerschelde") return 0.30;
  return 0.33;  // Oosterschelde
}

class Calibrator {
 public:
  Calibrator(const std::vector<CellDrivers>& samples, const parallel::Comm& comm, std::vector<std::string>* report)
      : m_samples(samples), m_comm(comm), m_report(report), m_partial(k_chunks, Histogram(k_none, 0)) {}

  /// Summed histogram of key(d) over samples with eligible(d).
  template <typename Key, typename Eligible>
  Histogram histogram(Key&& key, Eligible&& eligible) const {
    // The per-chunk histograms are kept between steps (allocating them afresh each time costs page
    // faults on 8 MB per step).
    const std::size_t n = m_samples.size();
    parallel::for_each_tile(k_chunks, [&](std::size_t chunk) {
      auto& h = m_partial[chunk];
      std::fill(h.begin(), h.end(), 0);
      const std::size_t begin = n * chunk / k_chunks, end = n * (chunk + 1) / k_chunks;
      for (std::size_t i = begin; i < end; ++i) {
        const auto& d = m_samples[i];
        if (eligible(d)) ++h[key(d)];
      }
    });
    Histogram total(k_none, 0);
    for (const auto& h : m_partial)
      for (std::size_t b = 0; b < total.size(); ++b) total[b] += h[b];
    m_comm.allreduce_sum(std::span<std::int64_t>(total));
    return total;
  }

  /// Threshold whose count of keys >= it is closest to `target` samples (k_none if target <= 0).
  static std::uint32_t threshold_for(const Histogram& h, double target) {
    if (target <= 0.5) return k_none;
    std::int64_t cum = 0;
    for (std::int64_t b = static_cast<std::int64_t>(h.size()) - 1; b >= 0; --b) {
      const std::int64_t prev = cum;
      cum += h[static_cast<std::size_t>(b)];
      if (static_cast<double>(cum) >= target)
        return target - static_cast<double>(prev) < static_cast<double>(cum) - target
                   ? static_cast<std::uint32_t>(b + 1)
                   : static_cast<std::uint32_t>(b);
    }
    return 0;
  }
  static std::int64_t count_at_least(const Histogram& h, std::uint32_t threshold) {
    std::int64_t n = 0;
    for (std::size_t b = threshold; b < h.size(); ++b) n += h[b];
    return n;
  }

  /// Histogram + threshold in one step; logs target vs. what the sample gives.
  template <typename Key, typename Eligible>
  std::uint32_t step(const std::string& what, double target_samples, Key&& key, Eligible&& eligible) {
    const Histogram h = histogram(key, eligible);
    const std::uint32_t t = threshold_for(h, target_samples);
    note(what, target_samples, static_cast<double>(count_at_least(h, t)));
    return t;
  }

  void note(const std::string& what, double target_samples, double got_samples) const {
    if (m_report != nullptr)
      m_report->push_back(cat(what, ": target ", target_samples / k_samples_per_kha, " kha, sample ",
                              got_samples / k_samples_per_kha, " kha"));
  }

  std::int64_t count(const std::function<bool(const CellDrivers&)>& pred) const {
    const Histogram h = histogram([](const CellDrivers&) { return std::size_t{0}; }, pred);
    return h[0];
  }

 private:
  const std::vector<CellDrivers>& m_samples;
  const parallel::Comm& m_comm;
  std::vector<std::string>* m_report;
  mutable std::vector<Histogram> m_partial;
};

}  // namespace

Cell sample_cell(std::uint64_t seed, std::int32_t block_row, std::int32_t block_col) {
  // A stratified random sample: one cell per 4 x 4 block at a hashed position, so line features on the
  // parcel grid (roads, hedgerows) are neither over- nor under-sampled.
  const std::uint64_t h = hash64(seed, k_sample_stream, block_row, block_col);
  return {block_row * k_sample_step + static_cast<std::int32_t>(h & 3U),
          block_col * k_sample_step + static_cast<std::int32_t>((h >> 2) & 3U)};
}

std::vector<CellDrivers> collect_samples(const DriverModel& model, const parallel::Comm& comm) {
  const grid::TileLayout layout(grid::TileLayout::k_max_tile_size);
  std::vector<std::int32_t> mine;
  for (std::int32_t t = 0; t < layout.n_tiles(); ++t)
    if (t % comm.size() == comm.rank()) mine.push_back(t);
  std::vector<std::vector<CellDrivers>> per_tile(mine.size());
  parallel::for_each_tile(mine.size(), [&](std::size_t i) {
    const auto w = layout.geometry(mine[i]).window;
    std::vector<std::uint8_t> province(static_cast<std::size_t>(w.n_cols)), water(static_cast<std::size_t>(w.n_cols));
    std::vector<std::uint8_t> p_sample, w_sample;
    std::vector<std::int32_t> offsets;
    std::vector<CellDrivers> drivers;
    for (std::int32_t r = w.row0; r < w.row1(); ++r) {
      // The blocks whose sample cell lies on this row, in column order.
      offsets.clear();
      for (std::int32_t c = w.col0; c < w.col1(); c += k_sample_step) {
        const Cell s = sample_cell(model.seed(), r / k_sample_step, c / k_sample_step);
        if (s.row == r && s.col < w.col1()) offsets.push_back(s.col - w.col0);
      }
      if (offsets.empty()) continue;
      model.territory().classify_row(r, w.col0, w.n_cols, province.data(), water.data());
      p_sample.clear();
      w_sample.clear();
      for (const auto o : offsets) {
        p_sample.push_back(province[static_cast<std::size_t>(o)]);
        w_sample.push_back(water[static_cast<std::size_t>(o)]);
      }
      drivers.resize(offsets.size());
      model.evaluate_row(r, w.col0, static_cast<std::int32_t>(offsets.size()), p_sample.data(), w_sample.data(),
                         drivers.data(), offsets.data());
      for (std::size_t j = 0; j < offsets.size(); ++j)
        if (p_sample[j] != 0) per_tile[i].push_back(drivers[j]);
    }
  });
  std::vector<CellDrivers> out;
  std::size_t total = 0;
  for (const auto& v : per_tile) total += v.size();
  out.reserve(total);
  for (auto& v : per_tile) out.insert(out.end(), v.begin(), v.end());
  return out;
}

Thresholds calibrate(const std::vector<CellDrivers>& samples, const parallel::Comm& comm,
                     std::vector<std::string>* report) {
  Calibrator cal(samples, comm, report);
  Thresholds t;
  const auto& bodies = Territory::national().water_bodies();
  t.tidal_flat.assign(bodies.size(), k_none);

  // 1. Salt marsh (fixed over the years) and intertidal flats per tidal basin.
  const LandTargets first = land_targets(k_synth_map_years[0]);
  t.marsh = cal.step(
      "salt marsh", first.salt_marsh_kha * k_samples_per_kha, [](const CellDrivers& d) { return d.marsh; },
      [](const CellDrivers& d) { return d.marsh > 0; });
  for (std::size_t b = 0; b < bodies.size(); ++b) {
    if (bodies[b].kind != WaterKind::tidal) continue;
    const auto body = static_cast<std::uint8_t>(b + 1);
    const auto in_basin = [&](const CellDrivers& d) { return d.water_body == body && d.marsh < t.marsh; };
    const double total = static_cast<double>(cal.count(in_basin));
    t.tidal_flat[b] = cal.step(
        cat("intertidal flats ", bodies[b].name), flat_share(bodies[b].name) * total,
        [](const CellDrivers& d) { return d.tidal; }, in_basin);
  }

  // 2. Organic soils on land: peat 274 kha, peaty 162 kha (Kamerbrief Veenplan, kst-32813-562, 2020).
  const auto soil_land = [&](const CellDrivers& d) {
    return d.water_body == 0 && d.lake_from != 0 && d.marsh < t.marsh;
  };
  const auto organic = [](const CellDrivers& d) { return d.organic; };
  t.peat = cal.step("peat soils", 274.0 * k_samples_per_kha, organic, soil_land);
  t.peaty = cal.step("peat and peaty soils", (274.0 + 162.0) * k_samples_per_kha, organic, soil_land);

  // 3. Land use per map year, stage by stage in the order classify() applies them.
  for (int k = 0; k < k_map_years; ++k) {
    const auto ky = static_cast<std::size_t>(k);
    const LandTargets g = land_targets(k_synth_map_years[ky]);
    const std::string y = cat(" ", g.year);
    const auto kha = [](double v) { return v * k_samples_per_kha; };
    const auto residual = [&](const CellDrivers& d) { return classify(d, t, k, 0) == k_residual; };
    // Settlement and wetland come before forest in the cascade: rank them with the 1970 forest unset.
    Thresholds before_forest = t;
    before_forest.forest_1970 = k_none;
    const auto residual_before_forest = [&](const CellDrivers& d) {
      return classify(d, before_forest, k, 0) == k_residual;
    };
    const auto wetland = [&](const CellDrivers& d) {
      const auto c = classify(d, before_forest, k, 0);
      return c != 0 && model::category_of(static_cast<LandUse>(c)) == model::LandCategory::wetlands;
    };

    t.settle[ky] = before_forest.settle[ky] = cal.step(
        "settlements" + y, kha(g.crt[4]), [](const CellDrivers& d) { return d.settle; }, residual_before_forest);
    const double fixed_wet = static_cast<double>(cal.count(wetland));
    t.wet[ky] = cal.step(
        "wetlands" + y, kha(g.crt[3]) - fixed_wet,
        [k](const CellDrivers& d) { return d.wet[static_cast<std::size_t>(k)]; }, residual_before_forest);

    // Forest: the 1970 forest, then gross deforestation of it and afforestation elsewhere.
    if (k == 0) {
      t.forest_1970 = cal.step(
          "forest" + y, kha(g.crt[0]), [](const CellDrivers& d) { return d.forest; }, residual);
      t.defor[ky] = k_none;
      t.afforest[ky] = k_none;
    } else {
      t.defor[ky] = 0;  // every 1970-forest cell "cleared" while ranking the clearing order
      t.afforest[ky] = k_none;
      const auto base_remaining = [&](const CellDrivers& d) { return in_1970_forest(d, t) && residual(d); };
      const Histogram hd = cal.histogram([](const CellDrivers& d) { return d.defor; }, base_remaining);
      std::int64_t remaining = 0;
      for (const auto v : hd) remaining += v;
      const double keep = kha(land_targets(k_synth_map_years[0]).crt[0] - g.gross_deforestation_since_1970_kha);
      const double clear = static_cast<double>(remaining) - keep;
      t.defor[ky] = Calibrator::threshold_for(hd, clear);
      const double kept = static_cast<double>(remaining - Calibrator::count_at_least(hd, t.defor[ky]));
      cal.note("forest kept from 1970" + y, keep, kept);
      t.afforest[ky] = cal.step(
          "afforestation" + y, kha(g.crt[0]) - kept,
          [k](const CellDrivers& d) { return d.afforest[static_cast<std::size_t>(k)]; },
          [&](const CellDrivers& d) { return !in_1970_forest(d, t) && residual(d); });
    }
    t.other[ky] = cal.step(
        "other land" + y, kha(g.crt[5]), [](const CellDrivers& d) { return d.other; }, residual);

    // Open nature: cleared 1970 forest goes to it first; the rest by the nature key.
    // Stands cleared for farmland (A36) skip open nature and orchards and are ranked first for arable.
    const auto to_farm = [&](const CellDrivers& d) {
      return in_1970_forest(d, t) && d.defor >= t.defor[ky] && d.defor_to_farm;
    };
    const auto cleared = [&](const CellDrivers& d) {
      return in_1970_forest(d, t) && d.defor >= t.defor[ky] && !d.defor_to_farm;
    };
    const double cleared_n =
        static_cast<double>(cal.count([&](const CellDrivers& d) { return residual(d) && cleared(d); }));
    t.nature[ky] = cal.step(
        "heath and nature grassland" + y, kha(g.open_nature_kha) - cleared_n,
        [](const CellDrivers& d) { return d.nature; },
        [&](const CellDrivers& d) { return residual(d) && !cleared(d) && !to_farm(d); });
    t.heath[ky] = cal.step(
        "heath" + y, kha(g.heath_kha), [](const CellDrivers& d) { return d.heath; },
        [&](const CellDrivers& d) {
          return classify(d, t, k, 0) == static_cast<std::uint8_t>(LandUse::grassland_nature);
        });
    t.orchard[ky] = cal.step(
        "orchards" + y, kha(g.orchard_kha), [](const CellDrivers& d) { return d.orchard; },
        [&](const CellDrivers& d) { return residual(d) && !to_farm(d); });
    t.arable[ky] = cal.step(
        "arable" + y, kha(g.crt[1] - g.orchard_kha), [&t, k](const CellDrivers& d) { return arable_key(d, t, k); },
        residual);
    t.tof[ky] = cal.step(
        "trees outside forest" + y, kha(g.trees_outside_forest_kha), [](const CellDrivers& d) { return d.tof; },
        residual);
    const auto built = [&](const CellDrivers& d) {
      return classify(d, t, k, 0) == static_cast<std::uint8_t>(LandUse::built_up);
    };
    const double built_n = static_cast<double>(cal.count(built));
    t.green[ky] = cal.step(
        "urban green" + y, g.urban_green_share * built_n, [](const CellDrivers& d) { return d.green; }, built);
  }

  // 4. Standing volume: scale so the 2021 forest averages 225 m3/ha (exact integer sums over ranks).
  std::vector<std::int64_t> sums(2, 0);
  {
    std::vector<std::array<std::int64_t, 2>> partial(k_chunks, {0, 0});
    const std::size_t n = samples.size();
    parallel::for_each_tile(k_chunks, [&](std::size_t chunk) {
      for (std::size_t i = n * chunk / k_chunks; i < n * (chunk + 1) / k_chunks; ++i) {
        const auto& d = samples[i];
        std::array<std::uint8_t, k_map_years> lu{};
        for (int k = 0; k < k_map_years; ++k) lu[static_cast<std::size_t>(k)] = classify(d, t, k, 0);
        if (lu[k_reference_map_index] != static_cast<std::uint8_t>(LandUse::forest)) continue;
        const ForestStand s = forest_stand(d, t, lu);
        partial[chunk][0] += std::llround(static_cast<double>(s.raw_volume) * 100.0);
        partial[chunk][1] += 1;
      }
    });
    for (const auto& p : partial) {
      sums[0] += p[0];
      sums[1] += p[1];
    }
    comm.allreduce_sum(std::span<std::int64_t>(sums));
  }
  POLDER_VERIFY(sums[0] > 0, "no forest in the 2021 sample: calibration failed");
  t.volume_scale = k_mean_standing_volume_m3_ha * static_cast<double>(sums[1]) * 100.0 / static_cast<double>(sums[0]);
  if (report != nullptr) report->push_back(cat("standing volume scale ", t.volume_scale));
  return t;
}

}  // namespace polder::io::synth
