#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// The server's only cryptography, all of it OpenSSL's: nothing here is hand-written.
namespace callsession::server {

// Bytes from OpenSSL's CSPRNG; throws std::runtime_error if it cannot deliver (never weak bytes).
std::string randomBytes(size_t count);

// base64url text of `byteCount` random bytes: keys and token ids.
std::string randomText(size_t byteCount);

std::string hmacSha256(std::string_view key, std::string_view message);
// Only for TURN credentials: coturn's shared-secret scheme is defined with HMAC-SHA1.
std::string hmacSha1(std::string_view key, std::string_view message);
std::string sha256(std::string_view message);

// Compares in time that depends only on the lengths, so a forger learns nothing from timing.
bool constantTimeEquals(std::string_view a, std::string_view b);

// An RFC 4122 version 4 UUID in lowercase text.
std::string uuidV4();

std::string toHex(std::string_view bytes);

// RFC 4648 §4 base64 with padding (not base64url): what TURN credentials are written in.
std::string base64(std::string_view bytes);

}  // namespace callsession::server
