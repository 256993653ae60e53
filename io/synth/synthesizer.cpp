#include "io/synth/synthesizer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <span>

#include "io/synth/calibration.hpp"
#include "io/synth/forest_model.hpp"
#include "io/synth/land_use_model.hpp"
#include "io/synth/soil_model.hpp"
#include "polder/version.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::io::synth {
namespace {

constexpr std::int32_t k_block = 256;  // generation and write unit: one stack chunk

/// Rounds to a multiple of `step`: the stored precision (1 cm, 0.001, 0.1 m3/ha) is far finer than the
/// synthetic fields mean, and zeroed low mantissa bits make the compressed stack smaller and faster
/// to write.
float quantise(float value, float step) { return std::round(value / step) * step; }

Thresholds calibrate_collectively(const DriverModel& model, const parallel::Comm& comm,
                                  std::vector<std::string>& report) {
  const std::vector<CellDrivers> samples = collect_samples(model, comm);
  return calibrate(samples, comm, &report);
}

}  // namespace

Synthesizer::Synthesizer(const parallel::Comm& comm, std::uint64_t seed)
    : m_model(seed, Territory::national(), Geography::national()),
      m_thresholds(calibrate_collectively(m_model, comm, m_report)),
      m_seagrass(std::make_unique<SeagrassMeadow>(m_model, m_thresholds)) {}

void Synthesizer::generate(const grid::GridWindow& window, int region_province, SynthBlock& out) const {
  out.resize(window);
  const std::int32_t block_rows = (window.n_rows + k_block - 1) / k_block;
  const std::int32_t block_cols = (window.n_cols + k_block - 1) / k_block;
  const auto n_blocks = static_cast<std::size_t>(block_rows) * static_cast<std::size_t>(block_cols);
  const Thresholds& t = m_thresholds;
  parallel::for_each_tile(n_blocks, [&](std::size_t b) {
    const std::int32_t br = static_cast<std::int32_t>(b) / block_cols, bc = static_cast<std::int32_t>(b) % block_cols;
    const std::int32_t r_begin = window.row0 + br * k_block, r_end = std::min(window.row1(), r_begin + k_block);
    const std::int32_t c_begin = window.col0 + bc * k_block, c_end = std::min(window.col1(), c_begin + k_block);
    const auto width = static_cast<std::size_t>(c_end - c_begin);
    std::vector<std::uint8_t> province(width), water(width);
    std::vector<CellDrivers> drivers(width);
    for (std::int32_t r = r_begin; r < r_end; ++r) {
      m_model.territory().classify_row(r, c_begin, c_end - c_begin, province.data(), water.data());
      m_model.evaluate_row(r, c_begin, c_end - c_begin, province.data(), water.data(), drivers.data());
      for (std::int32_t c = c_begin; c < c_end; ++c) {
        const auto k = static_cast<std::size_t>(c - c_begin);
        const auto i = static_cast<std::size_t>(r - window.row0) * static_cast<std::size_t>(window.n_cols) +
                       static_cast<std::size_t>(c - window.col0);
        const bool inside = province[k] != 0 && (region_province == 0 || province[k] == region_province);
        if (!inside) {
          out.peat_thickness[i] = out.glg[i] = out.ghg[i] = out.ditch_fraction[i] = out.standing_volume[i] =
              out.marsh_elevation[i] = k_float_fill;
          continue;
        }
        const CellDrivers& d = drivers[k];
        const std::int16_t seagrass = m_seagrass->since(r, c);
        std::array<std::uint8_t, k_map_years> lu{};
        for (int y = 0; y < k_map_years; ++y) {
          lu[static_cast<std::size_t>(y)] = classify(d, t, y, seagrass);
          out.land_use[static_cast<std::size_t>(y)][i] = lu[static_cast<std::size_t>(y)];
        }
        out.territory[i] = 1;
        out.province[i] = province[k];
        const SoilAttributes soil = soil_attributes(d, t, m_model.seed(), r, c, lu);
        out.soil[i] = soil.soil;
        out.peat_thickness[i] = quantise(soil.peat_cm, 1.0F);
        out.glg[i] = quantise(soil.glg_cm, 1.0F);
        out.ghg[i] = quantise(soil.ghg_cm, 1.0F);
        out.ditch_fraction[i] = quantise(soil.ditch_fraction, 0.001F);
        const ForestStand stand = forest_stand(d, t, lu);
        out.forest_species[i] = stand.species;
        out.forest_age[i] = stand.age;
        out.yield_class[i] = stand.yield_class;
        out.standing_volume[i] =
            quantise(static_cast<float>(static_cast<double>(stand.raw_volume) * t.volume_scale), 0.1F);
        out.marsh_elevation[i] = quantise(marsh_elevation_cm(d, t, lu[k_map_years - 1]), 1.0F);
        out.seagrass_since[i] = seagrass;
      }
    }
  });
}

void Synthesizer::write_stack(const parallel::Comm& comm, const std::string& path, const Region& region,
                              const grid::GridWindow& window) const {
  StackAttributes attrs;
  attrs.region = region.key;
  attrs.title = "Polder synthetic input stack (statistically faithful synthetic Netherlands)";
  attrs.source =
      cat("polder synth ", k_version, " (", k_git_revision, "); method and sources: docs/synthetic-netherlands.md");
  attrs.history = cat("created by polder synth --region ", region.key, " --seed ", seed());
  attrs.seed = seed();
  attrs.forest_reference_year = k_forest_reference_year;
  std::vector<std::int32_t> years(k_synth_map_years.begin(), k_synth_map_years.end());
  POLDER_VERIFY(years == default_map_years(), "synth map years differ from the stack schema's");
  StackWriter writer(comm, path, window, years, attrs);

  // Strips of 256 rows (one chunk high) dealt round-robin; every rank takes part in every write.
  const std::int32_t n_strips = (window.n_rows + k_block - 1) / k_block;
  const std::int32_t rounds = (n_strips + comm.size() - 1) / comm.size();
  SynthBlock block;
  using Clock = std::chrono::steady_clock;
  double generate_s = 0, write_s = 0;
  for (std::int32_t round = 0; round < rounds; ++round) {
    const auto t0 = Clock::now();
    const std::int32_t strip = round * comm.size() + comm.rank();
    grid::GridWindow w{window.row0, window.col0, 0, 0};
    if (strip < n_strips) {
      const std::int32_t r0 = window.row0 + strip * k_block;
      w = {r0, window.col0, std::min(k_block, window.row1() - r0), window.n_cols};
      generate(w, region.province, block);
    } else {
      block.resize(w);
    }
    const auto t1 = Clock::now();
    generate_s += std::chrono::duration<double>(t1 - t0).count();
    log::progress(cat("polder synth: writing rows ", std::min(window.n_rows, (round + 1) * comm.size() * k_block),
                      " of ", window.n_rows));
    const auto put = [&](const std::string& name, const auto& values) {
      using T = typename std::decay_t<decltype(values)>::value_type;
      writer.write<T>(name, w, std::span<const T>(values));
    };
    put("territory", block.territory);
    put("province", block.province);
    for (int y = 0; y < k_map_years; ++y)
      writer.write_map_year<std::uint8_t>("land_use", static_cast<std::size_t>(y), w,
                                          std::span<const std::uint8_t>(block.land_use[static_cast<std::size_t>(y)]));
    put("soil", block.soil);
    put("peat_thickness", block.peat_thickness);
    put("glg", block.glg);
    put("ghg", block.ghg);
    put("ditch_fraction", block.ditch_fraction);
    put("forest_species", block.forest_species);
    put("forest_age", block.forest_age);
    put("yield_class", block.yield_class);
    put("standing_volume", block.standing_volume);
    put("marsh_elevation", block.marsh_elevation);
    put("seagrass_since", block.seagrass_since);
    write_s += std::chrono::duration<double>(Clock::now() - t1).count();
  }
  const auto t2 = Clock::now();
  writer.close();
  write_s += std::chrono::duration<double>(Clock::now() - t2).count();
  log::info(cat("polder synth: rank 0 generated for ", generate_s, " s and wrote (compression included) for ", write_s,
                " s"));
}

}  // namespace polder::io::synth
