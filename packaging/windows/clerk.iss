; Inno Setup 6 script: Clerk's Windows installer, made from the PyInstaller bundle.
;
; Built on Windows by `packaging\build.py` when Inno Setup 6 is installed; by hand:
;   ISCC /DAppVersion=0.1.0 packaging\windows\clerk.iss
; (the version is clerk_app.__version__; build.py passes it, with the paths below).
;
; The installer needs no administrator: by default it installs for the current user into
; %LOCALAPPDATA%\Programs\Clerk, with a Start-menu shortcut and the .clerkdb association under
; HKEY_CURRENT_USER.  IT can install for every user instead with `Clerk-X.Y.Z-setup.exe /ALLUSERS`
; (as administrator; into Program Files, HKEY_LOCAL_MACHINE).  Silent: add /VERYSILENT.
; The clerks' databases live in %LOCALAPPDATA%\Clerk and are never touched by the uninstaller.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (packaging\build.py does)
#endif
#ifndef BundleDir
  #define BundleDir SourcePath + "..\dist\clerk-app"
#endif
#ifndef IconFile
  #define IconFile SourcePath + "..\build\icons\clerk.ico"
#endif
#ifndef OutputDir
  #define OutputDir SourcePath + "..\dist"
#endif
; The layout packaging/clerk-app.spec makes on Windows.
#if !FileExists(BundleDir + "\Clerk.exe") || !FileExists(BundleDir + "\clerk-app.exe") || !DirExists(BundleDir + "\_internal")
  #error The bundle is not built: run packaging\build.py first
#endif

#define AppName "Clerk"
#define AppExe "Clerk.exe"
#define ProgId "Clerk.Database"

[Setup]
; AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{105A2E7B-F5C7-4ACB-B703-223CD01CDA37}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Clerk developers
AppComments=Live minute-taking for UK council and committee clerks
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
UsePreviousPrivileges=yes
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 and later.
MinVersion=10.0
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
SetupLogging=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder: no stale module of an older version survives.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Type committee minutes live and export them as Word and PDF"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKEY_CURRENT_USER for a per-user install, HKEY_LOCAL_MACHINE for /ALLUSERS.
; A Clerk database (*.clerkdb) opens in Clerk: Clerk.exe --db "the file".
Root: HKA; Subkey: "Software\Classes\.clerkdb"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.clerkdb\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Clerk database"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --db ""%1"""
; Clerk's own database is clerk.db: offer Clerk under "Open with" for .db files without
; taking the .db type over from whatever else the machine opens it with.
Root: HKA; Subkey: "Software\Classes\.db\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".clerkdb"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".db"; ValueData: ""
; "clerk-app" in the Run dialog and in scripts started through the shell.
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\App Paths\clerk-app.exe"; ValueType: string; ValueName: ""; ValueData: "{app}\clerk-app.exe"; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
