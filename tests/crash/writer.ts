import { openCore } from '../../electron/core/app.js';
import type { Child, ChildListItem } from '../../shared/domain/child.js';
import type { KioskResult } from '../../shared/domain/attendance.js';
import { print } from './print.js';

/**
 * The crash harness's child process (see harness.ts): opens the real core on a data folder and writes
 * through its procedures until it is killed, printing one line per write *after* the call answered ok.
 *
 *   node --import tsx tests/crash/writer.ts <data folder> <first sequence number> <random seed>
 *
 * A line is `{"key":…,"sql":…,"args":[…],"min":n}`: on a fresh connection `sql` with `args` answers a number
 * of at least `min` for the write to be there. Edits carry their sequence number in the value, so an edit
 * that committed but was killed before its line was printed (newer than the last confirmed) still passes.
 */

const [dataDir, firstSeq, seedArg] = process.argv.slice(2);
if (!dataDir || !firstSeq || !seedArg) {
  console.error('usage: writer.ts <data folder> <first sequence number> <random seed>');
  process.exit(2);
}

let seed = Number(seedArg) >>> 0 || 1;
/** xorshift32: the same seed gives the same sequence of writes. */
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4_294_967_296;
}

async function main(): Promise<void> {
  const core = openCore({ dataDir: dataDir!, checkOutputs: false });
  const system = core.openSession('system');
  const kiosk = core.openSession('kiosk');
  const call = async <T>(session: string, name: string, input: unknown): Promise<T | null> => {
    const r = await core.call(session, name, input);
    if (r.ok) return r.value as T;
    // A fault is not expected here; print it so the harness can tell.
    print({ error: r.error.code, name });
    return null;
  };
  const kids = (await call<ChildListItem[]>(system, 'children.list', { q: '' })) ?? [];
  print({ ready: kids.length });
  for (let seq = Number(firstSeq); ; seq++) {
    const kid = kids[Math.floor(random() * kids.length)]!;
    const pick = random();
    if (pick < 0.4) {
      const child = await call<Child>(system, 'children.get', { id: kid.id });
      const contact = child?.contacts.find((c) => c.role === 'father') ?? child?.contacts[0];
      if (!contact) continue;
      const logged = await call<{ id: number }>(system, 'calls.log', { childId: kid.id, contactId: contact.id, kind: 'voice', direction: 'out', seconds: 30 + (seq % 600), note: `电话 ${seq}` });
      if (logged) print({ key: `call:${logged.id}`, sql: 'SELECT count(*) FROM calls WHERE id = ? AND note = ?', args: [logged.id, `电话 ${seq}`], min: 1 });
    } else if (pick < 0.8) {
      const r = await call<KioskResult>(kiosk, 'kiosk.toggle', { childId: kid.id });
      if (r && !r.repeated) {
        const column = r.action === 'in' ? 'in_at' : 'out_at';
        print({ key: `visit:${kid.id}:${r.action}:${r.at}`, sql: `SELECT count(*) FROM visits WHERE child_id = ? AND ${column} = ?`, args: [kid.id, r.at], min: 1 });
      }
    } else {
      const child = await call<Child>(system, 'children.get', { id: kid.id });
      if (!child) continue;
      const { id: _id, contacts, ...fields } = child;
      const input = {
        ...fields,
        gender: fields.gender ?? '',
        address: `河西村 ${seq}`,
        contacts: contacts.map(({ id: _c, ...c }) => c),
      };
      const updated = await call<Child>(system, 'children.update', { id: kid.id, child: input });
      if (updated) {
        print({
          key: `child:${kid.id}`,
          sql: "SELECT CAST(substr(address, 5) AS INTEGER) FROM children WHERE id = ? AND address LIKE '河西村 %'",
          args: [kid.id],
          min: seq,
        });
      }
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
