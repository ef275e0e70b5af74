# ik_add_builtin_plugin(NAME SOURCES...)
# One source, two builds: an object library compiled into the core (registered through NAME's entry
# point `ik_NAME_init`) and a loadable module `ik_NAME.so` built from the same sources, so the C ABI is
# exercised by real code in every test run.
function(ik_add_builtin_plugin NAME)
  set(sources ${ARGN})
  add_library(ik_${NAME}_obj OBJECT ${sources})
  target_link_libraries(ik_${NAME}_obj PUBLIC incidentkit::sdk ik_text)
  # Compiled into the core: the SDK takes the in-process host's shortcuts (see sdk.hpp).
  target_compile_definitions(ik_${NAME}_obj PRIVATE IK_SDK_IN_PROCESS)
  add_library(ik_${NAME} MODULE ${sources})
  target_link_libraries(ik_${NAME} PRIVATE incidentkit::sdk ik_text)
  target_compile_definitions(ik_${NAME} PRIVATE IK_PLUGIN_LOADABLE)
  set_target_properties(ik_${NAME} PROPERTIES PREFIX "" LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/plugins)
  set_property(GLOBAL APPEND PROPERTY IK_BUILTIN_PLUGINS ${NAME})
endfunction()
