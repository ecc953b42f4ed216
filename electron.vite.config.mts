import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './shared/security';

/** The built page carries the CSP itself: Electron loads it from file://, where no header is sent. */
function cspMeta(): Plugin {
  return {
    name: 'home-desk-csp',
    apply: 'build',
    transformIndexHtml(html: string) {
      // frame-ancestors is ignored in a meta tag; the web host sends it as a header.
      const policy = CONTENT_SECURITY_POLICY.split('; ')
        .filter((d) => !d.startsWith('frame-ancestors'))
        .join('; ');
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      );
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve(__dirname, 'electron/main/index.ts'), formats: ['cjs'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // CommonJS: a sandboxed preload cannot be an ES module.
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      minify: true,
      chunkSizeWarningLimit: 2000,
    },
  },
});
