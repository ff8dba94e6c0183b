import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer build. The page runs under a strict CSP (no inline script or style), in Electron from file:// and in
 * a browser from the local web host, so: relative asset URLs, no inline module-preload polyfill.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    // Electron 45 and current browsers; keeps the output close to the source for readable stack traces.
    target: 'es2022',
    sourcemap: true,
    // Inlined assets become data: URLs; keep them as files so the CSP stays simple.
    assetsInlineLimit: 0,
    // A desktop app loads from disk or localhost; one bundle of React, Arrow and zod is fine at this size.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The renderer imports the pure contract and rpc modules from ../src.
    fs: { allow: [here] },
  },
});
