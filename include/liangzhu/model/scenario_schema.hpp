#pragma once
/// @file The scenario schema of the Liangzhu model and the reading of a scenario into typed
/// parameters.
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/io/schema.hpp"
#include "liangzhu/model/parameters.hpp"

namespace liangzhu::model {

/// Every key a Liangzhu scenario may set, with type, unit, range, default and source.
const io::schema& scenario_schema();

/// The typed parameters of a validated scenario. Throws input_error for what the schema alone
/// cannot check (a policy change naming an unknown instrument, a hub without incumbents...).
parameters read_parameters(const io::scenario& scenario);
/// As above, for a scenario reached through `depth` start_from links (cycles stop at a limit).
parameters read_parameters(const io::scenario& scenario, int depth);

}  // namespace liangzhu::model
