# The C++ frontend (issue 6) builds on Clang LibTooling from LLVM 16. It is optional: without
# LLVM/Clang 16 the tool still builds for Python and JavaScript and says C++ was not built.
#
# Sets LAMBDA_LINT_CPP (cache option, default ON when Clang 16's CMake package is found) and,
# when on, the imported targets clang-cpp and LLVM plus LAMBDA_LINT_CLANG_RESOURCE_DIR.
#
# LLVM 16 quirks met here:
#  - ClangConfig.cmake calls find_package(LLVM) itself and its exports check that every listed
#    file exists; Debian's libclang-16-dev/llvm-16-dev provide them all.
#  - The exports list static component libraries (clangAST, LLVMSupport, ...); linking those pulls
#    ~100 archives. We link the two shared libraries instead: libclang-cpp.so.16 and
#    libLLVM-16.so (Debian builds with LLVM_LINK_LLVM_DYLIB).
#  - find_package(Clang) needs both C and CXX enabled (the project enables both).
#  - LLVM is built with RTTI on Debian (LLVM_ENABLE_RTTI), so no -fno-rtti is needed; its
#    headers need LLVM_DEFINITIONS.
set(LAMBDA_LINT_CLANG_DIR "/usr/lib/llvm-16/lib/cmake/clang" CACHE PATH
    "Where Clang 16's ClangConfig.cmake is (Debian: /usr/lib/llvm-16/lib/cmake/clang)")
if(NOT DEFINED CACHE{LAMBDA_LINT_CPP} OR LAMBDA_LINT_CPP)
  find_package(Clang 16 CONFIG QUIET
    HINTS "${LAMBDA_LINT_CLANG_DIR}"
    NO_DEFAULT_PATH)
  if(NOT Clang_FOUND)
    find_package(Clang 16 CONFIG QUIET)
  endif()
endif()
set(_ll_cpp_default OFF)
if(Clang_FOUND AND TARGET clang-cpp AND TARGET LLVM)
  set(_ll_cpp_default ON)
endif()
option(LAMBDA_LINT_CPP "Build the C++ frontend (needs LLVM/Clang 16: libclang-16-dev, llvm-16-dev)"
       ${_ll_cpp_default})
if(LAMBDA_LINT_CPP AND NOT _ll_cpp_default)
  message(FATAL_ERROR "LAMBDA_LINT_CPP is ON but Clang 16's CMake package was not found "
                      "(install libclang-16-dev and llvm-16-dev, set LAMBDA_LINT_CLANG_DIR, "
                      "or configure with -DLAMBDA_LINT_CPP=OFF)")
endif()
if(LAMBDA_LINT_CPP)
  # Builtin headers (<stddef.h>, <stdarg.h>, ...) come from the resource dir of the Clang we
  # link; LibTooling looks for it next to the running executable, which is not where ours lives.
  set(LAMBDA_LINT_CLANG_RESOURCE_DIR "${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}")
  if(NOT EXISTS "${LAMBDA_LINT_CLANG_RESOURCE_DIR}/include/stddef.h")
    message(WARNING "Clang resource dir ${LAMBDA_LINT_CLANG_RESOURCE_DIR} has no "
                    "include/stddef.h: C++ files including standard headers will not parse")
  endif()
  message(STATUS "C++ frontend: Clang ${Clang_VERSION} (${LLVM_LIBRARY_DIR}), "
                 "resource dir ${LAMBDA_LINT_CLANG_RESOURCE_DIR}")
else()
  message(STATUS "C++ frontend: not built (LAMBDA_LINT_CPP=OFF)")
endif()
# LLVM_DEFINITIONS as a list, for the targets that include Clang headers.
separate_arguments(_ll_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
