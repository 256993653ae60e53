#include "io/ingest/layer_reader.hpp"

#include <algorithm>

namespace polder::io::ingest {
namespace {

class ConstantReader final : public LayerReader {
 public:
  explicit ConstantReader(double value) : m_value(value) {}
  void read(const grid::GridWindow&, std::span<double> out) override { std::fill(out.begin(), out.end(), m_value); }
  bool mapped() const override { return true; }

 private:
  double m_value;
};

}  // namespace

std::unique_ptr<LayerReader> open_layer(const LayerSpec& spec, const grid::GridWindow& window) {
  switch (spec.kind) {
    case SourceKind::raster:
      return open_raster_layer(spec);
    case SourceKind::vector:
      return open_vector_layer(spec, window);
    case SourceKind::constant:
      return std::make_unique<ConstantReader>(*spec.value);
  }
  return nullptr;
}

}  // namespace polder::io::ingest
