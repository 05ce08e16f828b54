// The safe path resolver's answers. Each rule either passes the path on or refuses it with one
// of three statuses, chosen by what the client could learn and do about it:
//
//   status  when                                              why this status
//   ------  ------------------------------------------------  ----------------------------------
//   400     the target is not an origin-form path ("*",        The request itself is malformed
//           "C:\x", a fragment), its %-encoding is broken      (RFC 9110, 15.5.1): no server
//           (overlong UTF-8 "%c0%ae" included), it holds a     could read it as a path to a file
//           NUL or control byte, a backslash or an encoded     inside its root. Saying so hides
//           separator (%2f, %5c), or its ".." segments climb   nothing: the rule is the same
//           above the root                                     everywhere, and public.
//   403     the file is inside the root and exists, but the    "Exists but refused" (15.5.4):
//           server process may not read it (EACCES, EPERM)     the operating system said no, and
//                                                              a 404 would lie to the owner.
//   404     a dotfile (.env, .git/); a name Windows cannot     Not served, and not telling which
//           hold or reads otherwise (CON, "a.txt.", "a:b",     (15.5.5 allows 404 when a server
//           "PASSWO~1.TXT"); no such file; a folder; a         will not disclose that a resource
//           symlink whose real path leaves the root; a         exists): a probe learns nothing
//           socket or device                                   about what is on the disk.
//
// The order of the rules matters: each one may assume what the earlier ones ensured.
export type Refusal = { ok: false; status: 400 | 403 | 404; reason: string };

export const refuse = (status: Refusal['status'], reason: string): Refusal => ({ ok: false, status, reason });

/** What the resolver gives: the segments of a file below the root, or a refusal. */
export type SafePath =
  | {
      ok: true;
      /** Plain names, none empty, ".", ".." or dotted, none holding a separator. */
      segments: string[];
      /** The target names a folder (ends in "/"): its index file is served, if it has one. */
      folder: boolean;
    }
  | Refusal;
