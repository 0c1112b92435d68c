import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dispatch, InputError, type OperationName } from '../api/index.ts';
import { cliContext, UsageError } from './context.ts';
import { COMMANDS, type Command, type CommandArgs, type LongRunningCommand } from './commands.ts';

const USAGE = `Usage: attend <command> [options] [--json]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.usage}`)
  .join('\n')}

Every command takes --json for machine-readable output on stdout.`;

type Values = Record<string, string | boolean | undefined>;

/** Run one CLI invocation; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const command: Command | undefined = Object.prototype.hasOwnProperty.call(COMMANDS, name)
    ? COMMANDS[name as keyof typeof COMMANDS]
    : undefined;
  if (!command) {
    process.stderr.write(`attend: unknown command '${name}'\n\n${USAGE}\n`);
    return 2;
  }
  let values: Values;
  let positionals: string[];
  try {
    const options: ParseArgsConfig['options'] = { json: { type: 'boolean' }, ...command.options };
    ({ values, positionals } = parseArgs({ args: rest, options, allowPositionals: true, strict: true }) as {
      values: Values;
      positionals: string[];
    });
  } catch (err) {
    process.stderr.write(`attend ${name}: ${(err as Error).message}\nusage: attend ${name} ${command.usage}\n`);
    return 2;
  }
  const json = values.json === true;
  if ('run' in command) return runLongCommand(name, command, { values, positionals, json });
  const { ctx, close } = cliContext(values.workspace as string | undefined, !json && process.stderr.isTTY, command.createsWorkspace === true);
  try {
    const request = command.request({ values, positionals });
    const result = await dispatch(request.operation as OperationName, request.input, ctx);
    if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    // Each command formats the result of its own operation (see Command.format).
    else process.stdout.write(command.format(result as never) + '\n');
    return command.exitCode?.(result as never) ?? 0;
  } catch (err) {
    return reportError(name, command.usage, err);
  } finally {
    await close();
  }
}

/** Run a long-running command, reporting its errors like any other command. */
async function runLongCommand(name: string, command: LongRunningCommand, args: CommandArgs & { json: boolean }): Promise<number> {
  try {
    return await command.run(args);
  } catch (err) {
    return reportError(name, command.usage, err);
  }
}

/** Print a command's error on stderr; exit code 2 for wrong usage or invalid input, 1 otherwise. */
function reportError(name: string, usage: string, err: unknown): number {
  const e = err instanceof Error ? err : new Error(String(err));
  if (e instanceof UsageError) {
    process.stderr.write(`attend ${name}: ${e.message}\nusage: attend ${name} ${usage}\n`);
    return 2;
  }
  process.stderr.write(`attend ${name}: ${e.message}\n`);
  if (process.env.ATTEND_DEBUG) process.stderr.write(`${e.stack}\n`);
  return e instanceof InputError ? 2 : 1;
}
