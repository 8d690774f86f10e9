#include "liangzhu/cli/cli.hpp"

int main(int argc, char** argv) { return liangzhu::cli::run_cli(argc, argv); }
