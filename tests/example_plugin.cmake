# Installs incidentkit into a temporary prefix, builds examples/plugin against it with
# find_package(incidentkit), then loads the result and checks its extractor ran.
# Variables: SOURCE_DIR, BUILD_DIR, WORK_DIR, GENERATOR, LOADER.
file(REMOVE_RECURSE ${WORK_DIR})

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
run("configure the example" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/plugin -B ${WORK_DIR}/build
    -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_BUILD_TYPE=Release)
run("build the example" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run("load the example" ${LOADER} ${WORK_DIR}/build/curfews.so
    "Authorities imposed a curfew in Kidal. The lockdown ended a week later.")
string(REGEX MATCHALL "\"label\":\"curfew\"" found "${output}")
list(LENGTH found count)
if(NOT count EQUAL 2)
  message(FATAL_ERROR "expected 2 curfew mentions, got ${count}:\n${output}")
endif()
message(STATUS "example plugin: ${count} curfew mentions")
