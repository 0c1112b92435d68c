import type { ForkOptions, UtilityProcess } from 'electron';
import { CORE_ENV } from './core-protocol.ts';
import type { CoreProcess } from './core-relay.ts';

/** Where the core process works. */
export interface CoreTarget {
  /** The bundled host entry (electron/dist/core-host.cjs). */
  hostPath: string;
  workspacePath: string;
  /** Build the demo workspace first when the file does not exist. */
  demo: boolean;
}

/** The fork function of Electron's utilityProcess module (a parameter, so tests need no Electron). */
export type ForkUtility = (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcess;

/** Start the core in an Electron utility process: a Node process with no window and no Electron APIs to misuse. */
export function forkCoreProcess(fork: ForkUtility, target: CoreTarget, env: NodeJS.ProcessEnv = process.env): CoreProcess {
  const child = fork(target.hostPath, [], {
    serviceName: 'Attend core',
    stdio: 'inherit',
    env: {
      ...env,
      [CORE_ENV.workspace]: target.workspacePath,
      [CORE_ENV.demo]: target.demo ? '1' : '0',
    },
  });
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => {
      child.on('message', listener);
    },
    onExit: (listener) => {
      child.on('exit', (code: number) => listener(code));
    },
    kill: () => {
      child.kill();
    },
  };
}
