// The two FAKE files of the seed's pretend Windows disk (server/files/windows-disk.ts), beside
// its served folder. Here, not there, so that the page (chapter 6's tasks) can recognise them
// without importing the disk's Node code.
export const FAKE_SECRET = 'FAKE SECRET for the path-stripping lesson: db_password=hunter2\n';
export const FAKE_BACKUP = 'FAKE BACKUP for the path-stripping lesson: admin=correct-horse-battery-staple\n';
