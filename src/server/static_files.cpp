#include "static_files.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <system_error>
#include <vector>

#include "http_error.h"
#include "mime_types.h"

namespace callsession::server {
namespace {

namespace fs = std::filesystem;

std::optional<char> hexValue(char c) {
  if (c >= '0' && c <= '9') return static_cast<char>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<char>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<char>(c - 'A' + 10);
  return std::nullopt;
}

// Percent-decodes a URL path; nullopt for a malformed escape or a decoded NUL.
std::optional<std::string> percentDecode(std::string_view path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '%') {
      out += path[i];
      continue;
    }
    if (i + 2 >= path.size()) return std::nullopt;
    auto high = hexValue(path[i + 1]);
    auto low = hexValue(path[i + 2]);
    if (!high || !low) return std::nullopt;
    out += static_cast<char>((*high << 4) | *low);
    i += 2;
  }
  if (out.find('\0') != std::string::npos) return std::nullopt;
  return out;
}

// The path's segments when every one is a plain name: no empty, ".", ".." or backslash ones.
std::optional<std::vector<std::string>> plainSegments(std::string_view decodedPath) {
  if (decodedPath.empty() || decodedPath.front() != '/') return std::nullopt;
  std::vector<std::string> segments;
  size_t start = 1;
  while (start <= decodedPath.size()) {
    size_t end = decodedPath.find('/', start);
    if (end == std::string_view::npos) end = decodedPath.size();
    std::string segment(decodedPath.substr(start, end - start));
    if (segment.empty() || segment == "." || segment == ".." ||
        segment.find('\\') != std::string::npos) {
      return std::nullopt;
    }
    segments.push_back(std::move(segment));
    start = end + 1;
  }
  return segments;
}

// The page a route maps to, or "" when the path is a plain file path.
std::string pageFor(const std::vector<std::string>& segments) {
  if (segments.size() == 2 && segments[0] == "meet") return "meet.html";
  if (segments.size() == 2 && segments[0] == "embed") return "embed.html";
  return "";
}

std::optional<std::string> readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

HttpResponse notFound() {
  return errorResponse(HttpError::notFound("There is no such page or file."));
}

}  // namespace

std::string pageConfigScript(const Keys& keys) {
  nlohmann::ordered_json config = nlohmann::ordered_json::object();
  if (keys.demoMode) config = {{"authKey", keys.authKey}, {"appId", "demo"}};
  std::string text = config.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  // JSON inside <script>: a "<" could end the element early, so none is left literal.
  for (size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at)) {
    text.replace(at, 1, "\\u003c");
  }
  return "<script>window.__CALLSESSION_CONFIG__=" + text + "</script>";
}

StaticFiles::StaticFiles(fs::path webRoot, std::string configScript)
    : root_(std::move(webRoot)), configScript_(std::move(configScript)) {}

std::optional<fs::path> StaticFiles::resolve(std::string_view path) const {
  if (path == "/") return root_ / "index.html";
  auto decoded = percentDecode(path);
  if (!decoded) return std::nullopt;
  auto segments = plainSegments(*decoded);
  if (!segments) return std::nullopt;
  if (std::string page = pageFor(*segments); !page.empty()) return root_ / page;
  fs::path file = root_;
  for (const auto& segment : *segments) file /= segment;
  // A symlink inside the root must not lead out of it either.
  std::error_code error;
  const fs::path realRoot = fs::canonical(root_, error);
  if (error) return std::nullopt;
  const fs::path realFile = fs::canonical(file, error);
  if (error) return std::nullopt;
  auto [rootEnd, fileIt] =
      std::mismatch(realRoot.begin(), realRoot.end(), realFile.begin(), realFile.end());
  if (rootEnd != realRoot.end()) return std::nullopt;
  return file;
}

HttpResponse StaticFiles::serve(std::string_view path) const {
  auto file = resolve(path);
  std::error_code error;
  if (!file || !fs::is_regular_file(*file, error)) return notFound();
  auto content = readFile(*file);
  if (!content) return notFound();
  const std::string name = file->filename().string();
  if (name.ends_with(".html")) {
    if (size_t at = content->find(kConfigPlaceholder); at != std::string::npos) {
      content->replace(at, kConfigPlaceholder.size(), configScript_);
    }
  }
  return {200,
          std::string(mimeTypeFor(name)),
          std::move(*content),
          {{"Cache-Control", "no-cache"}, {"X-Content-Type-Options", "nosniff"}}};
}

}  // namespace callsession::server
