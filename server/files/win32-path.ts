// path.win32.resolve for the pretend Windows disk, as plain string work so that it runs in the
// browser too: both '/' and '\' separate, '.' is dropped, '..' climbs (never above the drive's
// root), and the result has no trailing separator except the root's ("C:\"). Only absolute
// paths with a drive letter are resolved as Windows would; anything else cannot name a file on
// the pretend disk (everything there is under C:\) and is only normalised.
// win32-path.test.ts checks it against node's own path.win32.resolve.

const DRIVE = /^([A-Za-z]:)[\\/]/;

export function win32Resolve(winPath: string): string {
  const drive = DRIVE.exec(winPath)?.[1];
  const rest = drive ? winPath.slice(drive.length) : winPath;
  const words: string[] = [];
  for (const word of rest.split(/[\\/]+/)) {
    if (word === '' || word === '.') continue;
    if (word === '..') words.pop();
    else words.push(word);
  }
  return drive ? `${drive}\\${words.join('\\')}` : words.join('\\');
}
