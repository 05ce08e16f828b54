// Everything the bench starts or creates (child servers, the temp folder) registers how to undo
// it here, so that it is undone on every way out: the normal end, an error, Ctrl-C or SIGTERM.
//
// Each entry has a polite asynchronous form (SIGTERM and wait, so the course app can remove its
// own sandbox folder) and a blunt synchronous one (SIGKILL, rmSync) for the 'exit' event, when
// nothing asynchronous runs any more.

export interface Undo {
  label: string;
  /** The polite way; must settle within a few seconds. */
  run: () => Promise<void>;
  /** The last-moment way; must be synchronous and must not throw. */
  runNow: () => void;
}

const pending: Undo[] = [];
let interrupted: ((signal: NodeJS.Signals) => void) | null = null;

/** Registers an undo; the returned function runs it (politely) and forgets it. */
export function onCleanup(undo: Undo): () => Promise<void> {
  pending.push(undo);
  return async () => {
    const index = pending.indexOf(undo);
    if (index === -1) return;
    pending.splice(index, 1);
    await undo.run();
  };
}

/** Runs every pending undo, the newest first (children before the folder they serve). */
export async function cleanupAll(): Promise<void> {
  while (pending.length > 0) {
    const undo = pending.pop()!;
    try {
      await undo.run();
    } catch (error) {
      console.error(`bench: cleanup of ${undo.label} failed: ${(error as Error).message}`);
      undo.runNow();
    }
  }
}

/**
 * Installs the handlers. `onSignal` is told first (to stop the load generator); a second Ctrl-C
 * skips the polite cleanup. The process exits 130 on SIGINT and 143 on SIGTERM.
 */
export function installCleanupHandlers(onSignal: (signal: NodeJS.Signals) => void): void {
  interrupted = onSignal;
  process.on('exit', () => {
    for (const undo of pending.splice(0).reverse()) undo.runNow();
  });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const code = signal === 'SIGINT' ? 130 : 143;
      if (stopping) process.exit(code); // second signal: the 'exit' handler does the blunt cleanup
      stopping = true;
      console.error(`\nbench: ${signal}, stopping the servers and removing the temporary files.`);
      interrupted?.(signal);
      const deadline = setTimeout(() => process.exit(code), 8000);
      void cleanupAll().finally(() => {
        clearTimeout(deadline);
        process.exit(code);
      });
    });
  }
}
