import { InputError, type OperationContext } from './operation.ts';
import { operations, type OperationName, type OperationOutput } from './operations.ts';

/** True when name is an operation of the map (guards hosts against arbitrary strings). */
export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

/** Validate input against the operation's schema and run it. */
export async function dispatch<N extends OperationName>(
  name: N,
  rawInput: unknown,
  ctx: OperationContext,
): Promise<OperationOutput<N>> {
  if (!isOperationName(name)) throw new InputError(`unknown operation '${String(name)}'`);
  const op = operations[name];
  const parsed = op.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.length ? first.path.join('.') : 'input';
    throw new InputError(`${name}: invalid ${where}: ${first.message}`);
  }
  // The map's entries differ in input type; the schema above has just checked it.
  const handler = op.handler as (input: unknown, ctx: OperationContext) => Promise<OperationOutput<N>>;
  return handler(parsed.data, ctx);
}
