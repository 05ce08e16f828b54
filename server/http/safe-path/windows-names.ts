// Rule 5: names Windows cannot hold, or reads as something else. Refused on every platform, so
// the server behaves the same when an instructor runs it on Windows.
//
// Sources: Microsoft, "Naming Files, Paths, and Namespaces"
// (https://learn.microsoft.com/windows/win32/fileio/naming-a-file): the reserved characters
// < > : " / \ | ? *, the reserved names CON, PRN, AUX, NUL, COM1-COM9, LPT1-LPT9 ("also avoid
// these names followed immediately by an extension; for example, NUL.txt"), "do not end a file
// or directory name with a space or a period", names are case-insensitive, and the 8.3 alias
// ("a file name will contain a tilde (~) within each component of the name that is too long").
// Recent revisions of that page also list COM0, LPT0 and COM¹ COM² COM³ LPT¹ LPT² LPT³ (golang
// issue 67245 discusses the addition); they are refused too: refusing more is safe.
// "File Streams" (https://learn.microsoft.com/windows/win32/fileio/file-streams): "filename::$DATA"
// is the file itself, "filename:stream" another stream of it.
// ".NET: File path formats on Windows systems", Trim characters
// (https://learn.microsoft.com/dotnet/standard/io/file-path-formats#trim-characters): Windows
// removes trailing periods and spaces when it normalises a path, so "secret.txt." opens
// "secret.txt".
//
// Why each bites a file server on Windows:
//   ":"            "C:" starts a drive ("/C:/x" joined onto a root is "C:\x" to path.win32.resolve),
//                  "a.txt::$DATA" opens a.txt (a rule on the ".txt" ending no longer sees it),
//                  "a.txt:s" opens a hidden stream
//   < > " | ? *    wildcards and reserved characters: never part of a real name
//   trailing . or  "secret.txt." and "secret.txt " open "secret.txt": any rule on the name as
//   space          written (an extension, a deny-list) is checked against the wrong name
//   CON, NUL, ...  open a device, not a file (with an extension too: "nul.txt", "CON .txt")
//   "~" + digit    an 8.3 alias: "PASSWO~1.TXT" opens "passwords-backup.txt" under another name
//                  (inferred: so does a dotfile's alias, which need not start with a dot)
//
// All are a 404, not a 400: the request is well-formed HTTP, the name simply is one this server
// never serves, like a dotfile; and a 404 tells a probe nothing about which rule or which file.
// Case does not matter to any rule here: the device names are compared without it.

// #region windows-names
const RESERVED_CHARACTERS = /[<>:"|?*]/;
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const SHORT_NAME = /~\d/;

/** Why Windows would misread `segment` (a decoded path segment), or null when it is a plain name. */
export function windowsUnsafe(segment: string): string | null {
  if (RESERVED_CHARACTERS.test(segment)) return 'a character Windows reserves (a drive, a stream or a wildcard)';
  if (/[. ]$/.test(segment)) return 'a trailing dot or space, which Windows removes';
  // The device name is the part before the first dot, trailing spaces ignored ("nul .txt").
  if (DEVICE_NAMES.test(segment.split('.')[0]!.trimEnd())) return 'a Windows device name';
  if (SHORT_NAME.test(segment)) return 'what may be a Windows 8.3 short name';
  return null;
}
// #endregion
