#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// HTTP as the request handlers see it: plain values, no Boost, so handlers and their tests compile
// fast and run without sockets. http_session.cpp converts to and from Beast's types.
namespace callsession::server {

struct HttpRequest {
  std::string method;                          // upper case, as sent: "GET", "POST", …
  std::string target;                          // path and query, as sent
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  // Who sent it, as the limits count it (client_address.h): the peer, or behind a trusted proxy
  // the address it forwarded for.
  std::string clientAddress;

  // The header's value, or "" when absent. `name` in lower case.
  [[nodiscard]] std::string_view header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string_view() : std::string_view(it->second);
  }
  // The target without its query string.
  [[nodiscard]] std::string_view path() const {
    return std::string_view(target).substr(0, target.find('?'));
  }
};

struct HttpResponse {
  unsigned status = 200;
  std::string contentType;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
};

}  // namespace callsession::server
