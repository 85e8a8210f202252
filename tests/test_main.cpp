// tests: the doctest runner, shared by the native and the wasm (node) test binaries.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
