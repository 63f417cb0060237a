; BranchDesk installer for Windows (NSIS 3, Unicode).
;
; UNTESTED ON WINDOWS: this script has only been compiled with makensis 3.08 on Debian 12
; against a staging directory of placeholder files (installer/windows/README.md). No
; Windows build of BranchDesk has been made, installed or run.
;
; Build: make a staging directory with the Windows build of branchdesk.exe and
; branchdesk-cli.exe, run windeployqt on branchdesk.exe there (Qt DLLs, platforms\,
; translations\), add sqlcipher.dll, the ICU and QCustomPlot DLLs and branchdesk.ico, then:
;   makensis /DVERSION=0.1.0 /DSTAGING=C:\path\to\staging installer\windows\branchdesk.nsi

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef STAGING
  !error "Pass /DSTAGING=<directory with branchdesk.exe and its DLLs>"
!endif

!define APP_NAME "BranchDesk"
!define APP_NAME_ZH "网点客户经营台"
!define APP_ID "cn.branchdesk.BranchDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME} ${VERSION}"
OutFile "branchdesk-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "Software\${APP_ID}" "InstallDir"
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!define MUI_ICON "${STAGING}\branchdesk.ico"
!define MUI_UNICON "${STAGING}\branchdesk.ico"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\branchdesk.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Chinese first: the installer speaks Simplified Chinese unless Windows is in English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString ShortcutName ${LANG_SIMPCHINESE} "${APP_NAME_ZH}"
LangString ShortcutName ${LANG_ENGLISH} "${APP_NAME}"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "BranchDesk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; Everything windeployqt put next to the program: Qt DLLs, plugins, Qt's translations.
  File /r "${STAGING}\*.*"

  CreateShortCut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\branchdesk.exe" "" "$INSTDIR\branchdesk.ico"
  CreateShortCut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\branchdesk.exe" "" "$INSTDIR\branchdesk.ico"

  WriteRegStr HKLM "Software\${APP_ID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME_ZH} ${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "BranchDesk"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\branchdesk.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd

; The branch stores under %APPDATA%\BranchDesk are the user's data: never removed here.
Section "Uninstall"
  Delete "$SMPROGRAMS\$(ShortcutName).lnk"
  Delete "$DESKTOP\$(ShortcutName).lnk"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\${APP_ID}"
SectionEnd
