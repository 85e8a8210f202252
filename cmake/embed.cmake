# presslens_embed(target function files...): a static library whose generated source defines
#   std::span<const presslens::EmbeddedFile> presslens::<function>();
# with each file's bytes and base name. Generated at build time by cmake/embed_files.py.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
function(presslens_embed target func)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/generated/${target}.cpp)
  add_custom_command(OUTPUT ${out}
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/cmake/embed_files.py ${out} ${func} ${ARGN}
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/embed_files.py
    COMMENT "Embedding ${func}" VERBATIM)
  add_library(${target} STATIC ${out})
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src)
endfunction()
