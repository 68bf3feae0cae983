// callsession-loadgen: N WebSocket participants in rooms of M against a running server, with
// relay traffic and join/leave churn for T seconds. Reports connections held, relayed messages
// per second, p50/p99 relay latency and the server's memory before, at peak and after; exits 1 if
// anything failed or a participant leaked (still listed after everyone left). It measures; it
// holds no timing to a threshold. Against several nodes sharing rooms through Redis (--ports), the
// members of each room alternate between the nodes, so that relays cross the bus.
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
#include "process_cpu.h"

namespace {

using namespace callsession::load;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  // One per node (--ports=a,b or --port=a). HTTP goes to the first: the nodes share one store, so
  // its tokens are good at every node.
  std::vector<std::string> ports = {"8080"};
  std::string authKey;
  size_t connections = 100;
  size_t roomSize = 4;
  double seconds = 10;
  double signalsPerClientPerSecond = 1;
  // --window=W: saturation instead of a rate. Each participant starts W signals and every signal
  // received is passed on (LoadStats::closedLoop), so throughput is the server's capacity.
  size_t window = 0;
  double churnPerSecond = 0;    // leave + rejoin events per second, over all clients
  std::vector<int> serverPids;  // --server-pid=a,b: memory is reported summed and per node
  // Against the reference relay of tests/bench: no HTTP API, so participants, rooms and (unsigned)
  // tokens are made here, and the leak check through the API is skipped.
  bool reference = false;
};

// "a,b,c" as {"a", "b", "c"}.
std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> items;
  for (size_t start = 0, end = 0; end != std::string::npos; start = end + 1) {
    end = text.find(',', start);
    items.push_back(text.substr(start, end == std::string::npos ? end : end - start));
    if (items.back().empty()) throw std::invalid_argument("empty item in list " + text);
  }
  return items;
}

Options parseOptions(int argc, char** argv) {
  Options o;
  if (const char* key = std::getenv("CALLSESSION_AUTH_KEY")) o.authKey = key;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
    if (name == "--port")
      o.ports = {value};
    else if (name == "--ports")
      o.ports = splitList(value);
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
    else if (name == "--window")
      o.window = std::stoul(value);
    else if (name == "--churn")
      o.churnPerSecond = std::stod(value);
    else if (name == "--server-pid")
      for (const auto& pid : splitList(value)) o.serverPids.push_back(std::stoi(pid));
    else if (name == "--reference")
      o.reference = true;
    else
      throw std::invalid_argument("unknown option " + arg);
  }
  if (o.roomSize < 2) throw std::invalid_argument("--room-size must be at least 2");
  if (o.reference && o.ports.size() > 1) {
    throw std::invalid_argument("--reference: the reference relay is one process, give one port");
  }
  return o;
}

// Resident memory of a server in KiB.
long residentKiB(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

// Server memory in KiB (0 when no pid was given).
struct Memory {
  long before = 0;
  long peak = 0;
  long after = 0;
};

nlohmann::json toJson(const Memory& m) {
  return {{"before", m.before}, {"peak", m.peak}, {"after", m.after}};
}

struct Participant {
  std::string uid;
  std::string authToken;
  std::string sessionId;
  std::string peerUid;  // the next one in the room: where this one's signals go
  size_t node = 0;      // index in Options::ports of the node this one connects to
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
      // Alternating: with two nodes and an even room size, every signal goes to the other node.
      people[i].node = (i - first) % o.ports.size();
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
  ApiClient api(io, o.host, o.ports.front());
  std::cerr << "setting up " << o.connections << " participants in rooms of " << o.roomSize << "\n";
  const std::vector<Participant> people = setUp(api, o);
  std::vector<std::string> tokens;
  for (const auto& p : people) tokens.push_back(mintToken(api, p, o.reference));

  // Each node's memory, and the sum over the nodes, whose peak is the largest sum sampled (nodes
  // need not peak at the same moment). Peak: sampled from the first connection to the last leave.
  std::vector<Memory> nodeMemory(o.serverPids.size());
  Memory memory;
  auto sampleMemory = [&](long Memory::*field) {
    // Before and after: the value now; peak: the largest yet.
    auto record = [field](Memory& m, long kib) {
      m.*field = field == &Memory::peak ? std::max(m.peak, kib) : kib;
    };
    long sum = 0;
    for (size_t n = 0; n < o.serverPids.size(); ++n) {
      const long kib = residentKiB(o.serverPids[n]);
      record(nodeMemory[n], kib);
      sum += kib;
    }
    record(memory, sum);
  };
  sampleMemory(&Memory::before);
  sampleMemory(&Memory::peak);

  std::vector<boost::asio::ip::tcp::endpoint> nodes;
  for (const auto& port : o.ports) {
    nodes.emplace_back(boost::asio::ip::make_address(o.host),
                       static_cast<unsigned short>(std::stoi(port)));
  }
  LoadStats stats;
  std::vector<std::shared_ptr<LoadClient>> clients;

  // Connect in batches, so the listen backlog is never the thing being measured.
  const auto connectStart = Clock::now();
  size_t started = 0;
  auto startSome = [&] {
    for (size_t batch = 0; batch < 200 && started < people.size(); ++batch, ++started) {
      const Participant& p = people[started];
      clients.push_back(
          std::make_shared<LoadClient>(io, nodes[p.node], o.host, p.uid, p.peerUid, stats));
      clients.back()->join(tokens[started]);
    }
    sampleMemory(&Memory::peak);
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
  stats.closedLoop = o.window > 0;
  for (size_t started = 0; started < o.window; ++started) {
    for (auto& client : clients) client->sendSignal();
  }
  const size_t receivedBefore = stats.signalsReceived;
  // CPU used over exactly the measured window: each server's, and the generator's own (to tell
  // whether the generator, not the server, was the limit).
  auto serverCpu = [&] {
    double sum = 0;
    for (int pid : o.serverPids) sum += cpuSeconds(pid);
    return sum;
  };
  const double serverCpuBefore = serverCpu();
  const double generatorCpuBefore = cpuSeconds(getpid());
  const auto windowStart = Clock::now();
  runUntil(
      io, std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds)),
      [] { return false; },
      [&] {
        const double elapsed = std::chrono::duration<double>(Clock::now() - last).count();
        last = Clock::now();
        if (o.window == 0) {
          signalDebt += elapsed * o.signalsPerClientPerSecond * static_cast<double>(clients.size());
        }
        churnDebt += elapsed * o.churnPerSecond;
        for (; signalDebt >= 1; signalDebt -= 1) clients[cursor++ % clients.size()]->sendSignal();
        for (; churnDebt >= 1; churnDebt -= 1, ++churns) {
          const size_t i = anyone(random);
          clients[i]->leave();
          clients[i] = std::make_shared<LoadClient>(io, nodes[people[i].node], o.host,
                                                    people[i].uid, people[i].peerUid, stats);
          clients[i]->join(mintToken(api, people[i], o.reference));
        }
        sampleMemory(&Memory::peak);
      });
  stats.measuring = false;
  const double window = std::chrono::duration<double>(Clock::now() - windowStart).count();
  const double serverCpuSeconds = serverCpu() - serverCpuBefore;
  const double generatorCpuSeconds = cpuSeconds(getpid()) - generatorCpuBefore;
  const auto relayed = static_cast<double>(stats.signalsReceived - receivedBefore);
  const double relayedPerSecond = relayed / window;
  // Messages relayed per second of server CPU: what one core of this server could relay were it
  // the only limit (null when no pid was given or the window cost too little to measure).
  const nlohmann::json relayedPerServerCpuSecond =
      serverCpuSeconds > 0 ? nlohmann::json(relayed / serverCpuSeconds) : nlohmann::json();
  // Churned participants may be mid-rejoin when the window closes: let them land, then count.
  runUntil(
      io, std::chrono::seconds(5), [&] { return stats.joined == clients.size(); }, [] {});
  const size_t held = stats.joined;

  // Everyone leaves; then every room must be empty and the server's memory should come back.
  for (auto& client : clients) client->leave();
  runUntil(
      io, std::chrono::seconds(3), [] { return false; }, [&] { sampleMemory(&Memory::peak); });
  size_t leaked = 0;
  for (size_t room = 0; !o.reference && room * o.roomSize < people.size(); ++room) {
    auto answer = api.get("/api/meetings/" + people[room * o.roomSize].sessionId + "/participants");
    if (answer.body.is_array()) leaked += answer.body.size();
  }
  sampleMemory(&Memory::after);

  nlohmann::json report = {
      {"nodes", o.ports.size()},
      {"connections", o.connections},
      {"roomSize", o.roomSize},
      {"window", o.window},
      {"connectSeconds", connectSeconds},
      {"held", held},
      {"failures", stats.failures},
      {"churns", churns},
      {"windowSeconds", window},
      {"relayedPerSecond", relayedPerSecond},
      {"serverCpuSeconds", serverCpuSeconds},
      {"serverCpuPerWindowSecond", serverCpuSeconds / window},
      {"relayedPerServerCpuSecond", relayedPerServerCpuSecond},
      {"generatorCpuSeconds", generatorCpuSeconds},
      {"relayP50Micros", stats.latency.percentile(50)},
      {"relayP99Micros", stats.latency.percentile(99)},
      {"latencySamples", stats.latency.count()},
      {"serverMemoryKiB", toJson(memory)},
      {"leakedParticipants", leaked},
      {"failureReasons", stats.failureReasons},
  };
  if (nodeMemory.size() > 1) {
    for (const auto& node : nodeMemory) report["serverMemoryKiBPerNode"].push_back(toJson(node));
  }
  std::cout << report.dump() << std::endl;
  return stats.failures == 0 && leaked == 0 && held == o.connections ? 0 : 1;
} catch (const std::exception& e) {
  std::cerr << "loadgen: " << e.what() << "\n";
  return 2;
}
