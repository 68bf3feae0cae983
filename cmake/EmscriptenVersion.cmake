# The SDK is built and size-measured with one Emscripten version; a different one may still work
# but produces different output, so say so loudly and say how to get the pinned one.
file(READ "${PROJECT_SOURCE_DIR}/emsdk-version.txt" CALLSESSION_EMSDK_PINNED)
string(STRIP "${CALLSESSION_EMSDK_PINNED}" CALLSESSION_EMSDK_PINNED)
execute_process(COMMAND "${CMAKE_CXX_COMPILER}" --version
                OUTPUT_VARIABLE emcc_version_text ERROR_QUIET)
string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" CALLSESSION_EMSDK_FOUND "${emcc_version_text}")
if(NOT CALLSESSION_EMSDK_FOUND STREQUAL CALLSESSION_EMSDK_PINNED)
  message(WARNING
    "Emscripten ${CALLSESSION_EMSDK_FOUND} found, but this project pins ${CALLSESSION_EMSDK_PINNED} "
    "(emsdk-version.txt). Install the pinned one with: apt-get install emscripten (Debian bookworm), "
    "or: emsdk install ${CALLSESSION_EMSDK_PINNED} && emsdk activate ${CALLSESSION_EMSDK_PINNED}")
endif()
