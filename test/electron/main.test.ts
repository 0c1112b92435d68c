import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../core/host/index.ts';
import { IPC } from '../../electron/ipc.ts';
import { secureWebPreferences } from '../../electron/security.ts';
import { flush } from './helpers/fake-core.ts';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appHandlers = new Map<string, Handler>();
  const ipcHandlers = new Map<string, Handler>();
  const calls: Array<[string, unknown[]]> = [];
  const windows: Array<{ options: Record<string, unknown>; loaded: string[]; webContents: { id: number } }> = [];
  const children: Array<{ path: string; options: Record<string, unknown>; sent: unknown[]; emitter: import('node:events').EventEmitter }> = [];
  const sessionHandlers: Record<string, Handler> = {};
  return { appHandlers, ipcHandlers, calls, windows, children, sessionHandlers };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const record = (name: string) => (...args: unknown[]) => {
    fake.calls.push([name, args]);
  };
  class BrowserWindow {
    webContents = { id: 7 };
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      fake.windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    once() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
  }
  return {
    app: {
      on: (event: string, handler: Handler) => fake.appHandlers.set(event, handler),
      enableSandbox: record('app.enableSandbox'),
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      quit: record('app.quit'),
      exit: record('app.exit'),
    },
    BrowserWindow,
    dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: ['/data/extract.csv'] }) },
    ipcMain: {
      handle: (channel: string, handler: Handler) => fake.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
    },
    protocol: { registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'), handle: record('protocol.handle') },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (h: Handler) => (fake.sessionHandlers.headers = h),
          onBeforeRequest: (_filter: unknown, h: Handler) => (fake.sessionHandlers.before = h),
        },
        setPermissionRequestHandler: (h: Handler) => (fake.sessionHandlers.request = h),
        setPermissionCheckHandler: (h: Handler) => (fake.sessionHandlers.check = h),
        setDevicePermissionHandler: (h: Handler) => (fake.sessionHandlers.device = h),
      },
    },
    utilityProcess: {
      fork: (path: string, _args: string[], options: Record<string, unknown>) => {
        const emitter = new Emitter();
        const child = { path, options, sent: [] as unknown[], emitter };
        fake.children.push(child);
        return Object.assign(emitter, {
          postMessage: (m: { kind: string }) => {
            child.sent.push(m);
            if (m.kind === 'shutdown') queueMicrotask(() => emitter.emit('exit', 0));
          },
          kill: () => emitter.emit('exit', 1),
        });
      },
    },
  };
});

const saved = process.env.ATTEND_WORKSPACE;
beforeAll(async () => {
  process.env.ATTEND_WORKSPACE = '/tmp/attend-main-test/ws.sqlite';
  await import('../../electron/main.ts');
  await flush();
});
afterAll(() => {
  if (saved === undefined) delete process.env.ATTEND_WORKSPACE;
  else process.env.ATTEND_WORKSPACE = saved;
});

const ours = { sender: { id: 7, isDestroyed: () => false, send: () => undefined, once: () => undefined }, senderFrame: { url: 'app://attend/index.html', parent: null } };

describe('electron/main.ts (with a mocked electron module)', () => {
  it('registers app:// as privileged, enables the sandbox and hardens every web contents', () => {
    const names = fake.calls.map(([name]) => name);
    expect(names).toContain('protocol.registerSchemesAsPrivileged');
    expect(names).toContain('app.enableSandbox');
    expect(fake.appHandlers.has('web-contents-created')).toBe(true);
    expect(fake.calls.find(([n]) => n === 'protocol.handle')?.[1][0]).toBe('app');
  });

  it('opens one window with the secure web preferences, on app://attend/index.html', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0].options.webPreferences as { preload: string };
    expect(prefs.preload.endsWith('preload.cjs')).toBe(true);
    expect(prefs).toEqual(secureWebPreferences(prefs.preload));
    expect(fake.windows[0].loaded).toEqual(['app://attend/index.html']);
  });

  it('locks the default session: permissions denied, CSP on responses', () => {
    let granted: boolean | undefined;
    fake.sessionHandlers.request({}, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    expect(fake.sessionHandlers.check({}, 'notifications')).toBe(false);
    let headers: { responseHeaders: Record<string, string[]> } | undefined;
    fake.sessionHandlers.headers({ responseHeaders: {} }, (r: typeof headers) => (headers = r));
    expect(headers?.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('starts the core in a utility process at once, on the workspace it was given', () => {
    expect(fake.children).toHaveLength(1);
    const [child] = fake.children;
    expect(child.path.endsWith('core-host.cjs')).toBe(true);
    expect(child.options.serviceName).toBe('Attend core');
    const env = child.options.env as Record<string, string>;
    expect([env.ATTEND_CORE_WORKSPACE, env.ATTEND_CORE_DEMO]).toEqual(['/tmp/attend-main-test/ws.sqlite', '0']);
  });

  it('relays a checked call from the window to the utility process and back', async () => {
    const [child] = fake.children;
    const call = fake.ipcHandlers.get(IPC.call);
    const answer = Promise.resolve(call?.(ours, 'datasets.list', {}, 'r1'));
    child.emitter.emit('message', { kind: 'ready' });
    await flush();
    expect(child.sent).toEqual([{ kind: 'call', id: 1, name: 'datasets.list', input: {} }]);
    child.emitter.emit('message', { kind: 'result', id: 1, result: [{ name: 'demo' }] });
    expect(await answer).toEqual({ ok: true, result: [{ name: 'demo' }] });
  });

  it('refuses a call from a page that is not ours', async () => {
    const call = fake.ipcHandlers.get(IPC.call);
    const foreign = { ...ours, senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(Promise.resolve().then(() => call?.(foreign, 'datasets.list', {}, 'r2'))).rejects.toThrow('IPC refused from https://evil.example/');
    const otherWindow = { ...ours, sender: { ...ours.sender, id: 8 } };
    await expect(Promise.resolve().then(() => call?.(otherWindow, 'datasets.list', {}, 'r3'))).rejects.toThrow('IPC refused: the sender is not the Attend window');
  });

  it('opens the file dialog through IPC.pickFile', async () => {
    expect(await fake.ipcHandlers.get(IPC.pickFile)?.(ours)).toBe('/data/extract.csv');
  });

  it('when the window closes: removes the handlers, shuts the core down, then quits', async () => {
    fake.appHandlers.get('window-all-closed')?.();
    await flush();
    expect(fake.children[0].sent.at(-1)).toEqual({ kind: 'shutdown' });
    expect([...fake.ipcHandlers.keys()]).toEqual([]);
    expect(fake.calls.map(([n]) => n)).toContain('app.quit');
  });
});
