import { describe, expect, it } from 'vitest';
import { dispatch, InputError } from '../../core/api/index.ts';
import { createCoreRelay } from '../../electron/core-relay.ts';
import { registerIpc } from '../../electron/ipc-handlers.ts';
import { IPC } from '../../electron/ipc.ts';
import type { InvokeEvent, SenderContents } from '../../electron/sender-check.ts';
import { fakeSpawner, flush } from './helpers/fake-core.ts';

type Listener = (event: InvokeEvent, ...args: unknown[]) => unknown;

/** A window's WebContents stand-in: records what main sends it. */
function fakeSender(id: number) {
  const sent: Array<[string, unknown]> = [];
  let destroyed = false;
  let onDestroyed: () => void = () => undefined;
  const sender: SenderContents = {
    id,
    isDestroyed: () => destroyed,
    send: (channel, payload) => sent.push([channel, payload]),
    once: (_event, listener) => (onDestroyed = listener),
  };
  return {
    sender,
    sent,
    destroy: () => {
      destroyed = true;
      onDestroyed();
    },
  };
}

const appFrame = { url: 'app://attend/index.html', parent: null };

function setup(ourIds: number[] = [1]) {
  const handlers = new Map<string, Listener>();
  const removed: string[] = [];
  const { spawn, cores } = fakeSpawner();
  const relay = createCoreRelay(spawn);
  const picked: number[] = [];
  const unregister = registerIpc({
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener), removeHandler: (channel) => removed.push(channel) },
    relay,
    isOurContents: (contents) => ourIds.includes(contents.id),
    pickFile: async (sender, kind) => {
      picked.push(sender.id);
      return kind === 'bundle' ? '/data/model.zip' : '/data/extract.csv';
    },
  });
  const invoke = (channel: string, event: InvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve().then(() => handler(event, ...args));
  };
  /** Start the core (first call spawns it) and let it say ready. */
  const readyCore = async () => {
    await flush();
    cores[cores.length - 1].reply({ kind: 'ready' });
  };
  return { handlers, removed, cores, relay, invoke, readyCore, unregister, picked };
}

describe('IPC sender checks', () => {
  it('handles exactly the three invoke channels', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([IPC.call, IPC.cancel, IPC.pickFile].sort());
  });

  const refusals: Array<[string, InvokeEvent, string]> = [
    ['a remote page', { sender: fakeSender(1).sender, senderFrame: { url: 'https://evil.example/x', parent: null } }, 'IPC refused from https://evil.example/x: only app://attend pages may call the core'],
    ['a file:// page', { sender: fakeSender(1).sender, senderFrame: { url: 'file:///tmp/x.html', parent: null } }, 'IPC refused from file:///tmp/x.html'],
    ['another app:// host', { sender: fakeSender(1).sender, senderFrame: { url: 'app://other/index.html', parent: null } }, 'IPC refused from app://other/index.html'],
    ['a subframe of our page', { sender: fakeSender(1).sender, senderFrame: { url: 'app://attend/frame.html', parent: {} } }, 'IPC refused from a subframe (app://attend/frame.html)'],
    ['a frame that is gone', { sender: fakeSender(1).sender, senderFrame: null }, 'IPC refused: the sending frame is gone'],
    ['another window showing our page', { sender: fakeSender(2).sender, senderFrame: appFrame }, 'IPC refused: the sender is not the Attend window'],
  ];

  for (const [who, event, message] of refusals) {
    it(`refuses ${who} on every channel, before anything reaches the core`, async () => {
      const { invoke, cores, picked } = setup();
      await expect(invoke(IPC.call, event, 'datasets.list', {}, 'r1')).rejects.toThrow(message);
      await expect(invoke(IPC.cancel, event, 'r1')).rejects.toThrow(message);
      await expect(invoke(IPC.pickFile, event)).rejects.toThrow(message);
      expect(cores).toEqual([]);
      expect(picked).toEqual([]);
    });
  }
});

describe('IPC argument checks', () => {
  const event = (): InvokeEvent => ({ sender: fakeSender(1).sender, senderFrame: appFrame });

  it('refuses invalid input with the zod message, in the form the core uses, without starting the core', async () => {
    const { invoke, cores } = setup();
    const answer = await invoke(IPC.call, event(), 'dataset.profile', { dataset: '' }, 'r1');
    const core = await dispatch('dataset.profile', { dataset: '' }, {} as never).catch((e: unknown) => e);
    expect(core).toBeInstanceOf(InputError);
    expect(answer).toEqual({ ok: false, error: { message: (core as Error).message } });
    expect(answer).toEqual({ ok: false, error: { message: 'dataset.profile: invalid dataset: Too small: expected string to have >=1 characters' } });
    expect(await invoke(IPC.call, event(), 'runs.note', { runId: 'x', note: 7 }, 'r2')).toEqual({
      ok: false,
      error: { message: 'runs.note: invalid note: Invalid input: expected string, received number' },
    });
    expect(await invoke(IPC.call, event(), 'import.preview', { file: '/x.csv', mapping: { columns: { nhsNumber: '' } } }, 'r3')).toEqual({
      ok: false,
      error: { message: 'import.preview: invalid mapping.columns.nhsNumber: Too small: expected string to have >=1 characters' },
    });
    expect(cores).toEqual([]);
  });

  it('refuses unknown operations, bad request ids and extra arguments', async () => {
    const { invoke, cores } = setup();
    expect(await invoke(IPC.call, event(), 'shell.exec', {}, 'r1')).toEqual({ ok: false, error: { message: "unknown operation 'shell.exec'" } });
    expect(await invoke(IPC.call, event(), 42, {}, 'r1')).toEqual({ ok: false, error: { message: 'unknown operation number' } });
    expect(await invoke(IPC.call, event(), 'datasets.list', {}, '../../x')).toEqual({
      ok: false,
      error: { message: "invalid request id: use 1 to 100 letters, digits, '-' or '_' (got '../../x')" },
    });
    expect(await invoke(IPC.call, event(), 'datasets.list', {}, undefined)).toEqual({
      ok: false,
      error: { message: "invalid request id: use 1 to 100 letters, digits, '-' or '_' (got undefined)" },
    });
    expect(await invoke(IPC.call, event(), 'datasets.list', {}, 'r1', 'extra')).toEqual({
      ok: false,
      error: { message: 'call takes 3 arguments (name, input, request id), got 4' },
    });
    await expect(invoke(IPC.cancel, event(), { id: 1 })).rejects.toThrow("invalid request id: use 1 to 100 letters, digits, '-' or '_' (got object)");
    await expect(invoke(IPC.cancel, event(), 'r1', 'r2')).rejects.toThrow('cancel takes 1 argument (request id), got 2');
    await expect(invoke(IPC.pickFile, event(), '/etc/passwd')).rejects.toThrow('pickFile kind must be extract or bundle, got "/etc/passwd"');
    await expect(invoke(IPC.pickFile, event(), 'bundle', 'x')).rejects.toThrow('pickFile takes at most 1 argument (extract or bundle), got 2');
    expect(cores).toEqual([]);
  });
});

describe('IPC relay to the core process', () => {
  it('sends a valid call to the core and answers with its result', async () => {
    const { invoke, cores, readyCore } = setup();
    const win = fakeSender(1);
    const answer = invoke(IPC.call, { sender: win.sender, senderFrame: appFrame }, 'datasets.list', {}, 'r1');
    await readyCore();
    expect(cores[0].sent).toEqual([{ kind: 'call', id: 1, name: 'datasets.list', input: {} }]);
    cores[0].reply({ kind: 'result', id: 1, result: [{ name: 'demo', rows: 3 }] });
    expect(await answer).toEqual({ ok: true, result: [{ name: 'demo', rows: 3 }] });
  });

  it("forwards each call's progress, tagged with its request id, to the window that started it", async () => {
    const { invoke, cores, readyCore } = setup([1, 2]);
    const a = fakeSender(1);
    const b = fakeSender(2);
    const callA = invoke(IPC.call, { sender: a.sender, senderFrame: appFrame }, 'train.run', { dataset: 'demo' }, 'train-a');
    const callB = invoke(IPC.call, { sender: b.sender, senderFrame: appFrame }, 'import.run', { file: '/x.csv' }, 'import-b');
    await readyCore();
    expect(cores[0].sent.map((m) => (m.kind === 'call' ? [m.id, m.name] : m.kind))).toEqual([
      [1, 'train.run'],
      [2, 'import.run'],
    ]);
    cores[0].reply({ kind: 'progress', id: 2, event: { operation: 'import.run', stage: 'importing', done: 10, total: 100 } });
    cores[0].reply({ kind: 'progress', id: 1, event: { operation: 'train.run', stage: 'training', done: 3, total: 50 } });
    cores[0].reply({ kind: 'progress', id: 99, event: { operation: 'train.run', stage: 'stray', done: 0 } });
    expect(a.sent).toEqual([[IPC.progress, { operation: 'train.run', stage: 'training', done: 3, total: 50, requestId: 'train-a' }]]);
    expect(b.sent).toEqual([[IPC.progress, { operation: 'import.run', stage: 'importing', done: 10, total: 100, requestId: 'import-b' }]]);
    cores[0].reply({ kind: 'result', id: 1, result: { runId: 'run-1' } });
    cores[0].reply({ kind: 'error', id: 2, message: "import.run: cannot read /x.csv: no such file" });
    expect(await callA).toEqual({ ok: true, result: { runId: 'run-1' } });
    expect(await callB).toEqual({ ok: false, error: { message: 'import.run: cannot read /x.csv: no such file' } });
  });

  it('cancels by request id: the core is asked to abort that call only, and its answer ends the call', async () => {
    const { invoke, cores, readyCore } = setup([1, 2]);
    const win = fakeSender(1);
    const event = { sender: win.sender, senderFrame: appFrame };
    const first = invoke(IPC.call, event, 'train.run', { dataset: 'demo' }, 'job-1');
    const second = invoke(IPC.call, event, 'train.run', { dataset: 'demo' }, 'job-2');
    await readyCore();
    expect(await invoke(IPC.cancel, event, 'job-2')).toBe(true);
    expect(cores[0].sent.at(-1)).toEqual({ kind: 'cancel', id: 2 });
    expect(await invoke(IPC.cancel, event, 'no-such-job')).toBe(false);
    // Another window cannot cancel this window's call with the same request id.
    expect(await invoke(IPC.cancel, { sender: fakeSender(2).sender, senderFrame: appFrame }, 'job-1')).toBe(false);
    expect(cores[0].sent.filter((m) => m.kind === 'cancel')).toEqual([{ kind: 'cancel', id: 2 }]);
    cores[0].reply({ kind: 'error', id: 2, message: 'training cancelled' });
    expect(await second).toEqual({ ok: false, error: { message: 'training cancelled' } });
    expect(await invoke(IPC.cancel, event, 'job-2')).toBe(false);
    cores[0].reply({ kind: 'result', id: 1, result: 'done' });
    expect(await first).toEqual({ ok: true, result: 'done' });
  });

  it('refuses a request id that is already running in the same window', async () => {
    const { invoke, cores, readyCore } = setup();
    const event = { sender: fakeSender(1).sender, senderFrame: appFrame };
    const first = invoke(IPC.call, event, 'datasets.list', {}, 'same');
    await readyCore();
    expect(await invoke(IPC.call, event, 'datasets.list', {}, 'same')).toEqual({ ok: false, error: { message: "request id 'same' is already running" } });
    cores[0].reply({ kind: 'result', id: 1, result: [] });
    expect(await first).toEqual({ ok: true, result: [] });
  });

  it('cancels the calls of a window that is destroyed', async () => {
    const { invoke, cores, readyCore } = setup();
    const win = fakeSender(1);
    void invoke(IPC.call, { sender: win.sender, senderFrame: appFrame }, 'train.run', { dataset: 'demo' }, 'job');
    await readyCore();
    win.destroy();
    expect(cores[0].sent.at(-1)).toEqual({ kind: 'cancel', id: 1 });
  });

  it('opens the file dialog for the calling window only', async () => {
    const { invoke, picked } = setup();
    expect(await invoke(IPC.pickFile, { sender: fakeSender(1).sender, senderFrame: appFrame })).toBe('/data/extract.csv');
    expect(await invoke(IPC.pickFile, { sender: fakeSender(1).sender, senderFrame: appFrame }, 'bundle')).toBe('/data/model.zip');
    expect(picked).toEqual([1, 1]);
  });

  it('removes its handlers and cancels running calls when unregistered', async () => {
    const { invoke, cores, readyCore, unregister, removed } = setup();
    void invoke(IPC.call, { sender: fakeSender(1).sender, senderFrame: appFrame }, 'train.run', { dataset: 'demo' }, 'job');
    await readyCore();
    unregister();
    expect(cores[0].sent.at(-1)).toEqual({ kind: 'cancel', id: 1 });
    expect(removed.sort()).toEqual([IPC.call, IPC.cancel, IPC.pickFile].sort());
  });
});
