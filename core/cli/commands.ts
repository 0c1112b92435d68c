import type { ParseArgsConfig } from 'node:util';
import { demoDataCommand } from './commands/demo-data.ts';
import { importCommand } from './commands/import.ts';
import { metricsCommand } from './commands/metrics.ts';
import { profileCommand } from './commands/profile.ts';
import { serveCommand } from './commands/serve.ts';
import { trainCommand } from './commands/train.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { riskCommand } from './commands/risk.ts';
import { compareCommand } from './commands/compare.ts';
import { exportCommand } from './commands/export.ts';
import { validateCommand } from './commands/validate.ts';
import { scoreCommand } from './commands/score.ts';

/** Parsed command line handed to a command. */
export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A CLI command: turns arguments into an operation request and formats its result. */
export interface OperationCommand {
  usage: string;
  options: ParseArgsConfig['options'];
  request(args: CommandArgs): { operation: string; input: unknown };
  /** The command may create its --workspace file (import); others refuse a path that does not exist. */
  createsWorkspace?: boolean;
  // The CLI prints whatever the operation returned; each command knows its own shape.
  format(result: never): string;
  exitCode?(result: never): number;
}

/** A command that runs until stopped (a host), rather than one operation; resolves to the exit code. */
export interface LongRunningCommand {
  usage: string;
  options: ParseArgsConfig['options'];
  run(args: CommandArgs & { json: boolean }): Promise<number>;
}

export type Command = OperationCommand | LongRunningCommand;

export const COMMANDS = {
  'demo-data': demoDataCommand,
  import: importCommand,
  profile: profileCommand,
  train: trainCommand,
  compare: compareCommand,
  evaluate: evaluateCommand,
  risk: riskCommand,
  metrics: metricsCommand,
  export: exportCommand,
  score: scoreCommand,
  validate: validateCommand,
  serve: serveCommand,
} satisfies Record<string, Command>;
