#include "core/base64url.h"

#include <gtest/gtest.h>

namespace callsession {
namespace {

TEST(Base64Url, EncodesRfc4648VectorsWithoutPadding) {
  EXPECT_EQ(base64UrlEncode(""), "");
  EXPECT_EQ(base64UrlEncode("f"), "Zg");
  EXPECT_EQ(base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(base64UrlEncode("foob"), "Zm9vYg");
  EXPECT_EQ(base64UrlEncode("fooba"), "Zm9vYmE");
  EXPECT_EQ(base64UrlEncode("foobar"), "Zm9vYmFy");
}

TEST(Base64Url, UsesTheUrlSafeAlphabet) {
  EXPECT_EQ(base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64UrlDecode("-_8"), std::string("\xfb\xff"));
}

TEST(Base64Url, RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  EXPECT_EQ(base64UrlDecode(base64UrlEncode(all)), all);
}

TEST(Base64Url, RefusesCharactersOutsideTheAlphabet) {
  EXPECT_EQ(base64UrlDecode("Zm9v+A"), std::nullopt);
  EXPECT_EQ(base64UrlDecode("Zm9v/A"), std::nullopt);
  EXPECT_EQ(base64UrlDecode("Zm9v=="), std::nullopt);
  EXPECT_EQ(base64UrlDecode(std::string_view("Zm\0v", 4)), std::nullopt);
}

// "Zg" and "Zh" would both decode to "f" if the unused low bits were ignored: a token would then
// have several spellings. Only the encoder's own spelling is accepted.
TEST(Base64Url, RefusesNonZeroSpareBits) {
  EXPECT_EQ(base64UrlDecode("Zg"), std::string("f"));
  EXPECT_EQ(base64UrlDecode("Zh"), std::nullopt);
  EXPECT_EQ(base64UrlDecode("Zm8"), std::string("fo"));
  EXPECT_EQ(base64UrlDecode("Zm9"), std::nullopt);
}

TEST(Base64Url, RefusesALengthNoEncoderProduces) {
  EXPECT_EQ(base64UrlDecode("Zm9vY"), std::nullopt);
}

}  // namespace
}  // namespace callsession
