#pragma once

#include <cstddef>
#include <string_view>

namespace callsession::json {

// The length of the well-formed UTF-8 sequence starting at text[pos] (1 to 4), or 0 if it is not
// one: a stray continuation byte, a truncated or overlong sequence, a surrogate (U+D800–U+DFFF) or
// a code point above U+10FFFF.
size_t utf8SequenceLength(std::string_view text, size_t pos);

}  // namespace callsession::json
