// The build without MPI: experiments run in one process; started by mpirun, liangzhu says so
// instead of letting every rank run the whole experiment into the same store.
#include <cstdlib>
#include <string>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/cluster.hpp"

namespace liangzhu::experiment {

std::unique_ptr<cluster> cluster::join_if_launched() {
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
    const char* size = std::getenv(variable);
    if (size != nullptr && std::atoi(size) > 1)
      throw input_error(
          "started by mpirun, but this liangzhu was built without MPI (install libopenmpi-dev "
          "and rebuild with -DLIANGZHU_WITH_MPI=ON)");
  }
  return nullptr;
}

bool cluster::available() { return false; }

}  // namespace liangzhu::experiment
