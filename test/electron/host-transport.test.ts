import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hostTransport } from '../../electron/host-transport.ts';

describe('core host transport', () => {
  it("uses Electron's parentPort inside a utility process (messages arrive as event.data)", () => {
    const posted: unknown[] = [];
    const port = new EventEmitter();
    const proc = Object.assign(new EventEmitter(), { parentPort: Object.assign(port, { postMessage: (m: unknown) => posted.push(m) }) });
    const transport = hostTransport(proc as unknown as NodeJS.Process);
    const got: unknown[] = [];
    transport?.onMessage((m) => got.push(m));
    port.emit('message', { data: { kind: 'cancel', id: 3 }, ports: [] });
    transport?.post({ kind: 'ready' });
    expect(got).toEqual([{ kind: 'cancel', id: 3 }]);
    expect(posted).toEqual([{ kind: 'ready' }]);
  });

  it('falls back to the Node IPC channel, and exits when the parent goes away', () => {
    const sent: unknown[] = [];
    let orphaned = 0;
    const proc = Object.assign(new EventEmitter(), { send: (m: unknown) => sent.push(m) > 0 });
    const transport = hostTransport(proc as unknown as NodeJS.Process, () => orphaned++);
    const got: unknown[] = [];
    transport?.onMessage((m) => got.push(m));
    proc.emit('message', { kind: 'shutdown' });
    transport?.post({ kind: 'fatal', message: 'x' });
    proc.emit('disconnect');
    expect(got).toEqual([{ kind: 'shutdown' }]);
    expect(sent).toEqual([{ kind: 'fatal', message: 'x' }]);
    expect(orphaned).toBe(1);
  });

  it('is null in a process with no channel to main', () => {
    expect(hostTransport(new EventEmitter() as unknown as NodeJS.Process)).toBeNull();
  });
});
