#include "io/synth/territory.hpp"

#include <algorithm>
#include <cstring>

#include "io/synth/coarse_grid.hpp"
#include "io/synth/distance_transform.hpp"
#include "solver/core/error.hpp"

namespace polder::io::synth {

const Territory& Territory::national() {
  static const Territory territory(embedded_province_outlines(), water_body_data());
  return territory;
}

Territory::Territory(const std::vector<ProvinceOutline>& provinces, const std::vector<WaterBodyData>& waters)
    : m_waters(waters) {
  POLDER_VERIFY(provinces.size() == 12, "expected 12 province outlines, got ", provinces.size());
  POLDER_VERIFY(waters.size() < 255, "too many water bodies for a byte index");
  for (const auto& p : provinces) m_provinces.emplace_back(p.shape);
  for (const auto& w : m_waters) m_water_rasters.emplace_back(Polygon{w.rings});

  // Seeds: coarse cells whose centre sample (national cell 4i+2, 4j+2) lies in a province.
  std::vector<std::uint8_t> label(CoarseGrid::size(), 0);
  std::vector<ColumnSpan> spans;
  for (std::int32_t i = 0; i < CoarseGrid::n_rows; ++i) {
    const std::int32_t row = i * CoarseGrid::k_factor + CoarseGrid::k_factor / 2;
    for (std::size_t p = 0; p < m_provinces.size(); ++p) {
      spans.clear();
      m_provinces[p].row_spans(row, spans);
      for (const auto& s : spans) {
        for (std::int32_t j = (s.col_begin + 1) / CoarseGrid::k_factor; j < CoarseGrid::n_cols; ++j) {
          const std::int32_t col = j * CoarseGrid::k_factor + CoarseGrid::k_factor / 2;
          if (col >= s.col_end) break;
          if (col >= s.col_begin) label[CoarseGrid::index(i, j)] = static_cast<std::uint8_t>(p + 1);
        }
      }
    }
  }
  const DistanceField field = distance_transform(CoarseGrid::n_rows, CoarseGrid::n_cols, label);
  m_nearest_province.resize(CoarseGrid::size());
  for (std::size_t k = 0; k < label.size(); ++k)
    m_nearest_province[k] = field.nearest[k] >= 0 ? label[static_cast<std::size_t>(field.nearest[k])] : 0;
}

std::uint8_t Territory::nearest_province(std::int32_t row, std::int32_t col) const {
  return m_nearest_province[CoarseGrid::index(row / CoarseGrid::k_factor, col / CoarseGrid::k_factor)];
}

void Territory::classify_row(std::int32_t row, std::int32_t col0, std::int32_t n, std::uint8_t* province,
                             std::uint8_t* water) const {
  std::memset(province, 0, static_cast<std::size_t>(n));
  std::memset(water, 0, static_cast<std::size_t>(n));
  thread_local std::vector<ColumnSpan> spans;
  for (std::size_t p = 0; p < m_provinces.size(); ++p) {
    spans.clear();
    m_provinces[p].row_spans(row, spans, col0, col0 + n);
    for (const auto& s : spans)
      std::memset(province + (s.col_begin - col0), static_cast<int>(p + 1),
                  static_cast<std::size_t>(s.col_end - s.col_begin));
  }
  for (std::size_t w = 0; w < m_water_rasters.size(); ++w) {
    spans.clear();
    m_water_rasters[w].row_spans(row, spans, col0, col0 + n);
    for (const auto& s : spans)
      for (std::int32_t c = s.col_begin; c < s.col_end; ++c) {
        const auto i = static_cast<std::size_t>(c - col0);
        if (province[i] == 0 && water[i] == 0) water[i] = static_cast<std::uint8_t>(w + 1);
      }
  }
  for (std::int32_t k = 0; k < n; ++k)
    if (water[k] != 0) province[k] = nearest_province(row, col0 + k);
}

}  // namespace polder::io::synth
