#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

// HS256 JSON Web Tokens, signed and verified with one server key. Both kinds of token the server
// issues (auth_token.h, join_token.h) are built on this; a `use` claim keeps them apart.
namespace callsession::server {

std::string signJwt(const nlohmann::json& claims, std::string_view key);

// The claims of a well-formed HS256 token whose signature `key` made; nullopt for anything else.
// Says nothing about expiry: the callers check the claims they care about.
std::optional<nlohmann::json> verifiedClaims(std::string_view jwt, std::string_view key);

// A claim of the given type, or nullopt (absent, or another type); never throws.
std::optional<std::string> stringClaim(const nlohmann::json& claims, const char* key);
std::optional<int64_t> integerClaim(const nlohmann::json& claims, const char* key);

// Compact JSON text that never aborts (invalid UTF-8 is replaced).
std::string jsonText(const nlohmann::json& value);

}  // namespace callsession::server
