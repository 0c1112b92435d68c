import { fork, type ChildProcess } from 'node:child_process';
import type { CoreProcess } from '../../../electron/core-relay.ts';

/**
 * Runs the bundled core host under plain Node (child_process.fork) in place of
 * Electron's utilityProcess.fork: the host then talks over Node's IPC channel
 * with the same structured-clone semantics ('advanced' serialization).
 */
export function nodeCoreSpawner(hostPath: string, env: NodeJS.ProcessEnv) {
  const children: ChildProcess[] = [];
  const spawn = (): CoreProcess => {
    const child = fork(hostPath, [], { env, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    return {
      postMessage: (m) => {
        child.send(m);
      },
      onMessage: (l) => {
        child.on('message', l);
      },
      onExit: (l) => {
        child.on('exit', (code) => l(code));
      },
      kill: () => {
        child.kill();
      },
    };
  };
  return { spawn, children };
}
