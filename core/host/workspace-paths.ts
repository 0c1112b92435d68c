import { homedir } from 'node:os';
import { join } from 'node:path';

/** The app's own folder: $ATTEND_HOME, else ~/.attend. */
export function attendHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.ATTEND_HOME && env.ATTEND_HOME.trim() !== '' ? env.ATTEND_HOME : join(homedir(), '.attend');
}

/** Where the demo workspace lives when no workspace is given. */
export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(attendHome(env), 'demo.sqlite');
}
