# One place for warnings and defines every target of ours shares.
add_library(branchdesk_options INTERFACE)
target_compile_options(branchdesk_options INTERFACE
    -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
target_compile_definitions(branchdesk_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    SQLITE_HAS_CODEC=1)
# Hardening as Debian builds its packages (lintian checks the .deb for it): fortified libc
# calls where optimising, a read-only GOT.
target_compile_definitions(branchdesk_options INTERFACE $<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:_FORTIFY_SOURCE=2>)
target_link_options(branchdesk_options INTERFACE LINKER:-z,relro LINKER:-z,now)
