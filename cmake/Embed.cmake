# lambda_lint_embed(OUT DOCS md... CATALOGUE yaml IMPORT_COSTS yaml)
# Generates a C++ source that holds the rule pages of docs/rules and the default catalogue as
# string data, so the binary carries them wherever it is installed.
function(lambda_lint_embed out)
  cmake_parse_arguments(E "" "CATALOGUE;IMPORT_COSTS" "DOCS" ${ARGN})
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DCATALOGUE=${E_CATALOGUE}
            -DIMPORT_COSTS=${E_IMPORT_COSTS} "-DDOCS=${E_DOCS}"
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${E_DOCS} ${E_CATALOGUE} ${E_IMPORT_COSTS} ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding rule docs and the catalogue"
    VERBATIM)
endfunction()
