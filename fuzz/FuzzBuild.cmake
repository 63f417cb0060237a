# Included by the top-level CMakeLists.txt when BRANCHDESK_FUZZ=ON. Configure with clang:
#   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DBRANCHDESK_FUZZ=ON
# (fuzz/run.sh does). The readers under test and what they call are compiled again,
# instrumented for libFuzzer's coverage, ASan and UBSan; Qt, SQLCipher and zlib stay the
# distribution's libraries. Only those sources, not all of models/: the machine is small.
# A source that starts to call into another file needs that file added to the list below.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "BRANCHDESK_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
endif()
set(BRANCHDESK_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
add_compile_options(-fsanitize=fuzzer-no-link ${BRANCHDESK_SANITIZERS} -O1 -g)
add_link_options(${BRANCHDESK_SANITIZERS})
find_package(ZLIB REQUIRED)

add_library(branchdesk_fuzzcore STATIC
    models/domain/csvreader.cpp
    models/domain/extractcsv.cpp
    models/domain/holding.cpp
    models/domain/workingcalendar.cpp
    models/protocol/extractrecords.cpp
    models/protocol/wireformat.cpp
    models/protocol/syncentities.cpp
    models/store/outbox.cpp
    models/store/pulledrecords.cpp
    models/store/pageapplier.cpp
    models/store/database.cpp
    models/store/storekey.cpp
    models/store/storekeyfile.cpp
    models/store/storefiles.cpp
    models/store/statement.cpp
    models/store/transaction.cpp
    models/store/schemamigrations.cpp
    hq/requestdecoder.cpp
)
target_include_directories(branchdesk_fuzzcore PUBLIC models models/domain hq)
target_link_libraries(branchdesk_fuzzcore
    PUBLIC Qt6::Core Qt6::Network branchdesk_options
    PRIVATE PkgConfig::SQLCIPHER PkgConfig::SODIUM PkgConfig::LIBCRYPTO ZLIB::ZLIB)
set_target_properties(branchdesk_fuzzcore PROPERTIES AUTOMOC OFF)
add_subdirectory(fuzz)
