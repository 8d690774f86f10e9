// Signal handling: the handlers do nothing but store a number in a lock-free atomic, which is
// all a handler may safely do; the run loop polls it between ticks.
#include "liangzhu/cli/signals.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>

#include "liangzhu/cli/exit_codes.hpp"

namespace liangzhu::cli {
namespace {

std::atomic<int> received{0};
static_assert(std::atomic<int>::is_always_lock_free);

struct sigaction previous_int {};
struct sigaction previous_term {};

extern "C" void on_interrupt(int signal) {
  int none = 0;
  received.compare_exchange_strong(none, signal);
}

extern "C" void on_abort(int) { ::_exit(to_int(exit_code::internal_error)); }

void install(int signal, void (*handler)(int), int flags, struct sigaction* previous) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = flags;
  ::sigaction(signal, &action, previous);
}

}  // namespace

interrupt_guard::interrupt_guard() {
  received = 0;
  // SA_RESETHAND: the first signal asks for a clean stop, a second one kills as usual (for a
  // user who does not want to wait for the current tick).
  install(SIGINT, on_interrupt, SA_RESETHAND, &previous_int);
  install(SIGTERM, on_interrupt, SA_RESETHAND, &previous_term);
}

interrupt_guard::~interrupt_guard() {
  ::sigaction(SIGINT, &previous_int, nullptr);
  ::sigaction(SIGTERM, &previous_term, nullptr);
}

bool interrupt_guard::requested() const noexcept { return received.load() != 0; }

const char* interrupt_guard::signal_name() const noexcept {
  switch (received.load()) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    default:
      return "";
  }
}

void exit_1_on_abort() { install(SIGABRT, on_abort, 0, nullptr); }

}  // namespace liangzhu::cli
