import type { Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../src/security/csp.js';

/**
 * The shell's security settings, kept free of runtime `electron` imports so they can be tested with plain objects.
 * Heard shows respondents' free text, which is untrusted input, and holds personal data that must stay on the
 * machine: so the page gets no Node, no navigation away, no new windows, no permissions and no network off the
 * machine.
 */

/** One policy for Electron and the web host (src/security/csp.ts); re-exported so the shell has a single import. */
export { CONTENT_SECURITY_POLICY };

export const APP_SCHEME = 'app';
export const APP_HOST = 'heard';
/** Chromium gives a standard custom scheme a tuple origin; Node's URL would call it "null", so spell it out. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** Schemes a page of ours may load from. Everything else (http, https, ws, ftp…) is off the machine. */
const LOCAL_PROTOCOLS = new Set([`${APP_SCHEME}:`, 'file:', 'devtools:', 'data:', 'blob:']);

/** The only permission a page of ours may have: writing (sanitised) text to the clipboard, to paste tables. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // On Linux Chromium downloads Hunspell dictionaries from a Google CDN; nothing in Heard may phone out.
    spellcheck: false,
  };
}

/** True for the app's own page (any #route or ?query on it), false for everything else, malformed URLs included. */
export function isAppPage(url: string, appPageUrl: string = APP_PAGE_URL): boolean {
  try {
    const target = new URL(url);
    const page = new URL(appPageUrl);
    return target.protocol === page.protocol && target.host === page.host && target.pathname === page.pathname;
  } catch {
    return false;
  }
}

/** True for URLs that never leave the machine (see LOCAL_PROTOCOLS). */
export function isLocalUrl(url: string): boolean {
  try {
    return LOCAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

function isOurContent(url: string): boolean {
  return url.startsWith(`${APP_SCHEME}:`) || url.startsWith('file:');
}

/** Per-window rules: no new windows, no navigating or redirecting away from the app page, no <webview>. */
export function hardenWebContents(contents: WebContents, appPageUrl: string = APP_PAGE_URL): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppPage(event.url, appPageUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url, appPageUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Session rules: every permission request and check is refused (camera, location, notifications, opening external
 * apps…), except clipboard writes from the app page itself.
 */
export function denyPermissions(session: Session, appPageUrl: string = APP_PAGE_URL): void {
  const allowed = (permission: string, url: string | undefined) =>
    ALLOWED_PERMISSIONS.has(permission) && url !== undefined && isAppPage(url, appPageUrl);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => allowed(permission, details.requestingUrl));
  session.setDevicePermissionHandler(() => false);
}

/**
 * Sends our CSP as a response header on our own pages, replacing any the response carried. The app:// handler sets
 * it as well and index.html has a meta copy; the header is what also covers a page loaded from file://.
 */
export function installContentSecurityPolicy(session: Session, policy: string = CONTENT_SECURITY_POLICY): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isOurContent(details.url)) {
      callback({});
      return;
    }
    const responseHeaders: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [policy];
    callback({ responseHeaders });
  });
}

/** Cancels every request that would leave the machine: no telemetry, no fonts from CDNs, no data exfiltration. */
export function blockOffMachineRequests(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLocalUrl(details.url) });
  });
}

export function hardenSession(session: Session, appPageUrl: string = APP_PAGE_URL): void {
  denyPermissions(session, appPageUrl);
  installContentSecurityPolicy(session);
  blockOffMachineRequests(session);
}
