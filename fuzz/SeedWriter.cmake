# Writes the checkpoint fuzz target's seeds (small checkpoints and job results) into a folder:
#   build/release/fuzz_checkpoint_seeds fuzz/corpus/checkpoint
# An ordinary program, built with the tests (and by the fuzz preset), so that any build can
# rewrite the seeds when the checkpoint layout changes (docs/reliability.md).
add_executable(fuzz_checkpoint_seeds ${CMAKE_CURRENT_LIST_DIR}/checkpoint_seeds.cpp)
liangzhu_target_options(fuzz_checkpoint_seeds)
target_link_libraries(fuzz_checkpoint_seeds PRIVATE liangzhu::experiment)
target_compile_definitions(fuzz_checkpoint_seeds PRIVATE LIANGZHU_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
