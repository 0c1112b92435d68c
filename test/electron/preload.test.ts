import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../electron/ipc.ts';

const electron = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const invoked: unknown[][] = [];
  let answer: unknown = { ok: true, result: null };
  return {
    exposed,
    listeners,
    invoked,
    setAnswer: (a: unknown) => (answer = a),
    module: {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          exposed[key] = api;
        },
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return answer;
        },
        on: (channel: string, listener: (...args: unknown[]) => void) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)?.add(listener);
        },
        removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
          listeners.get(channel)?.delete(listener);
        },
      },
    },
  };
});
vi.mock('electron', () => electron.module);

interface Bridge {
  call(name: unknown, input: unknown, requestId?: unknown): Promise<unknown>;
  cancel(requestId: unknown): Promise<boolean>;
  pickFile(): Promise<string | null>;
  onProgress(listener: (e: unknown) => void): () => void;
}
let bridge: Bridge;

beforeAll(async () => {
  await import('../../electron/preload.ts');
  bridge = electron.exposed.attend as Bridge;
});

describe('preload', () => {
  it('exposes window.attend and nothing else: four named functions, no ipcRenderer', () => {
    expect(Object.keys(electron.exposed)).toEqual(['attend']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'cancel', 'onProgress', 'pickFile']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(electron.module.ipcRenderer);
    expect(Object.values(bridge)).not.toContain(electron.module.ipcRenderer.invoke);
  });

  it('call invokes IPC.call with the name, the input and a request id, and unwraps the answer', async () => {
    electron.setAnswer({ ok: true, result: [{ name: 'demo' }] });
    expect(await bridge.call('datasets.list', {}, 'list-1')).toEqual([{ name: 'demo' }]);
    expect(electron.invoked.at(-1)).toEqual([IPC.call, 'datasets.list', {}, 'list-1']);
    await bridge.call('datasets.list', {});
    const generated = electron.invoked.at(-1)?.[3];
    expect(generated).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  });

  it("call rejects with the core's message unchanged", async () => {
    electron.setAnswer({ ok: false, error: { message: 'dataset.profile: invalid dataset: Too small' } });
    await expect(bridge.call('dataset.profile', { dataset: '' }, 'p1')).rejects.toThrow(/^dataset\.profile: invalid dataset: Too small$/);
  });

  it('checks its own arguments before sending anything', async () => {
    const before = electron.invoked.length;
    await expect(bridge.call(42, {})).rejects.toThrow('operation name must be a string');
    await expect(bridge.call('datasets.list', {}, '../x')).rejects.toThrow("request id must be 1 to 100 letters, digits, '-' or '_'");
    await expect(bridge.cancel(7)).rejects.toThrow('request id must be a string');
    expect(() => bridge.onProgress('not a function' as never)).toThrow('onProgress needs a function');
    expect(electron.invoked.length).toBe(before);
  });

  it('cancel and pickFile invoke their own channels', async () => {
    electron.setAnswer(true);
    expect(await bridge.cancel('job-1')).toBe(true);
    expect(electron.invoked.at(-1)).toEqual([IPC.cancel, 'job-1']);
    electron.setAnswer('/data/x.csv');
    expect(await bridge.pickFile()).toBe('/data/x.csv');
    expect(electron.invoked.at(-1)).toEqual([IPC.pickFile, 'extract']);
  });

  it('onProgress hands over the event only (never the IPC event) and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge.onProgress((e) => got.push(e));
    const [listener] = [...(electron.listeners.get(IPC.progress) ?? [])];
    const progress = { operation: 'train.run', stage: 'training', done: 1, total: 5, requestId: 'job-1' };
    listener({ sender: 'ipc event with sender' }, progress);
    expect(got).toEqual([progress]);
    off();
    expect(electron.listeners.get(IPC.progress)?.size).toBe(0);
  });
});
