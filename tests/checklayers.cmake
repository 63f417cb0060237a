# Issue 13: the layers depend one way. Run as a ctest:
#   cmake -DSOURCE_DIR=<repo> [-DHQ_BINARY=<branchdesk-hq>] -P tests/checklayers.cmake
# Each quoted include is resolved (beside the including file, else from models/) to the layer
# of the file it names, and may only name a layer of the including file's allowed list:
#   domain    models/domain                      domain
#   protocol  models/protocol                    domain protocol
#   store     models/store                       domain protocol store
#   items     models/items                       domain protocol items   (fed from snapshots only)
#   session   models/session                     domain protocol store items session
#   ui        ui/                                domain protocol items session ui   (never store)
#   hq        hq/                                domain protocol hq
# The library targets link the same way (models/CMakeLists.txt, ui/CMakeLists.txt):
# domain <- protocol <- store <- session <- ui, and domain <- items <- session.
# Fails, naming file, line and include, on an include against that order, and when
# branchdesk-hq is linked against SQLCipher.
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "checklayers: pass -DSOURCE_DIR=<repository>")
endif()

set(allowed_domain domain)
set(allowed_protocol domain protocol)
set(allowed_store domain protocol store)
set(allowed_items domain protocol items)
set(allowed_session domain protocol store items session)
set(allowed_ui domain protocol items session ui)
set(allowed_hq domain protocol hq)

# The layer of repository path `path` (relative to SOURCE_DIR), or "" for none of them.
function(layer_of path out)
    set(l "")
    if(path MATCHES "^models/(domain|protocol|store|items|session)/")
        set(l "${CMAKE_MATCH_1}")
    elseif(path MATCHES "^ui/")
        set(l ui)
    elseif(path MATCHES "^hq/")
        set(l hq)
    elseif(path MATCHES "^(app|tests|bench)/")
        set(l top)
    endif()
    set(${out} "${l}" PARENT_SCOPE)
endfunction()

# The repository path `inc` names when written in a file of directory `dir` (relative to
# SOURCE_DIR): beside the file when that exists or the include is relative, else from models/.
function(resolve dir inc out)
    cmake_path(SET beside NORMALIZE "${dir}/${inc}")
    if(EXISTS "${SOURCE_DIR}/${beside}" OR inc MATCHES "^\\.\\./" OR NOT inc MATCHES "/")
        set(${out} "${beside}" PARENT_SCOPE)
    else()
        cmake_path(SET rooted NORMALIZE "models/${inc}")
        set(${out} "${rooted}" PARENT_SCOPE)
    endif()
endfunction()

set(problems "")
function(check file)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
    cmake_path(GET rel PARENT_PATH dir)
    layer_of("${rel}" layer)
    file(STRINGS "${file}" lines)
    set(found "${problems}")
    set(n 0)
    foreach(line IN LISTS lines)
        math(EXPR n "${n} + 1")
        if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\"")
            set(inc "${CMAKE_MATCH_1}")
            resolve("${dir}" "${inc}" target)
            layer_of("${target}" to)
            if(to STREQUAL "")
                # Generated headers (ui_*.h, hq's beside its files) and other non-layer files.
                continue()
            endif()
            list(FIND allowed_${layer} "${to}" i)
            if(i EQUAL -1)
                string(APPEND found "${rel}:${n}: the ${layer} layer includes \"${inc}\" (${to})\n")
            endif()
        endif()
    endforeach()
    set(problems "${found}" PARENT_SCOPE)
endfunction()

set(counts "")
foreach(layer domain protocol store items session ui hq)
    if(layer STREQUAL "ui" OR layer STREQUAL "hq")
        set(root "${SOURCE_DIR}/${layer}")
    else()
        set(root "${SOURCE_DIR}/models/${layer}")
    endif()
    file(GLOB files "${root}/*.h" "${root}/*.cpp")
    if(NOT files)
        message(FATAL_ERROR "checklayers: no ${layer} sources under ${SOURCE_DIR}")
    endif()
    foreach(f IN LISTS files)
        check("${f}")
    endforeach()
    list(LENGTH files count)
    string(APPEND counts " ${count} ${layer}")
endforeach()

if(HQ_BINARY)
    execute_process(COMMAND ldd "${HQ_BINARY}" OUTPUT_VARIABLE libs RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        set(problems "${problems}ldd ${HQ_BINARY} failed\n")
    elseif(libs MATCHES "sqlcipher")
        set(problems "${problems}${HQ_BINARY} is linked against SQLCipher\n")
    endif()
endif()

if(problems)
    message(FATAL_ERROR "Layer rules broken (issue 13, docs/decisions.md):\n${problems}")
endif()
message(STATUS "layers: files follow the rules:${counts}; branchdesk-hq has no SQLCipher")
