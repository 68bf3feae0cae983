#include "token.h"

#include "base64url.h"
#include "json/value.h"

namespace callsession {
namespace {

using json::Value;

Error invalid(std::string message) {
  return makeError(ErrorCode::kTokenInvalid, std::move(message));
}

// Parses base64url-encoded JSON that must be an object; nullopt on any fault.
std::optional<Value> decodeJsonObject(std::string_view part) {
  auto bytes = base64UrlDecode(part);
  if (!bytes) return std::nullopt;
  auto parsed = json::parse(*bytes);
  if (!parsed || !parsed->isObject()) return std::nullopt;
  return parsed;
}

bool readString(const Value& object, const char* key, std::string& out) {
  out = object.stringOr(key);
  return !out.empty();
}

bool readSeconds(const Value& object, const char* key, int64_t& out) {
  const Value* value = object.find(key);
  const auto seconds = value != nullptr ? value->toInt64() : std::nullopt;
  if (!seconds) return false;
  out = *seconds;
  return out >= 0;
}

}  // namespace

Result<DecodedToken> decodeToken(std::string_view jwt) {
  if (jwt.empty()) return invalid("The token is empty.");
  if (jwt.size() > kMaxTokenLength) return invalid("The token is too long.");
  const size_t firstDot = jwt.find('.');
  const size_t secondDot =
      firstDot == std::string_view::npos ? firstDot : jwt.find('.', firstDot + 1);
  if (secondDot == std::string_view::npos ||
      jwt.find('.', secondDot + 1) != std::string_view::npos) {
    return invalid("The token is not a JWT (expected three dot-separated parts).");
  }
  auto header = decodeJsonObject(jwt.substr(0, firstDot));
  if (!header) return invalid("The token header is not base64url JSON.");
  std::string alg;
  if (!readString(*header, "alg", alg) || alg != "HS256") {
    return invalid("The token is not signed with HS256.");
  }

  auto payload = decodeJsonObject(jwt.substr(firstDot + 1, secondDot - firstDot - 1));
  if (!payload) return invalid("The token payload is not base64url JSON.");
  DecodedToken token;
  TokenClaims& claims = token.claims;
  if (!readString(*payload, "sub", claims.sub) || !readString(*payload, "sid", claims.sid) ||
      !readString(*payload, "jti", claims.jti) || !readSeconds(*payload, "iat", claims.iat) ||
      !readSeconds(*payload, "exp", claims.exp)) {
    return invalid("The token lacks sub, sid, jti, iat or exp, or one has the wrong type.");
  }
  if (claims.exp <= claims.iat) return invalid("The token expires before it was issued.");

  auto signature = base64UrlDecode(jwt.substr(secondDot + 1));
  if (!signature || signature->size() != kHs256SignatureLength) {
    return invalid("The token signature is not a base64url HS256 signature.");
  }
  token.signature = std::move(*signature);
  token.signingInput = std::string(jwt.substr(0, secondDot));
  return token;
}

Status checkClaims(const TokenClaims& claims, const TokenExpectations& expected) {
  if (claims.sub != expected.uid) {
    return makeError(ErrorCode::kTokenUserMismatch,
                     "The token was issued to another user than the one logged in.");
  }
  if (claims.sid != expected.sessionId) {
    return makeError(ErrorCode::kTokenSessionMismatch, "The token was issued for another session.");
  }
  if (claims.exp <= expected.nowSeconds - expected.leewaySeconds) {
    return makeError(ErrorCode::kTokenExpired, "The token has expired; generate a new one.");
  }
  if (claims.iat > expected.nowSeconds + expected.leewaySeconds) {
    return makeError(ErrorCode::kTokenInvalid,
                     "The token is not valid yet (issued in the future).");
  }
  return okStatus();
}

}  // namespace callsession
