# Builds the tree-sitter runtime and the grammars lambda-lint parses with from the npm source
# packages pinned in package.json/package-lock.json (installed by `npm ci --ignore-scripts`).
# No tree-sitter source is committed to this repository.
set(_ts "${LAMBDA_LINT_NODE_MODULES}")
set(_ts_core "${_ts}/tree-sitter/vendor/tree-sitter/lib")
if(NOT EXISTS "${_ts_core}/src/lib.c")
  message(FATAL_ERROR
    "tree-sitter sources not found under ${_ts}.\n"
    "Run `npm ci` in ${CMAKE_SOURCE_DIR} (scripts/dev.sh does this for you).")
endif()
file(READ "${_ts}/tree-sitter/package.json" _ts_pkg)
string(JSON TREE_SITTER_VERSION GET "${_ts_pkg}" version)
# "tree-sitter-python 0.25.0, tree-sitter-javascript 0.25.0, tree-sitter-typescript 0.23.2", for
# `lambda-lint --version`: the versions of the grammar packages npm installed from the lock file.
set(TREE_SITTER_GRAMMAR_VERSIONS "")
foreach(_pkg tree-sitter-python tree-sitter-javascript tree-sitter-typescript)
  file(READ "${_ts}/${_pkg}/package.json" _pkg_json)
  string(JSON _pkg_version GET "${_pkg_json}" version)
  list(APPEND TREE_SITTER_GRAMMAR_VERSIONS "${_pkg} ${_pkg_version}")
endforeach()
list(JOIN TREE_SITTER_GRAMMAR_VERSIONS ", " TREE_SITTER_GRAMMAR_VERSIONS)
# Re-configure when `npm ci` installs other versions.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  "${_ts}/tree-sitter/package.json" "${_ts}/tree-sitter-python/package.json"
  "${_ts}/tree-sitter-javascript/package.json" "${_ts}/tree-sitter-typescript/package.json")

add_library(tree_sitter_runtime STATIC "${_ts_core}/src/lib.c")
target_include_directories(tree_sitter_runtime
  PUBLIC "${_ts_core}/include"
  PRIVATE "${_ts_core}/src")
set_target_properties(tree_sitter_runtime PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_definitions(tree_sitter_runtime PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
target_compile_options(tree_sitter_runtime PRIVATE -w)

set(_grammar_sources
  "${_ts}/tree-sitter-python/src/parser.c"
  "${_ts}/tree-sitter-python/src/scanner.c"
  "${_ts}/tree-sitter-javascript/src/parser.c"
  "${_ts}/tree-sitter-javascript/src/scanner.c"
  "${_ts}/tree-sitter-typescript/typescript/src/parser.c"
  "${_ts}/tree-sitter-typescript/typescript/src/scanner.c"
  "${_ts}/tree-sitter-typescript/tsx/src/parser.c"
  "${_ts}/tree-sitter-typescript/tsx/src/scanner.c")
# Each grammar has its own src/tree_sitter/parser.h; compile them as separate object libraries
# so every parser.c sees its own header.
set(_grammar_objects)
foreach(_g python javascript typescript/typescript typescript/tsx)
  string(REPLACE "/" "_" _name "${_g}")
  set(_dir "${_ts}/tree-sitter-${_g}")
  if(_g MATCHES "^typescript/")
    string(REPLACE "typescript/" "" _sub "${_g}")
    set(_dir "${_ts}/tree-sitter-typescript/${_sub}")
  endif()
  add_library(ts_grammar_${_name} OBJECT "${_dir}/src/parser.c" "${_dir}/src/scanner.c")
  target_include_directories(ts_grammar_${_name} PRIVATE "${_dir}/src")
  set_target_properties(ts_grammar_${_name} PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
  # Generated parsers are huge tables; -O1 builds several times faster than -O2 and parses
  # as fast in practice.
  target_compile_options(ts_grammar_${_name} PRIVATE -w -O1)
  list(APPEND _grammar_objects $<TARGET_OBJECTS:ts_grammar_${_name}>)
endforeach()
add_library(tree_sitter_grammars STATIC ${_grammar_objects})
target_link_libraries(tree_sitter_grammars PUBLIC tree_sitter_runtime)
set_target_properties(tree_sitter_grammars PROPERTIES LINKER_LANGUAGE C)
