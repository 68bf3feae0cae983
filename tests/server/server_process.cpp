#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace callsession::server::testing {
namespace {

// Reads the child's first stdout line, waiting at most `timeout`.
std::string readLine(int fd, std::chrono::milliseconds timeout) {
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd ready{fd, POLLIN, 0};
    if (poll(&ready, 1, 100) <= 0) continue;
    char c = 0;
    if (read(fd, &c, 1) != 1) break;
    if (c == '\n') return line;
    line += c;
  }
  throw std::runtime_error("the server printed no ready line (got: '" + line + "')");
}

// Waits for the child to exit; its exit status, or -1 when it had to be killed.
int waitForExit(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return -1;
}

}  // namespace

ServerProcess::ServerProcess(std::map<std::string, std::string> environment) {
  environment.emplace("PORT", "0");
  std::vector<std::string> entries;
  entries.reserve(environment.size());
  for (const auto& [name, value] : environment) entries.push_back(name + '=' + value);
  std::vector<char*> envp;
  envp.reserve(entries.size() + 1);
  for (auto& entry : entries) envp.push_back(entry.data());
  envp.push_back(nullptr);

  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    char* argv[] = {const_cast<char*>(CALLSESSION_SERVER_BINARY), nullptr};
    execve(CALLSESSION_SERVER_BINARY, argv, envp.data());
    _exit(127);
  }
  close(out[1]);
  stdout_ = out[0];
  try {
    readyLine_ = readLine(stdout_, std::chrono::seconds(10));
  } catch (...) {
    killHard();
    throw;
  }
  const size_t colon = readyLine_.rfind(':');
  port_ = static_cast<unsigned short>(std::stoi(readyLine_.substr(colon + 1)));
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) terminate();
}

void ServerProcess::killHard() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  close(stdout_);
}

int ServerProcess::terminate() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  const int status = waitForExit(pid_, std::chrono::seconds(5));
  pid_ = -1;
  close(stdout_);
  return status;
}

}  // namespace callsession::server::testing
