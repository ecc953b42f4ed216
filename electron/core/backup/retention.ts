import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { DEFAULT_KEEP, type KeepRule } from '../../../shared/domain/backups.js';
import { parseBackupName, PARTIAL, PREFIX, SIDECAR, type ParsedName } from './files.js';

export { DEFAULT_KEEP, type KeepRule };

const dayKey = (at: number) => dayjs(at).format('YYYY-MM-DD');
/** Weeks start on Monday, as the school's do. */
const weekKey = (at: number) => {
  const d = dayjs(at).startOf('day');
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
};
const monthKey = (at: number) => dayjs(at).format('YYYY-MM');

/**
 * Which backups the rule keeps: the newest of each of the last `days` days that have one, of the last
 * `weeks` weeks and of the last `months` months. It counts the days that have backups, never days back
 * from "now", so a clock set back (or forward) never makes it delete what it should keep.
 */
export function keptBackups<T extends Pick<ParsedName, 'name' | 'at'>>(backups: readonly T[], rule: KeepRule): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
  const kept = new Set<string>();
  for (const [keyOf, limit] of [
    [dayKey, rule.days],
    [weekKey, rule.weeks],
    [monthKey, rule.months],
  ] as const) {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const k = keyOf(b.at);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      kept.add(b.name);
    }
  }
  // The newest is never pruned, whatever the numbers say.
  if (newestFirst[0]) kept.add(newestFirst[0].name);
  return kept;
}

/** A partial copy older than this is left over from a crash (a running one is minutes old at most). */
const STALE_PARTIAL_MS = 6 * 60 * 60 * 1000;

/**
 * Applies the rule to one folder: backups it does not keep are deleted with their sidecars, and partial
 * copies left by a crash go too. Files that are not the app's backups are never touched. Answers the names removed.
 */
export function prune(dir: string, rule: KeepRule, now: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const names = fs.readdirSync(dir);
  const backups = names.map(parseBackupName).filter((b): b is ParsedName => b !== null);
  const kept = keptBackups(backups, rule);
  const removed: string[] = [];
  for (const b of backups) {
    if (kept.has(b.name)) continue;
    fs.rmSync(path.join(dir, b.name), { force: true });
    fs.rmSync(path.join(dir, b.name + SIDECAR), { force: true });
    removed.push(b.name);
  }
  for (const n of names) {
    if (!n.includes(PARTIAL) || !n.startsWith(PREFIX)) continue;
    const file = path.join(dir, n);
    // Either way round: a clock set back must not make a crash's leftovers look fresh forever, nor a running copy old.
    if (Math.abs(now - fs.statSync(file).mtimeMs) > STALE_PARTIAL_MS) fs.rmSync(file, { force: true });
  }
  return removed;
}
