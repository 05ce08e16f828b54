// Path traversal payloads, each the raw request target as sent on the wire, gathered from public
// lists and adapted to this course: the file each one aims at is the secret that sits BESIDE the
// served folder in both setups (fixture: <tmp>/secret.txt next to <tmp>/site/; the seed's pretend
// disk: C:\FreezerBurn\secret.txt next to C:\FreezerBurn\monitor\), so "/etc/passwd" in a source
// becomes "secret.txt" one level up. The traversal part (the dots, separators and encodings) is
// the source's; where a form is ours, built on a documented rule, `source` says which.
//
// Sources (read for this file):
//   PATT     swisskyrepo/PayloadsAllTheThings, "Directory Traversal/README.md": basic encodings,
//            16-bit and UTF-8 (overlong) forms, "../" filters bypassed, ";" bypass, double
//            encoding (and CVE-2018-1271's "%255c" form), UNC, the NGINX "////" bypass, the Java
//            "url:file:" form
//   SECLISTS danielmiessler/SecLists, "Fuzzing/LFI/LFI-Jhaddix.txt": "%00" forms, "%25%5c",
//            "/%2e%2e/", "..%2F", "..%5c", "%c0%ae", "..%c0%af", "\..\", "..\../", "....//",
//            "....\/", "/./././", "/.../", "C:\", "/C:\", "/.htpasswd", deep "../" runs
//   CWE182   MITRE CWE-182 (https://cwe.mitre.org/data/definitions/182.html): "////./../.../"
//   MS-NAMES Microsoft, "Naming Files, Paths, and Namespaces"
//            (https://learn.microsoft.com/windows/win32/fileio/naming-a-file): drive letters,
//            "C:..\tmp.txt", UNC "\\server\share", "\\?\" and "\\.\" prefixes, device names,
//            trailing dots and spaces, case, 8.3 aliases (tilde)
//   MS-STREAMS Microsoft, "File Streams" (https://learn.microsoft.com/windows/win32/fileio/file-streams):
//            "filename::$DATA" is the file
//   RFC9112  RFC 9112, 3.2: request-target forms (absolute-form, asterisk-form)

export type Source = 'PATT' | 'SECLISTS' | 'CWE182' | 'MS-NAMES' | 'MS-STREAMS' | 'RFC9112';

export interface Payload {
  /** A short name for the chapter's table. */
  label: string;
  /** The request target exactly as sent: ASCII bytes, between "GET " and " HTTP/1.1". */
  target: string;
  source: Source;
  group: 'dot-dot' | 'backslash' | 'encoded' | 'double-encoded' | 'overlong-utf8' | 'filter-bypass' | 'nul' | 'absolute' | 'unc' | 'windows-name' | 'dotfile' | 'long';
}

const deep = (step: string, times: number) => step.repeat(times);

// #region traversal-corpus
export const TRAVERSAL_CORPUS: Payload[] = [
  // Dot-dot-slash, plain
  { label: '../ once', target: '/../secret.txt', source: 'PATT', group: 'dot-dot' },
  { label: '../ twice', target: '/../../secret.txt', source: 'SECLISTS', group: 'dot-dot' },
  { label: '../ eight times', target: '/' + deep('../', 8) + 'secret.txt', source: 'SECLISTS', group: 'dot-dot' },
  { label: './ then ../', target: '/./././../secret.txt', source: 'SECLISTS', group: 'dot-dot' },
  { label: 'into a folder, then out', target: '/x/../../secret.txt', source: 'SECLISTS', group: 'dot-dot' },
  { label: 'slashes first (NGINX bypass)', target: '////../../secret.txt', source: 'PATT', group: 'dot-dot' },
  { label: '..// doubled slash', target: '/..//secret.txt', source: 'SECLISTS', group: 'dot-dot' },
  { label: '.. alone (a folder)', target: '/..', source: 'SECLISTS', group: 'dot-dot' },
  { label: '../ alone (a folder)', target: '/../', source: 'SECLISTS', group: 'dot-dot' },
  { label: 'absolute-form, ../', target: 'http://x/../secret.txt', source: 'RFC9112', group: 'dot-dot' },

  // Backslashes, raw (the seed joins with "\")
  { label: '..\\ once', target: '/..\\secret.txt', source: 'PATT', group: 'backslash' },
  { label: '..\\ twice', target: '/..\\..\\secret.txt', source: 'SECLISTS', group: 'backslash' },
  { label: '..\\/ mixed', target: '/..\\/secret.txt', source: 'PATT', group: 'backslash' },
  { label: '\\..\\ leading backslash', target: '/\\..\\secret.txt', source: 'SECLISTS', group: 'backslash' },
  { label: '..\\../ mixed', target: '/..\\../secret.txt', source: 'SECLISTS', group: 'backslash' },
  { label: '.\\..\\ dot first', target: '/.\\..\\secret.txt', source: 'SECLISTS', group: 'backslash' },
  { label: 'into a folder, then ..\\..\\', target: '/x\\..\\..\\secret.txt', source: 'SECLISTS', group: 'backslash' },
  { label: '..\\ alone (a folder)', target: '/..\\', source: 'SECLISTS', group: 'backslash' },
  { label: 'absolute-form, ..\\', target: 'http://x/..\\secret.txt', source: 'RFC9112', group: 'backslash' },

  // Percent-encoded once
  { label: '%2e%2e/', target: '/%2e%2e/secret.txt', source: 'SECLISTS', group: 'encoded' },
  { label: '%2E%2E/ upper case', target: '/%2E%2E/secret.txt', source: 'SECLISTS', group: 'encoded' },
  { label: '.%2e/ half encoded', target: '/.%2e/secret.txt', source: 'PATT', group: 'encoded' },
  { label: '%2e%2e%2f all encoded', target: '/%2e%2e%2fsecret.txt', source: 'PATT', group: 'encoded' },
  { label: '..%2f', target: '/..%2fsecret.txt', source: 'SECLISTS', group: 'encoded' },
  { label: '..%2F..%2F', target: '/..%2F..%2Fsecret.txt', source: 'SECLISTS', group: 'encoded' },
  { label: '..%2F%2F', target: '/..%2F%2Fsecret.txt', source: 'SECLISTS', group: 'encoded' },
  { label: '..%5c', target: '/..%5csecret.txt', source: 'SECLISTS', group: 'encoded' },
  { label: '%2e%2e%5c', target: '/%2e%2e%5csecret.txt', source: 'PATT', group: 'encoded' },
  { label: '..%5c..%5c', target: '/..%5c..%5csecret.txt', source: 'SECLISTS', group: 'encoded' },

  // Percent-encoded twice: decoded once, they are names, not dots
  { label: '%252e%252e/', target: '/%252e%252e/secret.txt', source: 'PATT', group: 'double-encoded' },
  { label: '%252e%252e%252f', target: '/%252e%252e%252fsecret.txt', source: 'PATT', group: 'double-encoded' },
  { label: '..%252f', target: '/..%252fsecret.txt', source: 'PATT', group: 'double-encoded' },
  { label: '..%255c', target: '/..%255csecret.txt', source: 'PATT', group: 'double-encoded' },
  { label: '%255c%255c..%255c (CVE-2018-1271)', target: '/%255c%255c..%255c/..%255csecret.txt', source: 'PATT', group: 'double-encoded' },
  { label: '%25%5c..', target: '/%25%5c..%25%5csecret.txt', source: 'SECLISTS', group: 'double-encoded' },

  // Overlong and other Unicode forms of "." "/" "\"
  { label: '%c0%ae%c0%ae/', target: '/%c0%ae%c0%ae/secret.txt', source: 'SECLISTS', group: 'overlong-utf8' },
  { label: '..%c0%af', target: '/..%c0%afsecret.txt', source: 'SECLISTS', group: 'overlong-utf8' },
  { label: '%c0%ae%c0%ae%c0%af', target: '/%c0%ae%c0%ae%c0%afsecret.txt', source: 'PATT', group: 'overlong-utf8' },
  { label: '..%c0%5c', target: '/..%c0%5csecret.txt', source: 'PATT', group: 'overlong-utf8' },
  { label: '..%e0%80%af (3 bytes)', target: '/..%e0%80%afsecret.txt', source: 'PATT', group: 'overlong-utf8' },
  { label: '%c0%2e%c0%2e/', target: '/%c0%2e%c0%2e/secret.txt', source: 'PATT', group: 'overlong-utf8' },
  { label: '%uff0e%uff0e%u2215 (16-bit)', target: '/%uff0e%uff0e%u2215secret.txt', source: 'PATT', group: 'overlong-utf8' },
  { label: 'fullwidth dots U+FF0E, UTF-8', target: '/%ef%bc%8e%ef%bc%8e/secret.txt', source: 'PATT', group: 'overlong-utf8' },

  // Filters that strip "../" once, or stop at ";"
  { label: '....//', target: '/....//secret.txt', source: 'SECLISTS', group: 'filter-bypass' },
  { label: '..././', target: '/..././secret.txt', source: 'PATT', group: 'filter-bypass' },
  { label: '....\\/', target: '/....\\/secret.txt', source: 'SECLISTS', group: 'filter-bypass' },
  { label: '...\\.\\', target: '/...\\.\\secret.txt', source: 'PATT', group: 'filter-bypass' },
  { label: '..;/', target: '/..;/secret.txt', source: 'PATT', group: 'filter-bypass' },
  { label: '/.../', target: '/.../.../secret.txt', source: 'SECLISTS', group: 'filter-bypass' },
  { label: '////./../.../', target: '////./../.../secret.txt', source: 'CWE182', group: 'filter-bypass' },

  // NUL
  { label: '%00 at the end', target: '/../secret.txt%00', source: 'SECLISTS', group: 'nul' },
  { label: '%00.html', target: '/../secret.txt%00.html', source: 'SECLISTS', group: 'nul' },
  { label: '%00 first', target: '/%00../secret.txt', source: 'SECLISTS', group: 'nul' },
  { label: '..\\ then %00.css', target: '/..\\secret.txt%00.css', source: 'SECLISTS', group: 'nul' },

  // Absolute paths
  { label: '/C:/ drive in the path', target: '/C:/FreezerBurn/secret.txt', source: 'SECLISTS', group: 'absolute' },
  { label: '/C:\\ drive in the path', target: '/C:\\FreezerBurn\\secret.txt', source: 'SECLISTS', group: 'absolute' },
  { label: 'C:\\ as the target', target: 'C:\\FreezerBurn\\secret.txt', source: 'SECLISTS', group: 'absolute' },
  { label: 'C:..\\ drive-relative', target: '/C:..\\secret.txt', source: 'MS-NAMES', group: 'absolute' },
  { label: 'c:FreezerBurn\\ drive-relative', target: '/c:FreezerBurn\\secret.txt', source: 'SECLISTS', group: 'absolute' },
  { label: '/etc/passwd', target: '/etc/passwd', source: 'SECLISTS', group: 'absolute' },
  { label: 'file:/// as the target', target: 'file:///etc/passwd', source: 'PATT', group: 'absolute' },
  { label: '* (asterisk-form)', target: '*', source: 'RFC9112', group: 'absolute' },

  // UNC and Win32 namespace prefixes
  { label: '\\\\localhost\\c$\\', target: '/\\\\localhost\\c$\\FreezerBurn\\secret.txt', source: 'PATT', group: 'unc' },
  { label: '//?/C:/ (a query!)', target: '//?/C:/FreezerBurn/secret.txt', source: 'MS-NAMES', group: 'unc' },
  { label: '\\\\?\\C:\\', target: '/\\\\?\\C:\\FreezerBurn\\secret.txt', source: 'MS-NAMES', group: 'unc' },
  { label: '\\\\.\\C:\\', target: '/\\\\.\\C:\\FreezerBurn\\secret.txt', source: 'MS-NAMES', group: 'unc' },
  { label: '%5c%5c.%5cC: encoded', target: '/%5c%5c.%5cC:%5cFreezerBurn%5csecret.txt', source: 'MS-NAMES', group: 'unc' },

  // Names Windows reads otherwise
  { label: '..\\ + trailing dot', target: '/..\\secret.txt.', source: 'MS-NAMES', group: 'windows-name' },
  { label: '..\\ + trailing space', target: '/..\\secret.txt%20', source: 'MS-NAMES', group: 'windows-name' },
  { label: '..\\ + dots and spaces', target: '/..\\secret.txt.%20.', source: 'MS-NAMES', group: 'windows-name' },
  { label: '..\\ + ::$DATA', target: '/..\\secret.txt::$DATA', source: 'MS-STREAMS', group: 'windows-name' },
  { label: '..\\ + :stream', target: '/..\\secret.txt:hidden', source: 'MS-STREAMS', group: 'windows-name' },
  { label: '..\\ + upper case', target: '/..\\SECRET.TXT', source: 'MS-NAMES', group: 'windows-name' },
  { label: '..\\ + 8.3 alias', target: '/..\\PASSWO~1.TXT', source: 'MS-NAMES', group: 'windows-name' },
  { label: '..\\ + long name', target: '/..\\passwords-backup.txt', source: 'MS-NAMES', group: 'windows-name' },
  { label: '8.3 alias of the folder', target: '/..\\..\\FREEZE~1\\secret.txt', source: 'MS-NAMES', group: 'windows-name' },
  { label: 'inside, trailing dot', target: '/monitor.css.', source: 'MS-NAMES', group: 'windows-name' },
  { label: 'inside, ::$DATA', target: '/index.html::$DATA', source: 'MS-STREAMS', group: 'windows-name' },
  { label: 'device CON', target: '/CON', source: 'MS-NAMES', group: 'windows-name' },
  { label: 'device nul.txt', target: '/nul.txt', source: 'MS-NAMES', group: 'windows-name' },
  { label: 'device COM1 after ..\\', target: '/..\\COM1', source: 'MS-NAMES', group: 'windows-name' },

  // Dotfiles
  { label: '/.htpasswd', target: '/.htpasswd', source: 'SECLISTS', group: 'dotfile' },
  { label: '/.git/config', target: '/.git/config', source: 'SECLISTS', group: 'dotfile' },
  { label: '%2ehtpasswd', target: '/%2ehtpasswd', source: 'SECLISTS', group: 'dotfile' },

  // Long paths
  { label: '../ 64 times', target: '/' + deep('../', 64) + 'secret.txt', source: 'SECLISTS', group: 'long' },
  { label: '..\\ 64 times', target: '/' + deep('..\\', 64) + 'secret.txt', source: 'SECLISTS', group: 'long' },
  { label: 'a 300-byte name', target: '/' + 'A'.repeat(300), source: 'MS-NAMES', group: 'long' },
  { label: '2000 folders down, 2001 up', target: '/' + deep('a/', 2000) + deep('../', 2001) + 'secret.txt', source: 'SECLISTS', group: 'long' },
];
// #endregion
