import type { pinyin as Pinyin } from 'pinyin-pro';

/**
 * pinyin-pro and its dictionary (about 10 MB of the core's memory) are required on the first name or title
 * that needs its keys: saving a child or a book, a kiosk's class list. A desk that only reads and signs
 * children in and out never loads them. The core runs as CommonJS (electron-vite, tsx, the tests), so the
 * require is synchronous and the keys stay a plain function.
 */
let loaded: typeof Pinyin | null = null;
function pinyin(): typeof Pinyin {
  loaded ??= (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
  return loaded;
}

/**
 * Search keys stored with each child (and later each book): full pinyin and initials, surname read
 * as a surname (曾 zeng, 单 shan, 解 xie, 欧阳 ouyang). Only a–z are kept, so `·` and spaces vanish.
 */
export function searchKeys(name: string, kind: 'name' | 'title' = 'name'): { full: string; initials: string } {
  // A book title is not a name: 解忧杂货店 is jie you…, not xie you….
  const opts = { toneType: 'none', type: 'array', surname: kind === 'name' ? 'head' : 'off', v: true } as const;
  const full = pinyin()(name, opts).join('').toLowerCase().replace(/[^a-z]/g, '');
  const initials = pinyin()(name, { ...opts, pattern: 'first' }).join('').toLowerCase().replace(/[^a-z]/g, '');
  return { full, initials };
}

export { normalizeQuery } from './match.js';
