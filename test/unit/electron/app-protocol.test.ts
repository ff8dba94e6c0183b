import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appProtocolHandler, resolveAppAsset } from '../../../electron/app-protocol.js';
import { contentTypeFor } from '../../../src/web/content-type.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security.js';

const root = path.resolve('/srv/heard/dist/renderer');

describe('resolveAppAsset', () => {
  it('maps app://heard paths into the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://heard/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://heard/index.html#/data')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://heard/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppAsset(root, 'app://heard/assets/My%20font.woff2')).toBe(path.join(root, 'assets', 'My font.woff2'));
  });

  it('refuses anything outside the folder, other hosts and other schemes', () => {
    for (const url of [
      'app://heard/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://heard/%2e%2e/%2e%2e/secret',
      'app://heard/assets%5C..%5C..%5Csecret',
      'app://heard/a%00.js',
      'app://heard/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://heard/index.html',
      'nonsense',
    ]) {
      const resolved = resolveAppAsset(root, url);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep), `${url} -> ${resolved}`).toBe(true);
    }
    expect(resolveAppAsset(root, 'app://heard/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveAppAsset(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'file:///etc/passwd')).toBeNull();
  });

  it('knows the types a module page needs', () => {
    expect(contentTypeFor('a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});

describe('appProtocolHandler', () => {
  it('serves files with the CSP header and nosniff', async () => {
    const readFile = vi.fn(async () => new TextEncoder().encode('<!doctype html>'));
    const response = await appProtocolHandler(root, readFile)(new Request('app://heard/index.html'));
    expect(readFile).toHaveBeenCalledWith(path.join(root, 'index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('answers 404 for missing files and refused paths without reading them', async () => {
    const readFile = vi.fn(async () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    });
    const handler = appProtocolHandler(root, readFile);
    expect((await handler(new Request('app://heard/missing.js'))).status).toBe(404);
    readFile.mockClear();
    expect((await handler(new Request('app://heard/..%2F..%2Fetc%2Fpasswd'))).status).toBe(404);
    expect(readFile).not.toHaveBeenCalled();
  });
});
