import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources, namespaces } from './resources.js';
import { errorCodes } from '../errors.js';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const flat = (lng: 'zh-CN' | 'en', ns: (typeof namespaces)[number]) => flatten(resources[lng][ns] as unknown as Tree);
const has = (lng: 'zh-CN' | 'en', ns: (typeof namespaces)[number], key: string) => flat(lng, ns).has(key);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const root = path.resolve(__dirname, '../..');

describe('locales', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    for (const ns of namespaces) {
      const zh = flat('zh-CN', ns);
      const en = flat('en', ns);
      expect([...en.keys()].sort(), `en/${ns}.json`).toEqual([...zh.keys()].sort());
      for (const [k, v] of [...zh, ...en]) expect(v.trim(), `${ns}:${k}`).not.toBe('');
      // The same {{placeholders}} in both languages.
      for (const [k, v] of zh) {
        const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(vars(en.get(k)!), `${ns}:${k}`).toEqual(vars(v));
      }
    }
  });

  it('translate every error code', () => {
    for (const code of errorCodes) {
      expect(has('zh-CN', 'errors', code), code).toBe(true);
      expect(has('en', 'errors', code), code).toBe(true);
    }
  });

  it('translate every validation message the schemas use', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(root, 'shared'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'validation:(\w+)'/g)) used.add(m[1]!);
      // The normalizer's issues: bad('phone', …) and { message: 'birthAgeUnusual' }.
      for (const m of text.matchAll(/\bbad(?:<[^>]*>)?\('(\w+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/message: '(\w+)'/g)) used.add(m[1]!);
    }
    used.add('invalid');
    expect(used.size).toBeGreaterThan(3);
    for (const key of used) expect(has('zh-CN', 'validation', key), key).toBe(true);
  });

  it('have every key the renderer asks for by name', () => {
    const missing: string[] = [];
    let count = 0;
    for (const file of sourceFiles(path.join(root, 'renderer/src'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z]+):([\w.-]+)'/g)) {
        count++;
        const [, ns, key] = m;
        if (!(namespaces as readonly string[]).includes(ns!)) {
          missing.push(`${file}: unknown namespace ${ns}`);
          continue;
        }
        for (const lng of ['zh-CN', 'en'] as const) {
          if (!has(lng, ns as (typeof namespaces)[number], key!)) missing.push(`${lng} ${ns}:${key} (${path.relative(root, file)})`);
        }
      }
    }
    expect(count).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
