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
  explicit ServerProcess(std::map<std::string, std::string> environment);
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

}  // namespace callsession::server::testing
