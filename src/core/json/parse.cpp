// The strict parser behind json::parse (value.h): recursive descent over the text, bounded by
// kMaxDepth so that hostile nesting cannot exhaust the stack.
#include <cstdint>

#include "utf8.h"
#include "value.h"

namespace callsession::json {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::optional<Value> document() {
    auto value = parseValue(0);
    skipWhitespace();
    if (!value || pos_ != text_.size()) return std::nullopt;
    return value;
  }

 private:
  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[pos_]; }

  void skipWhitespace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
      ++pos_;
    }
  }

  bool consume(char expected) {
    skipWhitespace();
    if (peek() != expected) return false;
    ++pos_;
    return true;
  }

  bool consumeWord(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  std::optional<Value> parseValue(int depth) {
    if (depth > kMaxDepth) return std::nullopt;
    skipWhitespace();
    switch (peek()) {
      case '{':
        return parseObject(depth);
      case '[':
        return parseArray(depth);
      case '"': {
        std::string text;
        if (!parseString(text)) return std::nullopt;
        return Value::string(std::move(text));
      }
      case 't':
        return consumeWord("true") ? std::optional(Value::boolean(true)) : std::nullopt;
      case 'f':
        return consumeWord("false") ? std::optional(Value::boolean(false)) : std::nullopt;
      case 'n':
        return consumeWord("null") ? std::optional(Value()) : std::nullopt;
      default:
        return parseNumber();
    }
  }

  std::optional<Value> parseObject(int depth) {
    ++pos_;  // '{'
    Value object = Value::object();
    if (consume('}')) return object;
    do {
      std::string key;
      skipWhitespace();
      if (!parseString(key) || !consume(':')) return std::nullopt;
      auto value = parseValue(depth + 1);
      if (!value) return std::nullopt;
      object.append(std::move(key), std::move(*value));
    } while (consume(','));
    if (!consume('}')) return std::nullopt;
    return object;
  }

  std::optional<Value> parseArray(int depth) {
    ++pos_;  // '['
    Value array = Value::array();
    if (consume(']')) return array;
    do {
      auto value = parseValue(depth + 1);
      if (!value) return std::nullopt;
      array.append(std::move(*value));
    } while (consume(','));
    if (!consume(']')) return std::nullopt;
    return array;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as text.
  std::optional<Value> parseNumber() {
    const size_t start = pos_;
    const auto digits = [this] {
      const size_t first = pos_;
      while (peek() >= '0' && peek() <= '9') ++pos_;
      return pos_ - first;
    };
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (digits() == 0) {
      return std::nullopt;
    }
    if (peek() == '.') {
      ++pos_;
      if (digits() == 0) return std::nullopt;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (digits() == 0) return std::nullopt;
    }
    return Value::number(std::string(text_.substr(start, pos_ - start)));
  }

  // Four hex digits of a \u escape.
  std::optional<uint32_t> parseHex4() {
    if (text_.size() - pos_ < 4) return std::nullopt;
    uint32_t unit = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      unit <<= 4U;
      if (c >= '0' && c <= '9') {
        unit |= static_cast<uint32_t>(c - '0');
      } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        unit |= static_cast<uint32_t>((c | 0x20) - 'a' + 10);
      } else {
        return std::nullopt;
      }
    }
    return unit;
  }

  // After "\u": one code point, a surrogate pair taken together; lone surrogates are refused.
  std::optional<uint32_t> parseEscapedCodePoint() {
    auto unit = parseHex4();
    if (!unit || (*unit >= 0xDC00 && *unit <= 0xDFFF)) return std::nullopt;
    if (*unit < 0xD800 || *unit > 0xDBFF) return unit;
    if (!consumeWord("\\u")) return std::nullopt;
    auto low = parseHex4();
    if (!low || *low < 0xDC00 || *low > 0xDFFF) return std::nullopt;
    return 0x10000 + ((*unit - 0xD800) << 10U) + (*low - 0xDC00);
  }

  static void appendUtf8(std::string& out, uint32_t codePoint) {
    const auto byte = [&out](uint32_t bits) { out += static_cast<char>(bits); };
    if (codePoint < 0x80) {
      byte(codePoint);
    } else if (codePoint < 0x800) {
      byte(0xC0U | (codePoint >> 6U));
      byte(0x80U | (codePoint & 0x3FU));
    } else if (codePoint < 0x10000) {
      byte(0xE0U | (codePoint >> 12U));
      byte(0x80U | ((codePoint >> 6U) & 0x3FU));
      byte(0x80U | (codePoint & 0x3FU));
    } else {
      byte(0xF0U | (codePoint >> 18U));
      byte(0x80U | ((codePoint >> 12U) & 0x3FU));
      byte(0x80U | ((codePoint >> 6U) & 0x3FU));
      byte(0x80U | (codePoint & 0x3FU));
    }
  }

  bool parseEscape(std::string& out) {
    const char c = peek();
    ++pos_;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out += c;
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u': {
        auto codePoint = parseEscapedCodePoint();
        if (!codePoint) return false;
        appendUtf8(out, *codePoint);
        return true;
      }
      default:
        return false;
    }
  }

  bool parseString(std::string& out) {
    if (peek() != '"') return false;
    ++pos_;
    while (!atEnd()) {
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        ++pos_;
        if (!parseEscape(out)) return false;
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x20) return false;  // raw control characters
      const size_t length = utf8SequenceLength(text_, pos_);
      if (length == 0) return false;
      out.append(text_.substr(pos_, length));
      pos_ += length;
    }
    return false;  // unterminated
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<Value> parse(std::string_view text) {
  return Parser(text).document();
}

}  // namespace callsession::json
