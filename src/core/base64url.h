#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace callsession {

// RFC 4648 §5 base64url without padding, as JWTs use it.
std::string base64UrlEncode(std::string_view bytes);

// Accepts unpadded input only; any character outside the alphabet, or a length that cannot come
// from an encoder (remainder 1), gives nullopt.
std::optional<std::string> base64UrlDecode(std::string_view text);

}  // namespace callsession
