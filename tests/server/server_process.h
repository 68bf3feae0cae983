#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>

namespace callsession::server::testing {

// The real callsession-server binary, started on a free loopback port (PORT=0) with its own
// database, and stopped with SIGTERM when the object goes.
class ServerProcess {
 public:
  // Starts the binary with `environment` (and nothing inherited) and waits for its ready line.
  // With `logPath`, its stderr (the log) goes to that file.
  explicit ServerProcess(std::map<std::string, std::string> environment,
                         const std::filesystem::path& logPath = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  [[nodiscard]] unsigned short port() const { return port_; }
  [[nodiscard]] const std::string& readyLine() const { return readyLine_; }
  // kill -9: no chance to flush or close anything.
  void killHard();
  // SIGTERM; the exit status.
  int terminate();

 private:
  pid_t pid_ = -1;
  // Kept open while the server runs, so a late write to its stdout cannot fail.
  int stdout_ = -1;
  unsigned short port_ = 0;
  std::string readyLine_;
};

// A start that is expected to fail: the binary with `environment` (PORT=0 added), run until it
// exits (killed after 10 s). Its exit status and everything it wrote to stderr.
struct FailedStart {
  int exitStatus = -1;
  std::string log;
};
FailedStart runUntilExit(std::map<std::string, std::string> environment);

}  // namespace callsession::server::testing
