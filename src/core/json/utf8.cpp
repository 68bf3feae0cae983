#include "utf8.h"

#include <cstdint>

namespace callsession::json {

size_t utf8SequenceLength(std::string_view text, size_t pos) {
  const auto byte = [&text](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(pos);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint32_t codePoint = 0;
  uint32_t smallest = 0;  // below it the sequence is overlong
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2, codePoint = lead & 0x1FU, smallest = 0x80;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3, codePoint = lead & 0x0FU, smallest = 0x800;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4, codePoint = lead & 0x07U, smallest = 0x10000;
  } else {
    return 0;
  }
  if (text.size() - pos < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0U) != 0x80U) return 0;
    codePoint = (codePoint << 6U) | (byte(pos + i) & 0x3FU);
  }
  const bool surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
  if (codePoint < smallest || surrogate || codePoint > 0x10FFFF) return 0;
  return length;
}

}  // namespace callsession::json
