#include "io/util/file_digest.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "solver/core/error.hpp"

namespace polder::io {
namespace {

constexpr std::uintmax_t k_piece = std::uintmax_t{64} << 20;

std::vector<unsigned char> sha256(const unsigned char* data, std::size_t n) {
  std::vector<unsigned char> out(EVP_MAX_MD_SIZE);
  unsigned int len = 0;
  EVP_Digest(data, n, out.data(), &len, EVP_sha256(), nullptr);
  out.resize(len);
  return out;
}

std::string to_hex(const std::vector<unsigned char>& bytes) {
  std::string hex;
  char buf[3];
  for (const unsigned char c : bytes) {
    std::snprintf(buf, sizeof buf, "%02x", c);
    hex += buf;
  }
  return hex;
}

}  // namespace

std::string sha256_hex(std::string_view text) {
  return to_hex(sha256(reinterpret_cast<const unsigned char*>(text.data()), text.size()));
}

std::string file_digest(const parallel::Comm& comm, const std::string& path) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError(cat("cannot read '", path, "' to checksum it: ", ec.message()));
  const std::uintmax_t pieces = size == 0 ? 1 : (size + k_piece - 1) / k_piece;

  // Each rank hashes pieces rank, rank + P, ...; digests are gathered as bytes by summation.
  std::vector<std::int64_t> digests(static_cast<std::size_t>(pieces) * 32, 0);
  std::ifstream in(path, std::ios::binary);
  std::vector<unsigned char> buffer;
  for (std::uintmax_t p = static_cast<std::uintmax_t>(comm.rank()); p < pieces;
       p += static_cast<std::uintmax_t>(comm.size())) {
    const std::uintmax_t begin = p * k_piece;
    const std::uintmax_t n = std::min(k_piece, size - std::min(size, begin));
    buffer.resize(static_cast<std::size_t>(n));
    in.seekg(static_cast<std::streamoff>(begin));
    in.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(n));
    if (!in && n > 0) throw InputError(cat("read error while checksumming '", path, "'"));
    const auto d = sha256(buffer.data(), buffer.size());
    for (std::size_t i = 0; i < 32; ++i) digests[static_cast<std::size_t>(p) * 32 + i] = d[i];
  }
  comm.allreduce_sum(digests);
  std::vector<unsigned char> all(digests.size());
  for (std::size_t i = 0; i < digests.size(); ++i) all[i] = static_cast<unsigned char>(digests[i]);
  return to_hex(sha256(all.data(), all.size()));
}

}  // namespace polder::io
