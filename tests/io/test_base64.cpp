#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/report/base64.hpp"

namespace {
std::string encode(const std::string& s) {
  const std::vector<std::uint8_t> bytes(s.begin(), s.end());
  return polder::io::report::base64(bytes);
}
}  // namespace

TEST(Base64, MatchesTheRfc4648TestVectors) {
  EXPECT_EQ(encode(""), "");
  EXPECT_EQ(encode("f"), "Zg==");
  EXPECT_EQ(encode("fo"), "Zm8=");
  EXPECT_EQ(encode("foo"), "Zm9v");
  EXPECT_EQ(encode("foob"), "Zm9vYg==");
  EXPECT_EQ(encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(polder::io::report::base64(std::vector<std::uint8_t>{0xFF, 0xEF, 0x00}), "/+8A");
}
