#pragma once
// Incremental SHA-256 (OpenSSL EVP): feed bytes in pieces, take the digest once.

#include <array>
#include <cstddef>
#include <span>
#include <string>

namespace polder::io {

class Sha256 {
 public:
  Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  ~Sha256();

  void update(std::span<const std::byte> bytes);
  template <typename T>
  void update_values(std::span<const T> values) {
    update(std::as_bytes(values));
  }
  /// The 32-byte digest; the hasher cannot be fed afterwards.
  std::array<std::byte, 32> finish();

  static std::string hex(std::span<const std::byte> digest);

 private:
  void* m_context;  // EVP_MD_CTX, kept opaque so OpenSSL headers stay in the .cpp
};

}  // namespace polder::io
