// callsession-server: the HTTP API, the signaling WebSocket and the web pages (CONTRACT.md §1–§3).
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "config.h"
#include "keys.h"
#include "listener.h"
#include "local_rooms.h"
#include "log.h"
#include "meeting_ids.h"
#include "memory_trimmer.h"
#include "postgres_store.h"
#include "redis_rooms.h"
#include "sqlite_store.h"
#include "static_files.h"
#include "system_clock.h"
#include "tls_context.h"

namespace {

using namespace callsession::server;

// The demo meeting lives as long as a meeting may; each start renews it once it has expired.
constexpr int64_t kDemoMeetingTtlSeconds = int64_t{30} * 24 * 60 * 60;

void ensureDemoMeeting(Store& store, const callsession::Clock& clock) {
  const int64_t now = clock.nowSeconds();
  store.createMeeting({resourceSessionId("demo"), now, now + kDemoMeetingTtlSeconds, {}}, now);
}

// The host a person can open: a wildcard bind is reachable on loopback.
std::string browsableHost(const std::string& host) {
  if (host == "0.0.0.0" || host == "::" || host == "127.0.0.1") return "127.0.0.1";
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

std::unique_ptr<Store> openStore(const Config& config) {
  if (config.databaseUrl) return std::make_unique<PostgresStore>(*config.databaseUrl);
  return std::make_unique<SqliteStore>(config.databasePath);
}

// In this process, or shared with other nodes through Redis. A node that loses Redis cannot keep
// its rooms in step with the others: `onBusLost` stops it, and its clients reconnect to a node
// that has Redis (the SDK reconnects on its own).
std::unique_ptr<Rooms> openRooms(boost::asio::io_context& io, const Config& config,
                                 const RedisRooms::BusLostHandler& onBusLost) {
  if (!config.redis) return std::make_unique<LocalRooms>();
  try {
    return std::make_unique<RedisRooms>(io, *config.redis, onBusLost);
  } catch (const RedisError& error) {
    throw RedisError(std::string("CALLSESSION_REDIS_URL: ") + error.what());
  }
}

int run() {
  // First, so it is destroyed last: connections still queued in it hold sockets that must not
  // outlive it, and Rooms (below) holds connections too.
  boost::asio::io_context io(1);
  const Config config = loadConfig(&std::getenv);
  // Before anything is stored: a bad certificate stops the start with nothing changed.
  const auto tls =
      config.tlsCertPath ? loadTlsContext(*config.tlsCertPath, *config.tlsKeyPath) : nullptr;
  const std::unique_ptr<Store> storage = openStore(config);
  Store& store = *storage;
  const Keys keys = resolveKeys(config, store);
  const SystemClock clock;
  int exitStatus = 0;
  const std::unique_ptr<Rooms> rooms = openRooms(io, config, [&](const std::string& why) {
    logLine("server", "room bus lost (" + why + "): stopping");
    exitStatus = 1;
    io.stop();
  });
  Limits limits(config.limits);
  ServerContext context{config, keys, clock, store, *rooms, limits};
  const StaticFiles files(config.webRoot, pageConfigScript(keys));
  ensureDemoMeeting(store, clock);
  logLine("server", keys.demoMode ? "demo mode: the stored auth key is handed to the demo pages"
                                  : "auth key from CALLSESSION_AUTH_KEY");

  const boost::asio::ip::tcp::endpoint endpoint(boost::asio::ip::make_address(config.host),
                                                config.port);
  auto listener = std::make_shared<Listener>(io, endpoint, context, files, tls.get());
  listener->start();
  MemoryTrimmer trimmer(io, [&store] { store.releaseMemory(); });
  trimmer.start();

  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code&, int signal) {
    logLine("server", "signal " + std::to_string(signal) + ": shutting down");
    listener->stop();
    io.stop();
  });

  std::cout << "callsession ready: " << (tls ? "https://" : "http://") << browsableHost(config.host)
            << ":" << listener->port() << "/meet/demo" << std::endl;
  // A handler that throws is a bug, but it costs one connection, never the server.
  while (true) {
    try {
      io.run();
      break;
    } catch (const std::exception& error) {
      logLine("server", std::string("handler failed: ") + error.what());
    }
  }
  logLine("server", "stopped");
  return exitStatus;
}

}  // namespace

int main() {
  try {
    return run();
  } catch (const std::exception& error) {
    logLine("server", std::string("cannot start: ") + error.what());
    return 1;
  }
}
