import type { Checked, Raw } from './normalize.js';
import { cellText } from './normalize.js';
import { parentSituations, type ParentSituation, type Parents } from './family.js';

/**
 * The words real forms use for the parents' situations, read into `Parents`. A roster gives either one
 * 留守类型 cell (父母均外出, 单亲外出（父）, 父外出母在家, 孤儿, 非留守 …) or one cell per parent (父亲情况: 外出务工,
 * 在家, 去世, 重病 …). Words that do not say who is where (离异, 单亲 alone) are not guessed at.
 */

const fold = (raw: Raw) => cellText(raw).normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/[（【[]/g, '(').replace(/[）】\]]/g, ')');

/** One parent's situation from its own words: 在家, 外出务工, 去世, 失联, 重病, 重残, 服刑 … */
export function situationOf(words: string): ParentSituation | null {
  const s = words;
  if ((parentSituations as readonly string[]).includes(s)) return s as ParentSituation;
  if (/去世|死亡|已故|病故|亡|不在世/.test(s)) return 'deceased';
  if (/失联|失踪|下落不明|联系不上|出走/.test(s)) return 'missing';
  if (/服刑|在押|羁押|戒毒|拘留|劳教|坐牢|监狱/.test(s)) return 'custody';
  if (/残/.test(s)) return 'disability';
  if (/病|患/.test(s)) return 'illness';
  if (/无监护能力|不能照顾|无法照顾|无抚养能力|无力抚养|不能监护/.test(s)) return 'unable';
  if (/外出|务工|打工|外地|在外|省外|县外|外省|工作/.test(s)) return 'away';
  if (/在家|务农|本地|本村|留守在家|照顾/.test(s)) return 'home';
  return null;
}

const bad = (message: string, raw: Raw): Checked<never> => ({ ok: false, issue: { message, params: { value: cellText(raw) } } });

/** One parent's own cell (父亲情况). Empty: null. */
export function normalizeSituation(raw: Raw): Checked<ParentSituation | null> {
  const s = fold(raw);
  if (s === '' || s === '-' || s === '/') return { ok: true, value: null };
  const v = situationOf(s);
  return v ? { ok: true, value: v } : bad('parentSituation', raw);
}

/**
 * A 留守类型 cell. `null` value: the cell is empty (the parents' own cells, or their work places, decide).
 * `事实无人抚养` says a category, not who is where: it needs the parents' own cells (`needsParents`).
 */
export function normalizeFamily(raw: Raw): Checked<Parents | null> & { needsParents?: true } {
  const s = fold(raw);
  if (s === '') return { ok: true, value: null };
  if (/^(非留守|否|不是|无|none|no|父母在家|父母都在家|父母均在家|双亲在家)/.test(s)) return { ok: true, value: { father: 'home', mother: 'home' } };
  if (/孤儿|父母双亡|父母均去世|父母都去世/.test(s)) return { ok: true, value: { father: 'deceased', mother: 'deceased' } };
  if (/事实无人抚养|事实孤儿/.test(s)) return { ...bad('familyNeedsParents', raw), needsParents: true };
  // 单亲外出(父) / 单亲外出（母亲）: that parent away, the other at home.
  const single = /单亲外出\(?(父|母)/.exec(s);
  if (single) return { ok: true, value: single[1] === '父' ? { father: 'away', mother: 'home' } : { father: 'home', mother: 'away' } };
  if (/离异|单亲/.test(s)) return bad('awayParents', raw);
  if (/父母|双亲|双方|都|均|both/.test(s)) {
    const v = situationOf(s.replace(/父母|双亲|双方|均|都/g, ''));
    return v ? { ok: true, value: { father: v, mother: v } } : bad('awayParents', raw);
  }
  // 父外出母在家, 父亲去世母亲外出, 爸爸在外打工: each parent's words follow its name.
  const part = (names: RegExp): string | null => {
    const m = names.exec(s);
    if (!m) return null;
    const rest = s.slice(m.index + m[0].length);
    const stop = rest.search(/父亲|母亲|爸爸|妈妈|父|母|爸|妈/);
    return (stop < 0 ? rest : rest.slice(0, stop)).replace(/^[,，、;；]/, '');
  };
  const f = part(/父亲|爸爸|父|爸/);
  const m = part(/母亲|妈妈|母|妈/);
  if (f === null && m === null) {
    // "外出务工" alone says neither parent.
    return bad('awayParents', raw);
  }
  const fs = f === null ? null : situationOf(f === '' ? '外出' : f);
  const ms = m === null ? null : situationOf(m === '' ? '外出' : m);
  if ((f !== null && fs === null) || (m !== null && ms === null)) return bad('awayParents', raw);
  // The parent not named: 父亲外出 → mother at home; 父亲在家 → mother away (the way rosters mean it).
  const other = (named: ParentSituation): ParentSituation => (named === 'home' ? 'away' : 'home');
  return { ok: true, value: { father: fs ?? other(ms!), mother: ms ?? other(fs!) } };
}
