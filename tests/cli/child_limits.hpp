#pragma once
/// @file Hooks for cli_test::start that change what a `liangzhu` process may do: a file size
/// limit (a disk that fills up under it) and another user (files it may not write, even when the
/// tests run as root). They run in the forked child before exec: async-signal-safe calls only.
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli_test_support.hpp"

namespace liangzhu::cli::testing {

/// The exit code of a child that could not become the user it was asked to run as.
constexpr int cannot_change_user = 126;

/// No file the process writes may grow beyond `bytes`: a write past it fails with EFBIG, as a
/// write to a full disk fails with ENOSPC (SIGXFSZ, which would kill it instead, is ignored).
inline child_hook file_size_limit(rlim_t bytes) {
  return [bytes] {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{bytes, bytes};
    ::setrlimit(RLIMIT_FSIZE, &limit);
  };
}

/// The process may map at most `bytes` of address space: an allocation past it fails, as it
/// does on a machine whose memory other programs took. (Not under the sanitizers, which reserve
/// terabytes of address space for their shadow memory.)
inline child_hook address_space_limit(rlim_t bytes) {
  return [bytes] {
    const rlimit limit{bytes, bytes};
    ::setrlimit(RLIMIT_AS, &limit);
  };
}

/// The 'nobody' user and group of Debian.
constexpr uid_t nobody_uid = 65534;
constexpr gid_t nobody_gid = 65534;

/// The process runs as `nobody` (only possible when the tests run as root; otherwise it runs as
/// the tests' user, who owns the files anyway).
inline child_hook as_nobody() {
  return [] {
    if (::geteuid() != 0) return;
    if (::setgroups(0, nullptr) != 0 || ::setgid(nobody_gid) != 0 || ::setuid(nobody_uid) != 0)
      ::_exit(cannot_change_user);
  };
}

}  // namespace liangzhu::cli::testing
