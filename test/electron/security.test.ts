import { describe, expect, it } from 'vitest';
import {
  BLOCKED_URL_PATTERNS,
  hardenAllContents,
  hardenContents,
  hardenSession,
  mainWindowOptions,
  secureWebPreferences,
  type HardenableContents,
  type HardenableSession,
} from '../../electron/security.ts';

type Handler = (...args: unknown[]) => unknown;

/** A WebContents stand-in that records its listeners and window-open handler. */
function fakeContents() {
  const listeners = new Map<string, Handler>();
  let openHandler: Handler | undefined;
  const contents = {
    on(event: string, handler: Handler) {
      listeners.set(event, handler);
      return contents;
    },
    setWindowOpenHandler(handler: Handler) {
      openHandler = handler;
    },
  };
  /** Fire an event the way Electron does; true when the handler called preventDefault. */
  const fire = (event: string, url: string): boolean => {
    let prevented = false;
    const handler = listeners.get(event);
    if (!handler) throw new Error(`no ${event} listener`);
    handler({ url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents: contents as unknown as HardenableContents, fire, open: (url: string) => openHandler?.({ url }) };
}

/** A Session stand-in that records every handler hardenSession installs. */
function fakeSession() {
  const got: { headers?: Handler; before?: { filter: unknown; handler: Handler }; request?: Handler; check?: Handler; device?: Handler } = {};
  const s = {
    webRequest: {
      onHeadersReceived: (handler: Handler) => (got.headers = handler),
      onBeforeRequest: (filter: unknown, handler: Handler) => (got.before = { filter, handler }),
    },
    setPermissionRequestHandler: (handler: Handler) => (got.request = handler),
    setPermissionCheckHandler: (handler: Handler) => (got.check = handler),
    setDevicePermissionHandler: (handler: Handler) => (got.device = handler),
  };
  return { session: s as unknown as HardenableSession, got };
}

describe('window settings', () => {
  it('isolates and sandboxes the page, with web security on and no Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
    expect(mainWindowOptions('/p.cjs').webPreferences).toEqual(secureWebPreferences('/p.cjs'));
    expect(mainWindowOptions('/p.cjs').show).toBe(false);
  });
});

describe('hardenContents', () => {
  it('prevents every navigation, redirect and webview', () => {
    const { contents, fire } = fakeContents();
    hardenContents(contents);
    expect(fire('will-navigate', 'https://example.org/')).toBe(true);
    expect(fire('will-navigate', 'app://attend/other.html')).toBe(true);
    expect(fire('will-frame-navigate', 'https://example.org/')).toBe(true);
    expect(fire('will-redirect', 'https://example.org/')).toBe(true);
    expect(fire('will-attach-webview', 'https://example.org/')).toBe(true);
  });

  it('denies every new window', () => {
    const { contents, open } = fakeContents();
    hardenContents(contents);
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open('app://attend/index.html')).toEqual({ action: 'deny' });
  });

  it('is applied to every web contents the app creates', () => {
    let created: Handler | undefined;
    hardenAllContents({ on: (event: string, handler: Handler) => (event === 'web-contents-created' ? (created = handler) : undefined) } as never);
    const { contents, fire, open } = fakeContents();
    created?.({}, contents);
    expect(fire('will-navigate', 'https://example.org/')).toBe(true);
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { session, got } = fakeSession();
    hardenSession(session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      got.request?.({}, permission, (granted: boolean) => answers.push(granted), {});
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(got.check?.({}, 'media', 'app://attend', {})).toBe(false);
    expect(got.check?.({}, 'clipboard-sanitized-write', 'app://attend', {})).toBe(false);
    expect(got.device?.({ deviceType: 'usb', origin: 'app://attend' })).toBe(false);
  });

  it("puts the one CSP, starting default-src 'none', on every response", () => {
    const { session, got } = fakeSession();
    hardenSession(session);
    let out: { responseHeaders: Record<string, string[]> } | undefined;
    got.headers?.(
      { responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': ["default-src *"], 'content-security-policy': ['script-src *'] } },
      (r: typeof out) => (out = r),
    );
    const headers = out?.responseHeaders ?? {};
    expect(Object.keys(headers).sort()).toEqual(['Content-Security-Policy', 'content-type']);
    expect(headers['Content-Security-Policy']).toHaveLength(1);
    expect(headers['Content-Security-Policy'][0].startsWith("default-src 'none'")).toBe(true);
    expect(headers['Content-Security-Policy'][0]).toContain("frame-ancestors 'none'");
  });

  it('cancels every request to the network or the file system', () => {
    const { session, got } = fakeSession();
    hardenSession(session);
    expect(got.before?.filter).toEqual({ urls: BLOCKED_URL_PATTERNS });
    expect(BLOCKED_URL_PATTERNS).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*']);
    let answer: unknown;
    got.before?.handler({ url: 'https://example.org/x.js' }, (r: unknown) => (answer = r));
    expect(answer).toEqual({ cancel: true });
  });
});
