import { codeOf, makeSetUpCore, SETUP, T0, type TestCore } from './tests/helpers/core.js';
import { ZHANG } from './tests/fixtures/children.js';
import type { Child } from './shared/domain/child.js';
import type { EventDetail, SignupResult } from './shared/domain/events.js';

const HOUR = 3_600_000, DAY = 24 * HOUR;
let t: TestCore;
let n = 0;
async function kids(k: number, away: 'both' | 'none' = 'both'): Promise<Child[]> {
  const out: Child[] = [];
  for (let i = 0; i < k; i++) { n++; out.push(await t.call<Child>('children.create', { ...ZHANG, name: `孩子${n}`, birthDate: `2016-0${1 + (n % 9)}-1${n % 10}`, awayParents: away })); }
  return out;
}
const ev = (over: Record<string, unknown> = {}) => ({ title: '歌唱比赛', startsAt: T0 + 3 * DAY, endsAt: T0 + 3 * DAY + 2 * HOUR, capacity: 2, grades: [1,2,3,4,5,6], opensAt: T0 - DAY, closesAt: T0 + 2 * DAY, ...over });
const st = (d: EventDetail) => d.signups.map((s) => `${s.name}:${s.status}${s.position ?? ''}`).join(' ');

async function setClock(ms: number) { t.clock.set(ms); await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin }); }
async function main() {
  t = await makeSetUpCore();
  // 1. weekly group: after first session attendance, status held → sign-up refused, cancel doesn't promote
  {
    const [a, b, c] = await kids(3);
    const club = await t.call<EventDetail>('events.create', ev({ title: '象棋', capacity: 2, weeks: 4, closesAt: null }));
    for (const x of [a!, b!, c!]) await t.call('events.signUp', { eventId: club.event.id, childId: x.id });
    await setClock(T0 + 3 * DAY + 3 * HOUR);
    const after = await t.call<EventDetail>('events.attendance', { sessionId: club.sessions[0]!.id, present: [a!.id] });
    console.log('1 status after session 1:', after.event.status);
    const r = await t.call<SignupResult>('events.cancel', { eventId: club.event.id, childId: b!.id });
    console.log('1 cancel in running group promoted:', r.promoted?.name ?? null, '|', st(await t.call('events.get', { id: club.event.id })));
    const [d] = await kids(1);
    console.log('1 new sign-up for running group:', await codeOf(t.call('events.signUp', { eventId: club.event.id, childId: d!.id })));
    await setClock(T0);
  }
  // 2. cancel event, child cancels, re-open: waitlist not promoted
  {
    const [a, b, c] = await kids(3);
    const e = await t.call<EventDetail>('events.create', ev());
    for (const x of [a!, b!, c!]) await t.call('events.signUp', { eventId: e.event.id, childId: x.id });
    await t.call('events.setStatus', { id: e.event.id, status: 'cancelled' });
    const r = await t.call<SignupResult>('events.cancel', { eventId: e.event.id, childId: a!.id });
    console.log('2 cancel while event cancelled, promoted:', r.promoted?.name ?? null);
    const re = await t.call<EventDetail>('events.setStatus', { id: e.event.id, status: 'planned' });
    console.log('2 after reopen:', st(re), 'confirmed', re.event.confirmed, '/', re.event.capacity);
  }
  // 3. leftBehindFirst turned off after sign-ups
  {
    const [a, b] = await kids(2);
    const [buddy] = await kids(1, 'none');
    const [lb] = await kids(1);
    const e = await t.call<EventDetail>('events.create', ev());
    for (const x of [a!, b!, buddy!, lb!]) await t.call('events.signUp', { eventId: e.event.id, childId: x.id });
    const d = await t.call<EventDetail>('events.update', { id: e.event.id, event: ev({ leftBehindFirst: false }) });
    console.log('3 leftBehindFirst off, waitlist:', st(d));
  }
  // 4. kiosk: left child's name via error
  {
    const [a] = await kids(1);
    const e = await t.call<EventDetail>('events.create', ev());
    await t.call('children.archive', { id: a!.id, leftDate: '2026-11-28', reason: '转学' });
    const kiosk = t.core.openSession('kiosk');
    const r = await t.core.call(kiosk, 'kiosk.signUp', { childId: a!.id, eventId: e.event.id });
    console.log('4 kiosk sign-up for left child:', JSON.stringify(r));
    // kiosk cancel after window closed / after held
    const [b] = await kids(1);
    await t.call('events.signUp', { eventId: e.event.id, childId: b!.id, overCapacityReason: null });
    await setClock(T0 + 2 * DAY + HOUR);
    const r2 = await t.core.call(kiosk, 'kiosk.cancelSignUp', { childId: b!.id, eventId: e.event.id });
    console.log('4 kiosk cancel after window closed:', JSON.stringify(r2));
    await setClock(T0);
  }
  // 5. teacher cancel on held event leaves attendance; ofChild position
  {
    const [a, b, c] = await kids(3);
    const e = await t.call<EventDetail>('events.create', ev());
    for (const x of [a!, b!, c!]) await t.call('events.signUp', { eventId: e.event.id, childId: x.id });
    const of = await t.call<{ status: string; position: number | null }[]>('events.ofChild', { childId: c!.id });
    console.log('5 ofChild waitlist position:', JSON.stringify(of.map((x) => [x.status, x.position])));
    // future-session attendance allowed, flips to held
    const d = await t.call<EventDetail>('events.attendance', { sessionId: e.sessions[0]!.id, present: [a!.id] });
    console.log('5 attendance 3 days early -> status', d.event.status);
    const r = await t.call<SignupResult>('events.cancel', { eventId: e.event.id, childId: a!.id });
    const d2 = await t.call<EventDetail>('events.get', { id: e.event.id });
    console.log('5 cancel on held event ok:', r.signup.status, 'attendance still', JSON.stringify(d2.attendance), st(d2));
  }
  // 6. attendance on cancelled event
  {
    const [a] = await kids(1);
    const e = await t.call<EventDetail>('events.create', ev());
    await t.call('events.signUp', { eventId: e.event.id, childId: a!.id });
    await t.call('events.setStatus', { id: e.event.id, status: 'cancelled' });
    const d = await t.call<EventDetail>('events.attendance', { sessionId: e.sessions[0]!.id, present: [a!.id] });
    console.log('6 attendance on cancelled event ->', d.event.status, JSON.stringify(d.attendance));
  }
  // 7. waitlisted child placed past capacity by teacher
  {
    const [a, b, c] = await kids(3);
    const e = await t.call<EventDetail>('events.create', ev());
    for (const x of [a!, b!, c!]) await t.call('events.signUp', { eventId: e.event.id, childId: x.id });
    console.log('7 over-capacity for waitlisted child:', await codeOf(t.call('events.signUp', { eventId: e.event.id, childId: c!.id, overCapacityReason: '领唱' })));
    // over-capacity child then confirmed cancel -> ?
  }
  // 8. capacity lowered, then raised by editing
  {
    const [a, b, c, d] = await kids(4);
    const e = await t.call<EventDetail>('events.create', ev({ capacity: 3 }));
    for (const x of [a!, b!, c!, d!]) await t.call('events.signUp', { eventId: e.event.id, childId: x.id });
    const low = await t.call<EventDetail>('events.update', { id: e.event.id, event: ev({ capacity: 1 }) });
    console.log('8 lowered to 1:', st(low));
    const r = await t.call<SignupResult>('events.cancel', { eventId: e.event.id, childId: a!.id });
    console.log('8 cancel after lowering: promoted', r.promoted?.name ?? null);
    const up = await t.call<EventDetail>('events.update', { id: e.event.id, event: ev({ capacity: null }) });
    console.log('8 unlimited:', st(up));
  }
  // 9. same child: re-sign after cancel goes to end; cancel twice
  {
    const [a, b, c] = await kids(3);
    const e = await t.call<EventDetail>('events.create', ev({ capacity: 1 }));
    await t.call('events.signUp', { eventId: e.event.id, childId: a!.id });
    await t.call('events.signUp', { eventId: e.event.id, childId: b!.id });
    await t.call('events.cancel', { eventId: e.event.id, childId: a!.id });
    const r = await t.call<SignupResult>('events.signUp', { eventId: e.event.id, childId: a!.id });
    console.log('9 re-sign after cancel:', r.signup.status, r.signup.position);
  }
  // 10. stats and an update that sets times for a held event w/o attendance
  {
    const kiosk = t.core.openSession('kiosk');
    const r = await t.core.call(kiosk, 'kiosk.events', { childId: 999999 });
    console.log('10 kiosk unknown child:', JSON.stringify(r));
  }
  t.cleanup();
}
main().catch((e) => { console.error(e); t?.cleanup(); process.exit(1); });
