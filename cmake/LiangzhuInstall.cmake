# `cmake --install`: the engine as a CMake package (find_package(liangzhu) -> liangzhu::engine, its
# public headers and liangzhuConfig.cmake), and the `liangzhu` command with the shipped scenarios
# where it looks for them (bin/../share/liangzhu/scenarios). The layers above the engine are
# liangzhu's own and stay inside the build.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(_liangzhu_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/liangzhu)

set_target_properties(liangzhu_engine PROPERTIES EXPORT_NAME engine)
install(TARGETS liangzhu_engine EXPORT liangzhuTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/liangzhu/engine
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/liangzhu)
install(EXPORT liangzhuTargets NAMESPACE liangzhu:: DESTINATION ${_liangzhu_cmake_dir})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/liangzhuConfig.cmake.in
  ${PROJECT_BINARY_DIR}/liangzhuConfig.cmake INSTALL_DESTINATION ${_liangzhu_cmake_dir})
# Before 1.0 a minor version may break the API, so a request for 0.1 accepts only 0.1.x.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/liangzhuConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/liangzhuConfig.cmake
              ${PROJECT_BINARY_DIR}/liangzhuConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/FindRandom123.cmake
  DESTINATION ${_liangzhu_cmake_dir})

install(TARGETS liangzhu RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/liangzhu/scenarios
  PATTERN testdata EXCLUDE)  # the loader's error cases, for tests/io only
