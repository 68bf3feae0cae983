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

// Forks the server with `environment` (PORT=0 added); the write end of `pipeFds` becomes its
// `pipedFd`, `stderrFd` (unless -1) its stderr. Closes the write end in the parent.
pid_t spawnServer(std::map<std::string, std::string> environment, const int (&pipeFds)[2],
                  int pipedFd, int stderrFd) {
  environment.emplace("PORT", "0");
  std::vector<std::string> entries;
  entries.reserve(environment.size());
  for (const auto& [name, value] : environment) entries.push_back(name + '=' + value);
  std::vector<char*> envp;
  envp.reserve(entries.size() + 1);
  for (auto& entry : entries) envp.push_back(entry.data());
  envp.push_back(nullptr);

  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipeFds[1], pipedFd);
    if (stderrFd >= 0) dup2(stderrFd, STDERR_FILENO);
    close(pipeFds[0]);
    close(pipeFds[1]);
    char* argv[] = {const_cast<char*>(CALLSESSION_SERVER_BINARY), nullptr};
    execve(CALLSESSION_SERVER_BINARY, argv, envp.data());
    _exit(127);
  }
  close(pipeFds[1]);
  return pid;
}

}  // namespace

ServerProcess::ServerProcess(std::map<std::string, std::string> environment,
                             const std::filesystem::path& logPath) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  const int log =
      logPath.empty() ? -1 : open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  pid_ = spawnServer(std::move(environment), out, STDOUT_FILENO, log);
  if (log >= 0) close(log);
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

FailedStart runUntilExit(std::map<std::string, std::string> environment) {
  int err[2];
  if (pipe(err) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = spawnServer(std::move(environment), err, STDERR_FILENO, -1);
  FailedStart result;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd ready{err[0], POLLIN, 0};
    if (poll(&ready, 1, 100) <= 0) continue;
    char chunk[512];
    const ssize_t count = read(err[0], chunk, sizeof chunk);
    if (count <= 0) break;  // the server exited (or closed its stderr)
    result.log.append(chunk, static_cast<size_t>(count));
  }
  close(err[0]);
  result.exitStatus = waitForExit(pid, std::chrono::seconds(1));
  return result;
}

}  // namespace callsession::server::testing
