#include "api_client.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace callsession::load {

namespace beast = boost::beast;
namespace http = beast::http;

ApiClient::ApiClient(boost::asio::io_context& io, std::string host, std::string port)
    : io_(io), host_(std::move(host)), port_(std::move(port)) {}

void ApiClient::connect() {
  boost::asio::ip::tcp::resolver resolver(io_);
  stream_.emplace(io_);
  stream_->connect(resolver.resolve(host_, port_));
}

ApiClient::Answer ApiClient::post(const std::string& target, const nlohmann::json& body,
                                  const std::string& bearer, const std::string& authKey) {
  return send("POST", target, body.dump(), bearer, authKey);
}

ApiClient::Answer ApiClient::get(const std::string& target) {
  return send("GET", target, {}, {}, {});
}

ApiClient::Answer ApiClient::send(const std::string& method, const std::string& target,
                                  const std::string& body, const std::string& bearer,
                                  const std::string& authKey) {
  http::request<http::string_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, host_);
  request.keep_alive(true);
  if (!bearer.empty()) request.set(http::field::authorization, "Bearer " + bearer);
  if (!authKey.empty()) request.set("X-Auth-Key", authKey);
  if (!body.empty()) {
    request.set(http::field::content_type, "application/json");
    request.body() = body;
  }
  request.prepare_payload();

  // One retry on a fresh connection: the server may have closed an idle keep-alive one.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!stream_) connect();
    beast::error_code error;
    http::write(*stream_, request, error);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    if (!error) http::read(*stream_, buffer, response, error);
    if (error) {
      stream_.reset();
      continue;
    }
    if (!response.keep_alive()) stream_.reset();
    return Answer{response.result_int(),
                  nlohmann::json::parse(response.body(), nullptr, /*allow_exceptions=*/false)};
  }
  return Answer{};
}

}  // namespace callsession::load
