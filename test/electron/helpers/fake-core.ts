import type { FromCore, ToCore } from '../../../electron/core-protocol.ts';
import type { CoreProcess } from '../../../electron/core-relay.ts';

/** One fake core process: records what main sends; the test speaks for the core. */
export interface FakeCore {
  sent: ToCore[];
  killed: boolean;
  reply(message: FromCore): void;
  die(code: number | null): void;
}

/** A spawn function for createCoreRelay that hands out fake core processes, all kept in `cores`. */
export function fakeSpawner(options: { exitOnShutdown?: boolean } = {}) {
  const cores: FakeCore[] = [];
  const spawn = (): CoreProcess => {
    let onMessage: (m: unknown) => void = () => undefined;
    let onExit: (code: number | null) => void = () => undefined;
    const core: FakeCore = {
      sent: [],
      killed: false,
      reply: (m) => onMessage(m),
      die: (code) => onExit(code),
    };
    cores.push(core);
    return {
      postMessage: (m) => {
        core.sent.push(m);
        if (m.kind === 'shutdown' && options.exitOnShutdown) queueMicrotask(() => onExit(0));
      },
      onMessage: (l) => (onMessage = l),
      onExit: (l) => (onExit = l),
      kill: () => {
        core.killed = true;
        queueMicrotask(() => onExit(null));
      },
    };
  };
  return { spawn, cores };
}

/** Let pending promise callbacks run. */
export const flush = () => new Promise<void>((r) => setImmediate(r));
