#include "beast_request.h"

#include <cctype>

namespace callsession::server {

HttpRequest toHttpRequest(
    const boost::beast::http::request<boost::beast::http::string_body>& request) {
  HttpRequest out;
  out.method = std::string(request.method_string());
  out.target = std::string(request.target());
  for (const auto& field : request) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  out.body = request.body();
  return out;
}

}  // namespace callsession::server
