# Writes OUTPUT, a source defining liangzhu::git_revision, from the git revision of SOURCE_DIR.
# Run at every build (not only at configure time), so an incremental build never reports the
# revision it was configured at; the file is rewritten only when the revision changes, so nothing
# recompiles otherwise.
set(revision "unknown")
find_package(Git QUIET)
if(GIT_FOUND)
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short=12 HEAD
    WORKING_DIRECTORY ${SOURCE_DIR} OUTPUT_VARIABLE head OUTPUT_STRIP_TRAILING_WHITESPACE
    ERROR_QUIET RESULT_VARIABLE rc)
  if(rc EQUAL 0)
    set(revision "${head}")
    # A build of uncommitted changes says so.
    execute_process(COMMAND ${GIT_EXECUTABLE} diff --quiet HEAD --
      WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE dirty ERROR_QUIET)
    if(NOT dirty EQUAL 0)
      string(APPEND revision "-dirty")
    endif()
  endif()
endif()
file(WRITE ${OUTPUT}.new
  "// Generated at build time by cmake/WriteRevision.cmake: do not edit.\n"
  "#include \"liangzhu/version.hpp\"\n"
  "namespace liangzhu {\nconst char* const git_revision = \"${revision}\";\n}  // namespace liangzhu\n")
file(COPY_FILE ${OUTPUT}.new ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.new)
