# The parts of lambda-lint and the arrows between them (docs/architecture.md).
#
# lambda_lint_part(NAME SOURCES ... [DEPENDS part ...] [LINK lib ...] [MODULE])
#
# Builds the part NAME (the folder NAME/) as the library lambda_lint_NAME. Its sources see only
# what it may include: its include root, build/include-roots/NAME, holds a link to its own folder
# and one to each part it depends on (directly or through a part it depends on), and nothing
# else. An `#include "package/Package.h"` in a part that may not use package/ does not compile.
# test/harness/check_arrows.py checks the direct arrows against the table in
# docs/architecture.md, which the build cannot (a transitive dependency's headers are visible).
set(LAMBDA_LINT_INCLUDE_ROOTS "${CMAKE_BINARY_DIR}/include-roots")

# The part's own folder and those of every part it depends on, directly or not.
function(_lambda_lint_part_closure out)
  set(result)
  set(todo ${ARGN})
  while(todo)
    list(POP_FRONT todo p)
    if(NOT p IN_LIST result)
      list(APPEND result ${p})
      list(APPEND todo ${LAMBDA_LINT_PART_DEPENDS_${p}})
    endif()
  endwhile()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# An include root that exposes exactly `parts` (folders of the source tree).
function(lambda_lint_include_root name)
  set(root "${LAMBDA_LINT_INCLUDE_ROOTS}/${name}")
  file(REMOVE_RECURSE "${root}")
  file(MAKE_DIRECTORY "${root}")
  foreach(p ${ARGN})
    file(CREATE_LINK "${CMAKE_SOURCE_DIR}/${p}" "${root}/${p}" SYMBOLIC)
  endforeach()
endfunction()

function(lambda_lint_part name)
  cmake_parse_arguments(P "" "" "SOURCES;DEPENDS;LINK" ${ARGN})
  set(LAMBDA_LINT_PART_DEPENDS_${name} ${P_DEPENDS} CACHE INTERNAL "parts ${name} depends on")
  _lambda_lint_part_closure(visible ${name} ${P_DEPENDS})
  lambda_lint_include_root(${name} ${visible})
  add_library(lambda_lint_${name} STATIC ${P_SOURCES})
  target_include_directories(lambda_lint_${name} PRIVATE "${LAMBDA_LINT_INCLUDE_ROOTS}/${name}")
  foreach(d ${P_DEPENDS})
    target_link_libraries(lambda_lint_${name} PUBLIC lambda_lint_${d})
  endforeach()
  if(P_LINK)
    target_link_libraries(lambda_lint_${name} ${P_LINK})
  endif()
  set_property(GLOBAL APPEND PROPERTY LAMBDA_LINT_PARTS ${name})
endfunction()

# For a target that is not a part (an executable, a plugin, a test): compile it with the include
# root of `parts` (and what they depend on).
function(lambda_lint_uses target)
  _lambda_lint_part_closure(visible ${ARGN})
  lambda_lint_include_root(${target} ${visible})
  target_include_directories(${target} PRIVATE "${LAMBDA_LINT_INCLUDE_ROOTS}/${target}")
endfunction()
