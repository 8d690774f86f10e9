// Experiments over MPI. Protocol (rank 0 = coordinator; every message is small except results):
//   worker -> 0  request     "give me a job" (one per free thread)
//   0 -> worker  job | stop  the job's bytes, or no more jobs
//   worker -> 0  result      a finished job's serialized result
//   worker -> 0  cancelled   a job a stop cancelled (rank 0 stops counting it)
//   worker -> 0  error       a job threw: its message; rank 0 reports it and aborts the MPI job
//   0 -> worker  batch | done  searches that plan batch by batch: the next batch to plan and
//                            serve as above, or the end of the search
// Rank 0 hands jobs to its own threads the same way, so one loop balances every core.
#include <mpi.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "experiment/job_pool.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/cluster.hpp"

namespace liangzhu::experiment {
namespace {

enum tag : int {
  request = 1,
  job_msg = 2,
  stop_msg = 3,
  result_msg = 4,
  cancelled_msg = 5,
  error_msg = 6,
  batch_msg = 7,
  done_msg = 8
};

/// How long an idle coordinator or worker sleeps between polls: short against a run's seconds.
constexpr auto idle_wait = std::chrono::microseconds(300);

void send_bytes(const void* data, std::size_t size, int to, int t) {
  MPI_Send(data, static_cast<int>(size), MPI_BYTE, to, t, MPI_COMM_WORLD);
}

std::vector<char> receive_bytes(const MPI_Status& probed) {
  int count = 0;
  MPI_Get_count(&probed, MPI_BYTE, &count);
  std::vector<char> bytes(static_cast<std::size_t>(count));
  MPI_Recv(bytes.data(), count, MPI_BYTE, probed.MPI_SOURCE, probed.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  return bytes;
}

std::string message_of(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

class mpi_cluster final : public cluster {
 public:
  mpi_cluster() {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~mpi_cluster() override { MPI_Finalize(); }

  int rank() const override { return rank_; }
  int size() const override { return size_; }

  void coordinate(const plan& p, std::span<const job> todo, const execution_settings& settings,
                  const result_handler& deliver) override {
    job_pool pool(p, settings);
    std::size_t next = 0;
    std::vector<int> in_flight(static_cast<std::size_t>(size_), 0);
    std::vector<bool> stopped(static_cast<std::size_t>(size_), false);
    const auto stop_requested = [&] { return settings.stop && settings.stop(); };
    const auto more = [&] { return next < todo.size() && !stop_requested(); };
    const auto workers_busy = [&] {
      for (int r = 1; r < size_; ++r)
        if (!stopped[static_cast<std::size_t>(r)] || in_flight[static_cast<std::size_t>(r)] > 0)
          return true;
      return false;
    };
    while (workers_busy() || pool.in_flight() > 0 || (more() && pool.free_slots() > 0)) {
      bool busy = false;
      while (pool.free_slots() > 0 && more()) pool.submit(todo[next++]);
      if (auto outcome = pool.collect(false)) {
        busy = true;
        if (outcome->error) std::rethrow_exception(outcome->error);
        if (outcome->result) deliver(std::move(*outcome->result));
      }
      int flag = 0;
      MPI_Status status;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
      if (flag != 0) {
        busy = true;
        const auto from = static_cast<std::size_t>(status.MPI_SOURCE);
        const std::vector<char> bytes = receive_bytes(status);
        switch (status.MPI_TAG) {
          case request:
            if (more()) {
              const job& task = todo[next++];
              send_bytes(&task, sizeof task, status.MPI_SOURCE, job_msg);
              ++in_flight[from];
            } else {
              send_bytes(nullptr, 0, status.MPI_SOURCE, stop_msg);
              stopped[from] = true;
            }
            break;
          case result_msg:
            --in_flight[from];
            deliver(deserialize({bytes.data(), bytes.size()}));
            break;
          case cancelled_msg:
            --in_flight[from];
            break;
          case error_msg:
            throw error("rank " + std::to_string(status.MPI_SOURCE) + ": " +
                        std::string(bytes.begin(), bytes.end()));
          default:
            break;
        }
      }
      if (!busy) std::this_thread::sleep_for(idle_wait);
    }
  }

  void serve(const plan& p, const execution_settings& settings) override {
    job_pool pool(p, settings);
    bool stopped = false;
    bool asked = false;  // a request is out and its answer not yet read
    while (!stopped || pool.in_flight() > 0 || asked) {
      bool busy = false;
      if (!stopped && !asked && pool.free_slots() > 0) {
        send_bytes(nullptr, 0, 0, request);
        asked = true;
      }
      int flag = 0;
      MPI_Status status;
      MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
      if (flag != 0) {
        busy = true;
        const std::vector<char> bytes = receive_bytes(status);
        asked = false;
        if (status.MPI_TAG == job_msg && bytes.size() == sizeof(job)) {
          job task;
          std::memcpy(&task, bytes.data(), sizeof task);
          pool.submit(task);
        } else {
          stopped = true;
        }
      }
      if (auto outcome = pool.collect(false)) {
        busy = true;
        if (outcome->result) {
          const std::vector<char> bytes = serialize(*outcome->result);
          send_bytes(bytes.data(), bytes.size(), 0, result_msg);
        } else if (outcome->error) {
          const std::string text = message_of(outcome->error);
          send_bytes(text.data(), text.size(), 0, error_msg);
        } else {
          send_bytes(nullptr, 0, 0, cancelled_msg);
        }
      }
      if (!busy) std::this_thread::sleep_for(idle_wait);
    }
  }

  void announce(std::span<const char> batch) override {
    for (int r = 1; r < size_; ++r) send_bytes(batch.data(), batch.size(), r, batch_msg);
  }

  void finish_announcements() override {
    for (int r = 1; r < size_; ++r) send_bytes(nullptr, 0, r, done_msg);
  }

  std::optional<std::vector<char>> next_announcement() override {
    // Between batches rank 0 sends nothing else: block until it says what comes next.
    MPI_Status status;
    MPI_Probe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
    std::vector<char> bytes = receive_bytes(status);
    if (status.MPI_TAG != batch_msg) return std::nullopt;
    return bytes;
  }

  [[noreturn]] void abort(int exit_code) override {
    MPI_Abort(MPI_COMM_WORLD, exit_code);
    std::_Exit(exit_code);  // MPI_Abort does not return; this keeps [[noreturn]] honest
  }

 private:
  int rank_ = 0;
  int size_ = 1;
};

bool launched_by_mpirun() {
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
    if (std::getenv(variable) != nullptr) return true;
  return false;
}

}  // namespace

std::unique_ptr<cluster> cluster::join_if_launched() {
  if (!launched_by_mpirun()) return nullptr;
  auto world = std::make_unique<mpi_cluster>();
  if (world->size() < 2) return nullptr;  // one rank: the same as running without mpirun
  return world;
}

bool cluster::available() { return true; }

}  // namespace liangzhu::experiment
