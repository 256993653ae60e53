#include "io/util/sha256.hpp"

#include <openssl/evp.h>

#include <cstdio>

#include "solver/core/error.hpp"

namespace polder::io {

Sha256::Sha256() : m_context(EVP_MD_CTX_new()) {
  if (m_context == nullptr || EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(m_context), EVP_sha256(), nullptr) != 1)
    throw InternalError("SHA-256: cannot initialise the OpenSSL digest");
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_context)); }

void Sha256::update(std::span<const std::byte> bytes) {
  if (!bytes.empty()) EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(m_context), bytes.data(), bytes.size());
}

std::array<std::byte, 32> Sha256::finish() {
  std::array<std::byte, 32> out{};
  unsigned int len = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(m_context), reinterpret_cast<unsigned char*>(out.data()), &len);
  POLDER_VERIFY(len == out.size(), "SHA-256 digest of ", len, " bytes");
  return out;
}

std::string Sha256::hex(std::span<const std::byte> digest) {
  std::string text;
  char buf[3];
  for (const std::byte b : digest) {
    std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned>(b));
    text += buf;
  }
  return text;
}

}  // namespace polder::io
