# Compiler flags shared by every sitrep target.
add_library(sitrep_flags INTERFACE)
target_compile_options(sitrep_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wunused -Woverloaded-virtual -Wimplicit-fallthrough)
if(SITREP_WERROR)
  target_compile_options(sitrep_flags INTERFACE -Werror)
endif()
if(SITREP_SANITIZE)
  target_compile_options(sitrep_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(sitrep_flags INTERFACE -fsanitize=address,undefined)
endif()
