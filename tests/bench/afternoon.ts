import type { openCore } from '../../electron/core/app.js';

type Core = ReturnType<typeof openCore>;

async function must(core: Core, session: string, name: string, input: unknown): Promise<void> {
  const r = await core.call(session, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
}

/**
 * One afternoon's writes through the core as the kiosk, the lending desk and the call log make them:
 * 200 kiosk taps (100 children in and out), 50 loans returned again, 20 calls home. The desk page hears
 * each as a data event and refreshes what it shows.
 */
export async function scriptedAfternoon(core: Core, clock: { set(ms: number): void }): Promise<void> {
  // The kiosk ignores a second tap within seconds, so the clock moves on a little between taps (not
  // minutes: the desk would lock itself for being idle).
  const later = (minutes: number) => clock.set(core.clock.now() + minutes * 60_000);
  const kiosk = core.openSession('kiosk');
  const desk = core.openSession('system');
  try {
    const children = core.db.prepare("SELECT id FROM children WHERE status = 'active' ORDER BY id LIMIT 100").pluck().all() as number[];
    later(0.2);
    for (const id of children) await must(core, kiosk, 'kiosk.toggle', { childId: id });
    later(0.2);
    for (const id of children) await must(core, kiosk, 'kiosk.toggle', { childId: id });
    const borrowers = core.db
      .prepare("SELECT id FROM children c WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.child_id = c.id AND l.returned_at IS NULL) ORDER BY id LIMIT 50")
      .pluck()
      .all() as number[];
    const copies = core.db
      .prepare("SELECT barcode FROM copies c WHERE status = 'available' AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.copy_id = c.id AND l.returned_at IS NULL) ORDER BY id LIMIT 50")
      .pluck()
      .all() as string[];
    for (const [i, childId] of borrowers.entries()) if (copies[i]) await must(core, desk, 'library.lend', { childId, barcode: copies[i], overrideReason: '测试' });
    for (const barcode of copies) await must(core, desk, 'library.return', { barcode });
    const contacts = core.db
      .prepare("SELECT child_id AS childId, MIN(id) AS contactId FROM contacts WHERE child_id IN (SELECT id FROM children WHERE status = 'active') GROUP BY child_id ORDER BY child_id LIMIT 20")
      .all() as { childId: number; contactId: number }[];
    for (const c of contacts) await must(core, desk, 'calls.log', { ...c, kind: 'voice', direction: 'out', seconds: 300, note: '' });
  } finally {
    core.closeSession(kiosk);
    core.closeSession(desk);
  }
}
