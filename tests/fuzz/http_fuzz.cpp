// HTTP requests come from anyone who can reach the port. Whatever bytes Beast accepts as a request
// go through the server's real router (API and static files, over a real SQLite store), which must
// answer without throwing and without a 500, and answer every API refusal in the contract's
// {"error":{"code","message"}} shape.
#include <unistd.h>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "beast_request.h"
#include "local_rooms.h"
#include "router.h"
#include "sqlite_store.h"
#include "system_clock.h"

namespace {

using namespace callsession::server;
namespace http = boost::beast::http;

// One server's worth of state for the whole run, as one process serves many requests.
struct Server {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("callsession-http-fuzz-" + std::to_string(::getpid()));
  Config config;
  Keys keys{"fuzz-signing-key", "fuzz-auth-key", false};
  SystemClock clock;
  std::unique_ptr<SqliteStore> store;
  LocalRooms rooms;
  // Off: a fuzzer from one address would spend every allowance at once and reach nothing else.
  Limits limits{LimitsConfig{0, 0, 0, 0, false}};
  std::unique_ptr<ServerContext> context;
  std::unique_ptr<StaticFiles> files;

  Server() {
    std::filesystem::create_directories(dir / "web");
    std::ofstream(dir / "web" / "index.html") << "<!doctype html><title>callsession</title>";
    store = std::make_unique<SqliteStore>(dir / "store.db");
    context =
        std::make_unique<ServerContext>(ServerContext{config, keys, clock, *store, rooms, limits});
    files = std::make_unique<StaticFiles>(dir / "web", "<script></script>");
  }
  ~Server() { std::filesystem::remove_all(dir); }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
};

bool isContractError(const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return false;
  const auto error = json.find("error");
  return error != json.end() && error->is_object() && error->contains("code") &&
         (*error)["code"].is_string() && error->contains("message") &&
         (*error)["message"].is_string();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Server server;
  http::request_parser<http::string_body> parser;
  parser.eager(true);
  parser.body_limit(size_t{64} * 1024);  // as the server reads requests
  parser.header_limit(16 * 1024);
  boost::beast::error_code error;
  parser.put(boost::asio::buffer(data, size), error);
  if (error == http::error::need_more) parser.put_eof(error);
  if (error || !parser.is_done()) return 0;  // Beast's to refuse, before any handler runs

  const HttpRequest request = toHttpRequest(parser.get());
  const HttpResponse response = route(request, *server.context, *server.files);
  if (response.status < 100 || response.status > 599) __builtin_trap();
  if (response.status == 500) __builtin_trap();  // a server fault: some input is not handled
  if (request.path().starts_with("/api/") && response.status >= 400 &&
      !isContractError(response.body)) {
    __builtin_trap();
  }
  return 0;
}
