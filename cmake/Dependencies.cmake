# Third-party libraries, one place for every platform choice.

# nlohmann/json is header-only. Natively Debian's CMake package finds it; under Emscripten we must
# not add /usr/include (it would pull glibc headers into the wasm sysroot), so we expose only the
# nlohmann folder through a symlink in the build tree.
if(EMSCRIPTEN)
  set(CALLSESSION_JSON_INCLUDE "${CMAKE_BINARY_DIR}/third_party_include")
  file(MAKE_DIRECTORY "${CALLSESSION_JSON_INCLUDE}")
  file(CREATE_LINK /usr/include/nlohmann "${CALLSESSION_JSON_INCLUDE}/nlohmann" SYMBOLIC)
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${CALLSESSION_JSON_INCLUDE}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
endif()

# GoogleTest: the native build uses the installed package; the wasm build compiles Debian's
# sources (gtest is not shipped prebuilt for wasm).
if(EMSCRIPTEN)
  set(gtest_disable_pthreads ON CACHE BOOL "" FORCE)
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  # Defines GTest::gtest and GTest::gtest_main, as find_package does natively.
  add_subdirectory(/usr/src/googletest "${CMAKE_BINARY_DIR}/googletest" EXCLUDE_FROM_ALL)
else()
  find_package(GTest 1.12 REQUIRED)
endif()
include(GoogleTest)
