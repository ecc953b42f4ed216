import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './shared/security';
import { procedureTable } from './shared/api/index';

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

/**
 * `import { IconBook } from '@tabler/icons-react'` becomes `import IconBook from '@tabler/icons-react/icons/IconBook'`.
 * The built bundle is the same either way (the barrel tree-shakes), but the barrel makes Vite read all of
 * its ~6,500 icon modules: a renderer build transformed 8,585 modules in 13.8 s, one by one 2,073 in 9.4 s;
 * the development server sent the lock screen 27.9 MB (the pre-bundled barrel), one by one 11.5 MB.
 * Rewriting here keeps the sources on the plain named import.
 */
export function iconsOneByOne(): Plugin {
  const barrel = /import\s*\{([^}]*)\}\s*from\s*['"]@tabler\/icons-react['"];?/g;
  return {
    name: 'home-desk-icons-one-by-one',
    enforce: 'pre',
    transform(code: string, id: string) {
      if (id.includes('/node_modules/') || !code.includes('@tabler/icons-react')) return null;
      // On one line, with the import's own line breaks after it: later lines keep their numbers.
      const out = code.replace(barrel, (all: string, names: string) =>
        names
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)
          .map((n) => {
            if (n.startsWith('type ')) return `import type { ${n.slice(5)} } from '@tabler/icons-react';`;
            const [icon, local = icon] = n.split(/\s+as\s+/);
            return `import ${local} from '@tabler/icons-react/icons/${icon}';`;
          })
          .join(' ') + '\n'.repeat(all.split('\n').length - 1),
      );
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * `virtual:procedure-reads`: each procedure's `reads` (the topics its answer is made of), taken from the
 * contracts at build time, as plain data. The renderer's refresh rule needs only this table; importing the
 * contracts for it would evaluate zod and every schema (about 0.5 s at 4× CPU) while the lock screen shows.
 * The development server reads the contracts when it starts.
 */
export function procedureReads(): Plugin {
  const id = 'virtual:procedure-reads';
  return {
    name: 'home-desk-procedure-reads',
    resolveId: (source: string) => (source === id ? `\0${id}` : null),
    load(resolved: string) {
      if (resolved !== `\0${id}`) return null;
      const table = Object.fromEntries(
        Object.entries(procedureTable).flatMap(([name, p]) => (p.reads?.length ? [[name, p.reads]] : [])),
      );
      return `export default ${JSON.stringify(table)};`;
    },
  };
}

/**
 * The start chunk (the entry and what it imports statically), and the desk's frame and Today page that the
 * lock screen fetches while the teacher types the PIN (Shell.tsx, TodayPage.tsx, and what they import
 * statically), begin with V8's explicit compile hint, `//# allFunctionsCalledOnLoad`: V8 compiles their
 * functions on a background thread while the files stream in, instead of on the main thread when each is
 * first called (after login: the desk's first render). Other chunks keep V8's lazy default.
 * Chromium 136+ (Electron 36+) reads the hint.
 */
const HINTED = [/\/renderer\/src\/app\/Shell\.tsx$/, /\/renderer\/src\/features\/today\/TodayPage\.tsx$/];
export function compileHints(): Plugin {
  return {
    name: 'home-desk-compile-hints',
    apply: 'build',
    // On the written files: Vite puts the entry's preload table at its top after every generateBundle hook.
    writeBundle(options, bundle) {
      // A line put before the code would shift every mapping of a source map by one.
      if (options.sourcemap) this.error('compileHints: turn it off, or move the hint into generateBundle, before enabling source maps');
      const start = new Set<string>();
      const visit = (file: string) => {
        const chunk = bundle[file];
        if (start.has(file) || !chunk || chunk.type !== 'chunk') return;
        start.add(file);
        chunk.imports.forEach(visit);
      };
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type === 'chunk' && (chunk.isEntry || HINTED.some((re) => re.test(chunk.facadeModuleId ?? '')))) visit(file);
      }
      for (const file of start) {
        const path = resolve(options.dir ?? '', file);
        writeFileSync(path, `//# allFunctionsCalledOnLoad\n${readFileSync(path, 'utf8')}`);
      }
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
    plugins: [iconsOneByOne(), procedureReads(), react(), cspMeta(), compileHints()],
    // The icons are imported one by one (above): the development server need not pre-bundle the barrel.
    optimizeDeps: { exclude: ['@tabler/icons-react'] },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        // Mantine's components in one chunk that the desk's frame loads once, while the lock screen waits for
        // the PIN, instead of some forty small ones fetched one by one (each a task on the page's main thread).
        output: {
          codeSplitting: {
            groups: [{ name: 'mantine', test: /node_modules[\\/]@mantine[\\/](core|hooks)[\\/]/, includeDependenciesRecursively: false }],
          },
        },
      },
      minify: true,
      chunkSizeWarningLimit: 2000,
    },
  },
});
