#include "jwt.h"

#include "core/base64url.h"
#include "core/token.h"
#include "crypto.h"

namespace callsession::server {

using nlohmann::json;

std::string jsonText(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<std::string> stringClaim(const json& claims, const char* key) {
  if (!claims.is_object()) return std::nullopt;
  auto it = claims.find(key);
  if (it == claims.end() || !it->is_string()) return std::nullopt;
  return it->get_ref<const std::string&>();
}

std::optional<int64_t> integerClaim(const json& claims, const char* key) {
  if (!claims.is_object()) return std::nullopt;
  auto it = claims.find(key);
  if (it == claims.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

std::string signJwt(const json& claims, std::string_view key) {
  static const std::string kHeader = base64UrlEncode(R"({"alg":"HS256","typ":"JWT"})");
  const std::string signingInput = kHeader + "." + base64UrlEncode(jsonText(claims));
  return signingInput + "." + base64UrlEncode(hmacSha256(key, signingInput));
}

std::optional<json> verifiedClaims(std::string_view jwt, std::string_view key) {
  if (jwt.size() > kMaxTokenLength) return std::nullopt;
  const size_t firstDot = jwt.find('.');
  const size_t lastDot = jwt.rfind('.');
  if (firstDot == std::string_view::npos || firstDot == lastDot) return std::nullopt;

  // The signature first: nothing from an unsigned token is even parsed. Comparing the encoded
  // text, not decoded bytes, also refuses the other spellings of a signature (base64url's last
  // character has spare bits), so a token has exactly one valid form.
  const std::string_view signingInput = jwt.substr(0, lastDot);
  const std::string expected = base64UrlEncode(hmacSha256(key, signingInput));
  if (!constantTimeEquals(jwt.substr(lastDot + 1), expected)) return std::nullopt;
  auto header = base64UrlDecode(jwt.substr(0, firstDot));
  auto payload = base64UrlDecode(jwt.substr(firstDot + 1, lastDot - firstDot - 1));
  if (!header || !payload) return std::nullopt;
  const json headerJson = json::parse(*header, nullptr, /*allow_exceptions=*/false);
  if (stringClaim(headerJson, "alg") != "HS256") return std::nullopt;
  json claims = json::parse(*payload, nullptr, /*allow_exceptions=*/false);
  if (!claims.is_object()) return std::nullopt;
  return claims;
}

}  // namespace callsession::server
