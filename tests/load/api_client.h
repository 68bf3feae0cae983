#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace callsession::load {

// A blocking JSON client of the HTTP API over one keep-alive connection, for the set-up phase
// (logins, meetings, tokens) before any timing starts.
class ApiClient {
 public:
  ApiClient(boost::asio::io_context& io, std::string host, std::string port);

  struct Answer {
    unsigned status = 0;
    nlohmann::json body;
  };
  Answer post(const std::string& target, const nlohmann::json& body, const std::string& bearer = {},
              const std::string& authKey = {});
  Answer get(const std::string& target);

 private:
  Answer send(const std::string& method, const std::string& target, const std::string& body,
              const std::string& bearer, const std::string& authKey);
  void connect();

  boost::asio::io_context& io_;
  std::string host_;
  std::string port_;
  std::optional<boost::beast::tcp_stream> stream_;
};

}  // namespace callsession::load
