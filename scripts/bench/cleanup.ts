/**
 * Teardown that must happen even when the user presses Ctrl-C: containers left running keep
 * cores busy and ports taken, and would distort every later measurement on the machine.
 */
type Teardown = () => Promise<void> | void;

const pending = new Set<Teardown>();
let installed = false;
let interrupted = false;

/** True after Ctrl-C: while teardowns run, nothing new may be started. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/** Registers a teardown until the returned function is called (normally from a finally block). */
export function onInterrupt(teardown: Teardown): () => void {
  pending.add(teardown);
  return () => pending.delete(teardown);
}

/** Runs every registered teardown, newest first, ignoring their errors. */
async function runPendingTeardowns(): Promise<void> {
  for (const teardown of [...pending].reverse()) {
    pending.delete(teardown);
    try {
      await teardown();
    } catch {
      // Best effort: one failed teardown must not keep the others from running.
    }
  }
}

/** On SIGINT/SIGTERM: tear down, then exit with the conventional 128 + signal number. */
export function installInterruptHandlers(log: (message: string) => void): void {
  if (installed) return;
  installed = true;
  const handle = (signal: NodeJS.Signals, code: number) => {
    process.on(signal, () => {
      interrupted = true;
      log(`${signal}: stopping and deleting the containers and servers started so far...`);
      void runPendingTeardowns().finally(() => process.exit(code));
    });
  };
  handle("SIGINT", 130);
  handle("SIGTERM", 143);
}
