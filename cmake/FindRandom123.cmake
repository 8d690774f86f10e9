# Random123, the header-only library of engine/rng.hpp's Philox generator, ships no CMake package:
# this finds its headers as the imported target Random123::Random123. It is installed beside
# liangzhuConfig.cmake, so a project using the installed engine finds Random123 the same way.
include(FindPackageHandleStandardArgs)

find_path(Random123_INCLUDE_DIR Random123/philox.h)
mark_as_advanced(Random123_INCLUDE_DIR)
find_package_handle_standard_args(Random123 REQUIRED_VARS Random123_INCLUDE_DIR)

if(Random123_FOUND AND NOT TARGET Random123::Random123)
  add_library(Random123::Random123 INTERFACE IMPORTED)
  set_target_properties(Random123::Random123 PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${Random123_INCLUDE_DIR}")
endif()
