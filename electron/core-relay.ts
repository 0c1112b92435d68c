import type { ProgressEvent } from '../core/api/index.ts';
import { asFromCore, type FromCore, type ToCore } from './core-protocol.ts';

/**
 * The part of a child process the relay needs. Electron's UtilityProcess fits
 * through core-process.ts; tests use a Node child process or a fake.
 */
export interface CoreProcess {
  postMessage(message: ToCore): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** One call on its way through the core process. */
export interface CoreCall {
  /** The relay's id of the call, for cancel(). */
  id: number;
  /** The operation's result, or a rejection with the core's message. */
  result: Promise<unknown>;
}

/** The main process's handle on the core process. */
export interface CoreRelay {
  /** Send one operation to the core; progress events of this call only go to onProgress. */
  call(name: string, input: unknown, onProgress?: (event: ProgressEvent) => void): CoreCall;
  /** Abort a running call's AbortSignal in the core; false when no such call is pending. */
  cancel(id: number): boolean;
  /** Start the core process now instead of with the first call (it may have a demo workspace to build). */
  warmUp(): void;
  /** Ask the core to close its workspace and exit (killed after the grace period); pending calls reject. */
  close(): Promise<void>;
  /** How many core processes have been started so far (1 after the first call, more after crashes). */
  readonly started: number;
}

/** Options of the relay. */
export interface CoreRelayOptions {
  /** How long close() waits for a clean exit before killing; default 5 s. */
  shutdownGraceMs?: number;
  /** Told about every unexpected exit (main logs it). */
  onCrash?: (message: string) => void;
}

interface Pending {
  name: string;
  resolve(value: unknown): void;
  reject(err: Error): void;
  onProgress?: (event: ProgressEvent) => void;
}

interface Running {
  proc: CoreProcess;
  ready: boolean;
  /** Messages held back until the process says it is ready. */
  queue: ToCore[];
  fatal?: string;
  exited: Promise<void>;
}

/** Message of calls cut off by close(). */
export const APP_CLOSING = 'the app is closing';
/** Message of a call cancelled before the core process had even started it. */
export const CANCELLED_BEFORE_START = 'cancelled';

/**
 * Relay calls to a core process started by `spawn`, on demand. When that
 * process dies, every pending call rejects with a message that says so, and a
 * new process is started (at once when the dead one had been serving; a process
 * that died while starting is only retried by the next call, so a broken
 * install does not respawn in a loop).
 */
export function createCoreRelay(spawn: () => CoreProcess, options: CoreRelayOptions = {}): CoreRelay {
  const grace = options.shutdownGraceMs ?? 5000;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let started = 0;
  let current: Running | undefined;
  let closing = false;

  function start(): Running {
    const proc = spawn();
    started += 1;
    let markExited!: () => void;
    const run: Running = { proc, ready: false, queue: [], exited: new Promise<void>((r) => (markExited = r)) };
    proc.onMessage((raw) => {
      if (current !== run) return;
      const message = asFromCore(raw);
      if (message) receive(run, message);
    });
    proc.onExit((code) => {
      markExited();
      if (current === run) exited(run, code);
    });
    current = run;
    return run;
  }

  function receive(run: Running, message: FromCore): void {
    switch (message.kind) {
      case 'ready': {
        run.ready = true;
        const queued = run.queue.splice(0);
        for (const m of queued) send(run, m);
        return;
      }
      case 'fatal':
        run.fatal = message.message;
        return;
      case 'progress':
        pending.get(message.id)?.onProgress?.(message.event);
        return;
      case 'result':
        settle(message.id, (p) => p.resolve(message.result));
        return;
      case 'error':
        settle(message.id, (p) => p.reject(new Error(message.message)));
        return;
    }
  }

  function settle(id: number, outcome: (p: Pending) => void): void {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    outcome(p);
  }

  function send(run: Running, message: ToCore): void {
    if (!run.ready) {
      run.queue.push(message);
      return;
    }
    try {
      run.proc.postMessage(message);
    } catch (err) {
      // The input could not be cloned, or the process is going away: that call alone fails.
      if (message.kind === 'call') settle(message.id, (p) => p.reject(new Error(`could not send '${p.name}' to the core process: ${(err as Error).message}`)));
    }
  }

  function exited(run: Running, code: number | null): void {
    current = undefined;
    const wasServing = run.ready;
    const codeText = code === null ? 'no exit code' : `exit code ${code}`;
    for (const [id, p] of pending) {
      pending.delete(id);
      let message: string;
      if (closing) message = APP_CLOSING;
      else if (run.fatal !== undefined) message = `the core process could not start: ${run.fatal}`;
      else if (wasServing) message = `the core process stopped unexpectedly (${codeText}) while running '${p.name}'; Attend has restarted it, so the operation can be run again`;
      else message = `the core process stopped while starting (${codeText}); '${p.name}' did not run`;
      p.reject(new Error(message));
    }
    if (closing) return;
    options.onCrash?.(run.fatal !== undefined ? `core process could not start: ${run.fatal}` : `core process exited (${codeText})`);
    if (wasServing) start();
  }

  return {
    get started() {
      return started;
    },
    call(name, input, onProgress) {
      const id = nextId++;
      const result = new Promise<unknown>((resolve, reject) => {
        if (closing) return reject(new Error(APP_CLOSING));
        let run: Running;
        try {
          run = current ?? start();
        } catch (err) {
          return reject(new Error(`could not start the core process: ${(err as Error).message}`));
        }
        pending.set(id, { name, resolve, reject, onProgress });
        send(run, { kind: 'call', id, name, input });
      });
      return { id, result };
    },
    warmUp() {
      if (closing || current) return;
      try {
        start();
      } catch (err) {
        // The first call will try again and report the failure to the window.
        options.onCrash?.(`could not start the core process: ${(err as Error).message}`);
      }
    },
    cancel(id) {
      if (!pending.has(id)) return false;
      const run = current;
      if (run && !run.ready) {
        // Not sent yet: take it out of the queue instead of asking the core.
        const at = run.queue.findIndex((m) => m.kind === 'call' && m.id === id);
        if (at >= 0) {
          run.queue.splice(at, 1);
          settle(id, (p) => p.reject(new Error(CANCELLED_BEFORE_START)));
          return true;
        }
      }
      if (run) send(run, { kind: 'cancel', id });
      return true;
    },
    async close() {
      closing = true;
      const run = current;
      if (!run) return;
      if (run.ready) send(run, { kind: 'shutdown' });
      else run.proc.kill();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), grace)));
      const outcome = await Promise.race([run.exited.then(() => 'exited' as const), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        run.proc.kill();
        await run.exited;
      }
    },
  };
}
