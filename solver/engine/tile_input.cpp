#include "solver/engine/tile_input.hpp"

#include <cstring>
#include <type_traits>

#include "solver/core/error.hpp"

namespace polder::engine {
namespace {

template <typename T>
void put(std::vector<std::byte>& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  const auto* p = reinterpret_cast<const std::byte*>(&value);
  out.insert(out.end(), p, p + sizeof(T));
}

template <typename T>
void put_vector(std::vector<std::byte>& out, const std::vector<T>& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  put(out, static_cast<std::uint64_t>(v.size()));
  const auto* p = reinterpret_cast<const std::byte*>(v.data());
  out.insert(out.end(), p, p + v.size() * sizeof(T));
}

template <typename T>
T get(std::span<const std::byte>& in) {
  POLDER_VERIFY(in.size() >= sizeof(T), "tile input message truncated");
  T value;
  std::memcpy(&value, in.data(), sizeof(T));
  in = in.subspan(sizeof(T));
  return value;
}

template <typename T>
void get_vector(std::span<const std::byte>& in, std::vector<T>& v) {
  const auto n = static_cast<std::size_t>(get<std::uint64_t>(in));
  POLDER_VERIFY(in.size() >= n * sizeof(T), "tile input message truncated");
  v.resize(n);
  if (n > 0) std::memcpy(v.data(), in.data(), n * sizeof(T));
  in = in.subspan(n * sizeof(T));
}

}  // namespace

void TileInput::serialise(std::vector<std::byte>& out) const {
  put(out, tile);
  put_vector(out, local_index);
  put_vector(out, province);
  put_vector(out, soil);
  put_vector(out, land_use_base);
  put_vector(out, events);
  put_vector(out, forest);
  put_vector(out, organic);
  put_vector(out, coastal);
  put(out, work);
}

TileInput TileInput::deserialise(std::span<const std::byte>& in) {
  TileInput t;
  t.tile = get<std::int32_t>(in);
  get_vector(in, t.local_index);
  get_vector(in, t.province);
  get_vector(in, t.soil);
  get_vector(in, t.land_use_base);
  get_vector(in, t.events);
  get_vector(in, t.forest);
  get_vector(in, t.organic);
  get_vector(in, t.coastal);
  t.work = get<TileWork>(in);
  return t;
}

std::size_t TileInput::bytes() const {
  return local_index.capacity() * 2 + province.capacity() + soil.capacity() + land_use_base.capacity() +
         events.capacity() * sizeof(TileEvent) + forest.capacity() * sizeof(ForestAttributes) +
         organic.capacity() * sizeof(OrganicAttributes) + coastal.capacity() * sizeof(CoastalAttributes);
}

}  // namespace polder::engine
