# Compile options applied per target (never globally), so that consumers of the
# libraries are not forced into our warning level.
function(liangzhu_target_options target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    # Branch-free scans combine booleans with `|` on purpose (model/founding.cpp).
    target_compile_options(${target} PRIVATE -Wno-bitwise-instead-of-logical)
  endif()
  if(LIANGZHU_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(LIANGZHU_SANITIZE)
    target_compile_options(${target} PUBLIC -fsanitize=${LIANGZHU_SANITIZE} -fno-omit-frame-pointer
      -fno-sanitize-recover=all)
    target_link_options(${target} PUBLIC -fsanitize=${LIANGZHU_SANITIZE})
    # GCC 12's flow analysis under sanitizers reports uninitialised members inside libstdc++
    # (<regex>, std::function) that are not; the sanitizers themselves check the real thing.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
  endif()
endfunction()
