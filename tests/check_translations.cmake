# Runs lupdate over the sources into a copy of the Chinese .ts file and fails
# when any string is new, unfinished or empty: Chinese is the users' language.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY "${SOURCE_DIR}/translations/branchdesk_zh_CN.ts" DESTINATION "${WORK_DIR}")
execute_process(
    COMMAND "${LUPDATE}" -no-obsolete -locations none -silent
            "${SOURCE_DIR}/models" "${SOURCE_DIR}/ui" "${SOURCE_DIR}/app"
            -ts "${WORK_DIR}/branchdesk_zh_CN.ts"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc})")
endif()
file(READ "${WORK_DIR}/branchdesk_zh_CN.ts" ts)
string(REGEX MATCHALL "<source>[^<]*</source>[^<]*(<comment>[^<]*</comment>[^<]*)?<translation type=\"unfinished\"" unfinished "${ts}")
list(LENGTH unfinished count)
string(REGEX MATCHALL "<translation></translation>" empty "${ts}")
list(LENGTH empty emptyCount)
string(REGEX MATCHALL "<message>" messages "${ts}")
list(LENGTH messages total)
if(count GREATER 0 OR emptyCount GREATER 0)
    string(REGEX MATCHALL "<source>[^<]*</source>[^<]*(<comment>[^<]*</comment>[^<]*)?<translation type=\"unfinished\"" hits "${ts}")
    string(REPLACE ";" "," hits "${hits}")
    string(REGEX REPLACE "</source>[^<]*(<comment>[^<]*</comment>[^<]*)?<translation type=\"unfinished\"" "\n" hits "${hits}")
    string(REPLACE "<source>" "  unfinished: " hits "${hits}")
    message("${hits}")
    message(FATAL_ERROR "translations/branchdesk_zh_CN.ts: ${count} unfinished and ${emptyCount} empty of ${total} strings. Run: cmake --build build --target update_translations, then translate them.")
endif()
message("translations/branchdesk_zh_CN.ts: ${total} strings, all translated")
