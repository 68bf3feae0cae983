#pragma once

#include <charconv>
#include <cstdint>
#include <string>

namespace callsession {

// The decimal text of an integer. Not std::to_string: libc++ builds each overload of that on
// snprintf, code the SDK need not carry (0.1 KB gzip).
inline std::string decimal(int64_t value) {
  char digits[20];  // "-9223372036854775808"
  const auto written = std::to_chars(digits, digits + sizeof digits, value);
  return {digits, written.ptr};
}

}  // namespace callsession
