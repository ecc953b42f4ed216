import fs from 'node:fs';
import path from 'node:path';

/** Where `electron-vite build` writes the renderer. */
export const RENDERER_OUT = path.resolve(__dirname, '../../out/renderer');

/**
 * The start chunk's size budget (README, "Speed budget"). Measured when set: 462 KiB of JS and 4 KiB of
 * CSS (React, i18next with the zh-CN strings, TanStack Query and the lock screen drawn without Mantine;
 * Mantine, the router and the desk's frame load in the background, Shell.tsx). It was 800 / 300 KiB while
 * Mantine was in the start chunk; the headroom is for what the lock screen may still gain.
 */
export const START_BUDGET = { js: 500 * 1024, css: 16 * 1024 };

export interface Chunk {
  file: string;
  bytes: number;
}

export interface Bundle {
  /** What index.html makes the browser fetch before the lock screen can run: the entry, its preloads, its CSS. */
  start: { js: number; css: number; files: string[] };
  total: { js: number; css: number };
  /** Every JS chunk, the largest first. */
  chunks: Chunk[];
}

/**
 * Sizes of a built renderer. The start is read from index.html itself (the module script, the
 * `modulepreload` links Vite writes for the entry's static imports, the stylesheets), so it is exactly
 * what a cold start downloads and parses; chunks loaded with `import()` are not in it.
 */
export function readBundle(dir: string = RENDERER_OUT): Bundle {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const size = (file: string) => fs.statSync(path.join(dir, file)).size;
  const assets = fs.readdirSync(path.join(dir, 'assets')).map((f) => `assets/${f}`);
  const js = assets.filter((f) => f.endsWith('.js'));
  const css = assets.filter((f) => f.endsWith('.css'));
  const sum = (files: string[]) => files.reduce((n, f) => n + size(f), 0);
  const files = [...new Set(refs)];
  return {
    start: { js: sum(files.filter((f) => f.endsWith('.js'))), css: sum(files.filter((f) => f.endsWith('.css'))), files },
    total: { js: sum(js), css: sum(css) },
    chunks: js.map((file) => ({ file, bytes: size(file) })).sort((a, b) => b.bytes - a.bytes),
  };
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
