// callsession-loadgen: N WebSocket participants in rooms of M against a running server, with
// relay traffic and join/leave churn for T seconds. Reports connections held, relayed messages
// per second, p50/p99 relay latency and the server's memory before, at peak and after; exits 1 if
// anything failed or a participant leaked (still listed after everyone left). It measures; it
// holds no timing to a threshold.
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "api_client.h"
#include "core/base64url.h"
#include "load_client.h"

namespace {

using namespace callsession::load;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  std::string port = "8080";
  std::string authKey;
  size_t connections = 100;
  size_t roomSize = 4;
  double seconds = 10;
  double signalsPerClientPerSecond = 1;
  double churnPerSecond = 0;  // leave + rejoin events per second, over all clients
  int serverPid = 0;
  // Against the reference relay of tests/bench: no HTTP API, so participants, rooms and (unsigned)
  // tokens are made here, and the leak check through the API is skipped.
  bool reference = false;
};

Options parseOptions(int argc, char** argv) {
  Options o;
  if (const char* key = std::getenv("CALLSESSION_AUTH_KEY")) o.authKey = key;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
    if (name == "--port")
      o.port = value;
    else if (name == "--host")
      o.host = value;
    else if (name == "--auth-key")
      o.authKey = value;
    else if (name == "--connections")
      o.connections = std::stoul(value);
    else if (name == "--room-size")
      o.roomSize = std::stoul(value);
    else if (name == "--seconds")
      o.seconds = std::stod(value);
    else if (name == "--rate")
      o.signalsPerClientPerSecond = std::stod(value);
    else if (name == "--churn")
      o.churnPerSecond = std::stod(value);
    else if (name == "--server-pid")
      o.serverPid = std::stoi(value);
    else if (name == "--reference")
      o.reference = true;
    else
      throw std::invalid_argument("unknown option " + arg);
  }
  if (o.roomSize < 2) throw std::invalid_argument("--room-size must be at least 2");
  return o;
}

// Resident memory of the server in KiB, or 0 when no pid was given.
long residentKiB(int pid) {
  if (pid == 0) return 0;
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

struct Participant {
  std::string uid;
  std::string authToken;
  std::string sessionId;
  std::string peerUid;  // the next one in the room: where this one's signals go
};

// A token of the right shape for the reference relay, which reads sub and sid without verifying.
std::string unsignedToken(const Participant& p) {
  static uint64_t counter = 0;
  const nlohmann::json claims = {{"sub", p.uid},
                                 {"sid", p.sessionId},
                                 {"iat", 0},
                                 {"exp", 1},
                                 {"jti", "ref-" + std::to_string(++counter)}};
  return callsession::base64UrlEncode(R"({"alg":"HS256"})") + "." +
         callsession::base64UrlEncode(claims.dump()) + "." +
         callsession::base64UrlEncode(std::string(32, '\0'));
}

std::string mintToken(ApiClient& api, const Participant& p, bool reference) {
  if (reference) return unsignedToken(p);
  auto answer =
      api.post("/api/meetings/" + p.sessionId + "/token", nlohmann::json::object(), p.authToken);
  if (answer.status != 200)
    throw std::runtime_error("token: HTTP " + std::to_string(answer.status));
  return answer.body["token"].get<std::string>();
}

std::vector<Participant> setUp(ApiClient& api, const Options& o) {
  std::vector<Participant> people(o.connections);
  for (size_t i = 0; i < people.size(); ++i) {
    people[i].uid = "load-" + std::to_string(i);
    if (o.reference) continue;
    auto answer = api.post("/api/users/login", {{"uid", people[i].uid}}, {}, o.authKey);
    if (answer.status != 200)
      throw std::runtime_error("login: HTTP " + std::to_string(answer.status));
    people[i].authToken = answer.body["authToken"].get<std::string>();
  }
  for (size_t room = 0; room * o.roomSize < people.size(); ++room) {
    const size_t first = room * o.roomSize;
    const size_t last = std::min(first + o.roomSize, people.size());
    std::string sessionId = "ref-room-" + std::to_string(room);
    if (!o.reference) {
      auto answer = api.post("/api/meetings", {{"strategy", "uuid"}}, people[first].authToken);
      if (answer.status != 201 && answer.status != 200) {
        throw std::runtime_error("create meeting: HTTP " + std::to_string(answer.status));
      }
      sessionId = answer.body["sessionId"].get<std::string>();
    }
    for (size_t i = first; i < last; ++i) {
      people[i].sessionId = sessionId;
      people[i].peerUid = people[i + 1 < last ? i + 1 : first].uid;
    }
  }
  return people;
}

// Runs the io_context in 10 ms slices, calling `tick` between slices, until `done` or timeout.
template <class Done, class Tick>
bool runUntil(boost::asio::io_context& io, Clock::duration timeout, Done done, Tick tick) {
  const auto deadline = Clock::now() + timeout;
  while (!done() && Clock::now() < deadline) {
    io.run_for(std::chrono::milliseconds(10));
    if (io.stopped()) io.restart();
    tick();
  }
  return done();
}

}  // namespace

int main(int argc, char** argv) try {
  const Options o = parseOptions(argc, argv);
  boost::asio::io_context io;
  ApiClient api(io, o.host, o.port);
  std::cerr << "setting up " << o.connections << " participants in rooms of " << o.roomSize << "\n";
  const std::vector<Participant> people = setUp(api, o);
  std::vector<std::string> tokens;
  for (const auto& p : people) tokens.push_back(mintToken(api, p, o.reference));
  const long memoryBefore = residentKiB(o.serverPid);

  const boost::asio::ip::tcp::endpoint server(boost::asio::ip::make_address(o.host),
                                              static_cast<unsigned short>(std::stoi(o.port)));
  LoadStats stats;
  std::vector<std::shared_ptr<LoadClient>> clients;
  long memoryPeak = memoryBefore;
  auto sampleMemory = [&] { memoryPeak = std::max(memoryPeak, residentKiB(o.serverPid)); };

  // Connect in batches, so the listen backlog is never the thing being measured.
  const auto connectStart = Clock::now();
  size_t started = 0;
  auto startSome = [&] {
    for (size_t batch = 0; batch < 200 && started < people.size(); ++batch, ++started) {
      const Participant& p = people[started];
      clients.push_back(std::make_shared<LoadClient>(io, server, o.host, p.uid, p.peerUid, stats));
      clients.back()->join(tokens[started]);
    }
  };
  const bool allJoined = runUntil(
      io, std::chrono::seconds(60),
      [&] { return stats.joinsAnswered == people.size() || stats.failures > 0; }, startSome);
  const double connectSeconds = std::chrono::duration<double>(Clock::now() - connectStart).count();
  if (!allJoined) std::cerr << "not every participant joined\n";

  // Measured window: signals at the requested rate, churn at the requested rate.
  std::mt19937 random(42);
  std::uniform_int_distribution<size_t> anyone(0, people.size() - 1);
  double signalDebt = 0;
  double churnDebt = 0;
  size_t cursor = 0;
  size_t churns = 0;
  auto last = Clock::now();
  stats.measuring = true;
  const size_t receivedBefore = stats.signalsReceived;
  const auto windowStart = Clock::now();
  runUntil(
      io, std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds)),
      [] { return false; },
      [&] {
        const double elapsed = std::chrono::duration<double>(Clock::now() - last).count();
        last = Clock::now();
        signalDebt += elapsed * o.signalsPerClientPerSecond * static_cast<double>(clients.size());
        churnDebt += elapsed * o.churnPerSecond;
        for (; signalDebt >= 1; signalDebt -= 1) clients[cursor++ % clients.size()]->sendSignal();
        for (; churnDebt >= 1; churnDebt -= 1, ++churns) {
          const size_t i = anyone(random);
          clients[i]->leave();
          clients[i] = std::make_shared<LoadClient>(io, server, o.host, people[i].uid,
                                                    people[i].peerUid, stats);
          clients[i]->join(mintToken(api, people[i], o.reference));
        }
        sampleMemory();
      });
  stats.measuring = false;
  const double window = std::chrono::duration<double>(Clock::now() - windowStart).count();
  const double relayedPerSecond =
      static_cast<double>(stats.signalsReceived - receivedBefore) / window;
  // Churned participants may be mid-rejoin when the window closes: let them land, then count.
  runUntil(
      io, std::chrono::seconds(5), [&] { return stats.joined == clients.size(); }, [] {});
  const size_t held = stats.joined;

  // Everyone leaves; then every room must be empty and the server's memory should come back.
  for (auto& client : clients) client->leave();
  runUntil(
      io, std::chrono::seconds(3), [] { return false; }, [] {});
  size_t leaked = 0;
  for (size_t room = 0; !o.reference && room * o.roomSize < people.size(); ++room) {
    auto answer = api.get("/api/meetings/" + people[room * o.roomSize].sessionId + "/participants");
    if (answer.body.is_array()) leaked += answer.body.size();
  }
  const long memoryAfter = residentKiB(o.serverPid);

  const nlohmann::json report = {
      {"connections", o.connections},
      {"roomSize", o.roomSize},
      {"connectSeconds", connectSeconds},
      {"held", held},
      {"failures", stats.failures},
      {"churns", churns},
      {"windowSeconds", window},
      {"relayedPerSecond", relayedPerSecond},
      {"relayP50Micros", stats.latency.percentile(50)},
      {"relayP99Micros", stats.latency.percentile(99)},
      {"latencySamples", stats.latency.count()},
      {"serverMemoryKiB", {{"before", memoryBefore}, {"peak", memoryPeak}, {"after", memoryAfter}}},
      {"leakedParticipants", leaked},
      {"failureReasons", stats.failureReasons},
  };
  std::cout << report.dump() << std::endl;
  return stats.failures == 0 && leaked == 0 && held == o.connections ? 0 : 1;
} catch (const std::exception& e) {
  std::cerr << "loadgen: " << e.what() << "\n";
  return 2;
}
