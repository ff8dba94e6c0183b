import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

// security.ts must stay pure: if it ever loads electron at runtime, importing it fails here.
vi.mock('electron', () => {
  throw new Error('electron/security.ts must not import electron at runtime');
});

import {
  APP_PAGE_URL,
  CONTENT_SECURITY_POLICY,
  blockOffMachineRequests,
  denyPermissions,
  hardenSession,
  hardenWebContents,
  installContentSecurityPolicy,
  isAppPage,
  isLocalUrl,
  secureWebPreferences,
} from '../../../electron/security.js';

type Listener = (...args: any[]) => unknown;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  const contents = {
    setWindowOpenHandler: vi.fn((handler: Listener) => {
      openHandler = handler;
    }),
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
  };
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler?.({ url }) };
}

function fakeSession() {
  const handlers: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: vi.fn((h: Listener) => (handlers.request = h)),
    setPermissionCheckHandler: vi.fn((h: Listener) => (handlers.check = h)),
    setDevicePermissionHandler: vi.fn((h: Listener) => (handlers.device = h)),
    webRequest: {
      onHeadersReceived: vi.fn((h: Listener) => (handlers.headers = h)),
      onBeforeRequest: vi.fn((h: Listener) => (handlers.before = h)),
    },
  };
  const request = (permission: string, requestingUrl = APP_PAGE_URL): boolean => {
    const callback = vi.fn();
    handlers.request!({}, permission, callback, { requestingUrl, isMainFrame: true });
    expect(callback).toHaveBeenCalledTimes(1);
    return callback.mock.calls[0]![0] as boolean;
  };
  const check = (permission: string, requestingUrl = APP_PAGE_URL): boolean =>
    handlers.check!({}, permission, 'app://heard', { requestingUrl, isMainFrame: true }) as boolean;
  const headers = (url: string, responseHeaders: Record<string, string[]> = {}) => {
    const callback = vi.fn();
    handlers.headers!({ url, responseHeaders }, callback);
    return callback.mock.calls[0]![0] as { responseHeaders?: Record<string, string[]> };
  };
  const cancelled = (url: string): boolean => {
    const callback = vi.fn();
    handlers.before!({ url }, callback);
    return (callback.mock.calls[0]![0] as { cancel: boolean }).cancel;
  };
  return { session: session as unknown as Session, raw: session, handlers, request, check, headers, cancelled };
}

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page and gives it no Node', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.js');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    // Linux spellcheck fetches dictionaries from the internet.
    expect(prefs.spellcheck).toBe(false);
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(prefs).not.toHaveProperty('experimentalFeatures');
  });
});

describe('hardenWebContents', () => {
  it('denies every window.open', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open(APP_PAGE_URL)).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects away from the app page, and allows the app page itself', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(fire(event, 'https://evil.example/phish')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
      expect(fire(event, 'app://heard/other.html')).toBe(true);
      expect(fire(event, 'app://evil/index.html')).toBe(true);
      expect(fire(event, 'not a url')).toBe(true);
      expect(fire(event, APP_PAGE_URL)).toBe(false);
      expect(fire(event, `${APP_PAGE_URL}#/equality`)).toBe(false);
    }
  });

  it('prevents <webview> from attaching', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents);
    expect(fire('will-attach-webview', 'https://example.com/')).toBe(true);
  });
});

describe('isAppPage / isLocalUrl', () => {
  it('recognises only our page', () => {
    expect(isAppPage('app://heard/index.html?x=1#/data')).toBe(true);
    expect(isAppPage('app://heard.evil/index.html')).toBe(false);
    expect(isAppPage('http://heard/index.html')).toBe(false);
    expect(isAppPage('')).toBe(false);
    expect(isAppPage('file:///x/dist/renderer/index.html', 'file:///x/dist/renderer/index.html')).toBe(true);
  });

  it('treats only on-machine schemes as local', () => {
    for (const url of ['app://heard/assets/a.js', 'file:///tmp/a', 'devtools://devtools/x', 'data:text/plain,hi', 'blob:app://heard/1234']) {
      expect(isLocalUrl(url)).toBe(true);
    }
    for (const url of ['https://telemetry.example/collect', 'http://127.0.0.1:9/', 'ws://localhost/', 'ftp://x/', 'garbage']) {
      expect(isLocalUrl(url)).toBe(false);
    }
  });
});

describe('session hardening', () => {
  it('denies permission requests and checks', () => {
    const s = fakeSession();
    denyPermissions(s.session);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'midi', 'fullscreen']) {
      expect(s.request(permission)).toBe(false);
      expect(s.check(permission)).toBe(false);
    }
    expect(s.handlers.device!({})).toBe(false);
  });

  it('allows clipboard writes only to the app page', () => {
    const s = fakeSession();
    denyPermissions(s.session);
    expect(s.request('clipboard-sanitized-write')).toBe(true);
    expect(s.request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(s.check('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });

  it('installs the CSP as a response header on our pages, replacing any other', () => {
    const s = fakeSession();
    installContentSecurityPolicy(s.session);
    const { responseHeaders } = s.headers(APP_PAGE_URL, { 'content-security-policy': ["script-src *"], 'Content-Type': ['text/html'] });
    expect(responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(responseHeaders).not.toHaveProperty('content-security-policy');
    expect(responseHeaders?.['Content-Type']).toEqual(['text/html']);
    expect(s.headers('file:///x/dist/renderer/index.html').responseHeaders?.['Content-Security-Policy']).toEqual([
      CONTENT_SECURITY_POLICY,
    ]);
    // Anything else (DevTools) is left alone.
    expect(s.headers('devtools://devtools/bundled/inspector.html')).toEqual({});
  });

  it('has a strict policy: own scripts only, no eval, no inline, nothing off the machine', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('cancels requests that would leave the machine', () => {
    const s = fakeSession();
    blockOffMachineRequests(s.session);
    expect(s.cancelled('https://www.google-analytics.com/collect')).toBe(true);
    expect(s.cancelled('http://192.168.1.10/upload')).toBe(true);
    expect(s.cancelled('wss://example.com/socket')).toBe(true);
    expect(s.cancelled('app://heard/assets/index.js')).toBe(false);
    expect(s.cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(s.cancelled('blob:app://heard/1')).toBe(false);
  });

  it('hardenSession installs all three', () => {
    const s = fakeSession();
    hardenSession(s.session);
    expect(s.raw.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(s.raw.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    expect(s.raw.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
  });
});
