#pragma once

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace callsession::load {

// CPU time a process has used so far, user + system, summed over all its threads, in seconds
// (from /proc/PID/stat; 0 if the process is gone). Sampled at both ends of a measured window it
// says what the window cost that process, whatever else shared the machine: on a machine where
// the generator and the server share the cores, achieved throughput measures whichever is slower,
// and CPU per message is what compares two servers.
inline double cpuSeconds(int pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  // The command name (field 2) is in parentheses and may hold spaces; fields count from its end.
  const auto nameEnd = stat.rfind(')');
  if (nameEnd == std::string::npos) return 0;
  std::istringstream fields(stat.substr(nameEnd + 2));
  std::string skipped;
  for (int field = 3; field < 14; ++field) fields >> skipped;  // state .. cmajflt
  unsigned long long userTicks = 0;
  unsigned long long systemTicks = 0;
  fields >> userTicks >> systemTicks;  // fields 14 and 15
  return static_cast<double>(userTicks + systemTicks) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace callsession::load
