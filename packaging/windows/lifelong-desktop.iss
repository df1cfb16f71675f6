; Inno Setup 6 script: installs the PyInstaller bundle dist\lifelong-desktop\ for the current user, without
; administrator rights, into %LOCALAPPDATA%\Programs\lifelong-desktop, with a Start menu entry and the .lifelong file
; type (a programme database, SQLite inside). Uninstalling removes the program folder only: the user's data folder
; (%LOCALAPPDATA%\lifelong-desktop\lifelong-desktop\, databases, backups, settings) is never touched.
;
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\lifelong-desktop.iss      -> dist\lifelong-desktop-0.1.0-setup.exe
;
; Built by .github/workflows/windows-bundle.yml after the bundle and build\icons\lifelong-desktop.ico
; (python packaging/render_icons.py build/icons). Saved as UTF-8 with a BOM, as Inno Setup wants for Chinese text.

#define AppName "全民终身学习活动周"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E0C7B8A-4F51-4E0B-9B7D-2C1A5D3E9F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=lifelong-desktop
DefaultDirName={localappdata}\Programs\lifelong-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=lifelong-desktop-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\lifelong-desktop.ico
UninstallDisplayIcon={app}\lifelong-desktop.exe
UninstallDisplayName={#AppName}
ChangesAssociations=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\lifelong-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\lifelong-desktop.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\lifelong-desktop.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; The .lifelong file type, for this user only (HKCU: no administrator rights needed).
Root: HKCU; Subkey: "Software\Classes\.lifelong"; ValueType: string; ValueName: ""; ValueData: "LifelongDesktop.Programme"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\LifelongDesktop.Programme"; ValueType: string; ValueName: ""; ValueData: "全民终身学习活动周计划"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\LifelongDesktop.Programme\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\lifelong-desktop.exe,0"
Root: HKCU; Subkey: "Software\Classes\LifelongDesktop.Programme\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\lifelong-desktop.exe"" ""%1"""

[Run]
Filename: "{app}\lifelong-desktop.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes exactly what it installed, and the data folder is not among it.
