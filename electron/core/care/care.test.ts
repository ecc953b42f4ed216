import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import type { ChildInput } from '../../../shared/domain/child.js';

let t: TestCore;
afterEach(() => t.cleanup());

/** T0 is Saturday 2026-11-28: the week is Mon 11-23 … Sun 11-29, the term 2026-09-01 … 2027-01-20. */
const kid = (name: string, awayParents: ChildInput['awayParents'], classNo = 2): ChildInput => ({ ...ZHANG, name, awayParents, classNo, birthDate: null, contacts: [] });

async function school() {
  t = await makeSetUpCore();
  const wang = await t.call('teachers.add', { name: '王丽华', role: 'teacher', pin: '1357' });
  const chen = await t.call('teachers.add', { name: '陈志强', role: 'teacher', pin: '2468' });
  const asWang = t.core.openSession('desk');
  await t.call('auth.login', { teacherId: wang.id, pin: '1357' }, asWang);
  const asChen = t.core.openSession('desk');
  await t.call('auth.login', { teacherId: chen.id, pin: '2468' }, asChen);
  const a = await t.call('children.create', kid('张小雨', 'both'));
  const b = await t.call('children.create', kid('李浩然', 'father'));
  const c = await t.call('children.create', kid('王欣怡', 'mother', 3));
  const buddy = await t.call('children.create', kid('赵子涵', 'none'));
  return { wang, chen, asWang, asChen, a, b, c, buddy };
}

describe('care: mentors and pairings', () => {
  it('a teacher pairs with two children; the same pairing twice is refused; ending one keeps it in the history', async () => {
    const s = await school();
    await t.call('care.pair', { childId: s.a.id, role: 'teacher', teacherId: s.wang.id, fromDay: '2026-09-01' }, s.asWang);
    const p2 = await t.call('care.pair', { childId: s.b.id, role: 'teacher', teacherId: s.wang.id, fromDay: '2026-09-01' }, s.asWang);
    expect(await codeOf(t.call('care.pair', { childId: s.b.id, role: 'teacher', teacherId: s.wang.id, fromDay: '2026-10-01' }))).toBe('care.alreadyPaired');
    expect(await codeOf(t.call('care.pair', { childId: s.b.id, role: 'teacher', fromDay: '2026-10-01' }))).toBe('care.mentorMismatch');
    expect(await codeOf(t.call('care.pair', { childId: s.b.id, role: 'peer', peerId: s.b.id, fromDay: '2026-10-01' }))).toBe('care.mentorMismatch');

    const mine = await t.call('care.mine', {}, s.asWang);
    expect(mine.map((m) => m.pairing.childName)).toEqual(['李浩然', '张小雨']);
    // Each with what is due: no talk, visit or guardian contact yet this month / term.
    expect(mine[1]!.due.map((d) => d.kind).sort()).toEqual(['guardian', 'talk', 'visit']);

    expect(await codeOf(t.call('care.unpair', { id: p2.id, toDay: '2026-08-01', reason: '调班' }))).toBe('care.endBeforeStart');
    const ended = await t.call('care.unpair', { id: p2.id, toDay: '2026-11-20', reason: '调班' });
    expect(ended).toMatchObject({ toDay: '2026-11-20', endReason: '调班' });
    expect(await codeOf(t.call('care.unpair', { id: p2.id, toDay: '2026-11-21', reason: '再次' }))).toBe('care.pairingEnded');
    // A volunteer (爱心妈妈) and a classmate are mentors too; the child's history has all, the ended one last.
    const mama = await t.call('care.savePerson', { name: ' 刘秀英 ', phone: '138 0013 8000', kind: 'cadre' });
    expect(mama).toMatchObject({ name: '刘秀英', phone: '13800138000', children: 0 });
    await t.call('care.pair', { childId: s.b.id, role: 'caringMother', personId: mama.id, fromDay: '2026-11-21' });
    await t.call('care.pair', { childId: s.b.id, role: 'peer', peerId: s.buddy.id, fromDay: '2026-11-21' });
    const history = await t.call('care.ofChild', { childId: s.b.id });
    expect(history.pairings.map((p) => [p.role, p.mentorName, p.toDay])).toEqual([
      ['peer', '赵子涵', null],
      ['caringMother', '刘秀英', null],
      ['teacher', '王丽华', '2026-11-20'],
    ]);
    expect((await t.call('care.mine', {}, s.asWang)).map((m) => m.pairing.childName)).toEqual(['张小雨']);
    expect((await t.call('care.pairings', {})).length).toBe(3);
    expect((await t.call('care.pairings', { all: true })).length).toBe(4);
    // Another teacher's list is for admins only.
    expect(await codeOf(t.call('care.mine', { teacherId: s.wang.id }, s.asChen))).toBe('api.forbidden');
    expect((await t.call('care.mine', { teacherId: s.wang.id })).length).toBe(1);
    // A pairing list export is audited.
    const file = await t.call('care.exportPairings', {});
    expect(file.fileName).toMatch(/^结对帮扶名单-2026-11-28\.xlsx$/);
    expect((await t.call('audit.list', { limit: 5 })).map((x) => x.action)).toContain('care.exportPairings');
  });
});

describe('care: talks, visits, guardians and their targets', () => {
  it('the due lists follow the monthly, weekly and term targets set in Settings', async () => {
    const s = await school();
    await t.call('care.pair', { childId: s.a.id, role: 'teacher', teacherId: s.wang.id, fromDay: '2026-09-01' });
    const mama = await t.call('care.savePerson', { name: '刘秀英', kind: 'volunteer' });
    await t.call('care.pair', { childId: s.a.id, role: 'caringMother', personId: mama.id, fromDay: '2026-09-01' });
    const kinds = async (session?: string) => (await t.call('care.due', { mine: true }, session)).items.map((i) => `${i.kind}:${i.name}`).sort();

    expect(await kinds(s.asWang)).toEqual(['caringMother:张小雨', 'guardian:张小雨', 'talk:张小雨', 'visit:张小雨']);
    // The whole school: every left-behind child (not the buddy).
    const all = await t.call('care.due', { mine: false });
    expect(all.weekEnd).toBe('2026-11-29');
    expect(all.items.filter((i) => i.kind === 'talk').map((i) => [i.name, i.by, i.done, i.target])).toEqual([
      ['李浩然', '2026-11-30', 0, 1],
      ['张小雨', '2026-11-30', 0, 1],
      ['王欣怡', '2026-11-30', 0, 1],
    ]);

    // A talk last month does not count for this month; one this month does.
    await t.call('care.logTalk', { childId: s.a.id, day: '2026-10-30', topics: ['study'] }, s.asWang);
    expect(await kinds(s.asWang)).toContain('talk:张小雨');
    const talk = await t.call('care.logTalk', { childId: s.a.id, day: '2026-11-27', topics: ['mood', 'friends', 'mood'], summary: '最近想妈妈', followUp: '周一再问问', followUpBy: '2026-11-29' }, s.asWang);
    expect(talk).toMatchObject({ byName: '王丽华', topics: ['mood', 'friends'] });
    // The 爱心妈妈's talk this week meets her weekly target; the follow-up is due this week.
    await t.call('care.logTalk', { childId: s.a.id, day: '2026-11-24', personId: mama.id, topics: ['life'] }, s.asWang);
    expect(await kinds(s.asWang)).toEqual(['followUp:张小雨', 'guardian:张小雨', 'visit:张小雨']);
    await t.call('care.followUpDone', { id: talk.id, day: '2026-11-28' });
    await t.call('care.logVisit', { childId: s.a.id, day: '2026-11-20', teacherIds: [s.wang.id, s.chen.id], met: 'guardian', how: 'home', found: '奶奶身体不好', agreed: '每周打一次电话' }, s.asWang);
    await t.call('care.logGuardian', { childId: s.a.id, day: '2026-11-21', how: 'phone' }, s.asWang);
    expect(await kinds(s.asWang)).toEqual([]);

    // Bad input: the future, a follow-up date without what, a follow-up before the talk.
    expect(await codeOf(t.call('care.logTalk', { childId: s.a.id, day: '2026-11-29', topics: ['study'] }))).toBe('care.inFuture');
    expect(await codeOf(t.call('care.logTalk', { childId: s.a.id, day: '2026-11-20', topics: ['study'], followUpBy: '2026-11-30' }))).toBe('care.noFollowUp');
    expect(await codeOf(t.call('care.logTalk', { childId: s.a.id, day: '2026-11-20', topics: ['study'], followUp: '再谈', followUpBy: '2026-11-19' }))).toBe('care.followUpBefore');
    expect(await codeOf(t.call('care.logTalk', { childId: s.a.id, day: '2026-11-20', topics: [] }))).toBe('input.invalid');
    expect(await codeOf(t.call('care.logVisit', { childId: s.a.id, day: '2026-11-20', teacherIds: [], met: 'guardian', how: 'home' }))).toBe('input.invalid');

    // Targets: only an admin sets them; two talks a month makes the child due again, 0 turns a target off.
    const rules = await t.call('care.rules', {});
    expect(rules).toEqual({ talksPerMonth: 1, caringMotherPerWeek: 1, visitsPerTerm: 1, guardianPerMonth: 1 });
    expect(await codeOf(t.call('care.setRules', { rules: { ...rules, talksPerMonth: 2 } }, s.asWang))).toBe('api.forbidden');
    await t.call('care.setRules', { rules: { ...rules, talksPerMonth: 2, visitsPerTerm: 0 } });
    expect(await kinds(s.asWang)).toEqual(['talk:张小雨']);
    expect((await t.call('care.due', { mine: false })).items.some((i) => i.kind === 'visit')).toBe(false);
  });

  it('a guardians\u2019 meeting counts each family once; support and the 三个优先 list put left-behind children first', async () => {
    const s = await school();
    const m = await t.call('care.saveMeeting', { day: '2026-11-14', kind: 'training', title: '监护人培训：防溺水', childIds: [s.a.id, s.b.id, s.a.id] });
    expect(m).toMatchObject({ families: 2 });
    expect(await codeOf(t.call('care.saveMeeting', { day: '2026-11-14', kind: 'training', title: '  ', childIds: [] }))).toBe('input.invalid');
    await t.call('care.logSupport', { childId: s.c.id, day: '2026-11-01', kind: 'money', amountYuan: 500, source: 'government', sourceName: '县教育局' });
    await t.call('care.logSupport', { childId: s.a.id, day: '2026-11-02', kind: 'clothes', items: '棉衣一件', source: 'company' });
    const list = await t.call('care.priority', { purpose: 'support', grades: [3] });
    // Left-behind first; among them who has received least; the buddy last.
    expect(list.map((c) => [c.name, c.leftBehind, c.receivedFen])).toEqual([
      ['李浩然', true, 0],
      ['张小雨', true, 0],
      ['王欣怡', true, 50000],
      ['赵子涵', false, 0],
    ]);
  });
});

describe('care: close attention and the counselling notes', () => {
  it('only the writer, current mentors and admins read the record; every read and refusal is audited', async () => {
    const s = await school();
    await t.call('care.pair', { childId: s.a.id, role: 'teacher', teacherId: s.wang.id, fromDay: '2026-09-01' });
    const mark = await t.call('care.mark', { childId: s.a.id, reasons: ['mood', 'family'], detail: '父母离异', fromDay: '2026-11-20' }, s.asWang);
    expect(await codeOf(t.call('care.mark', { childId: s.a.id, reasons: ['mood'], fromDay: '2026-11-20' }))).toBe('care.alreadyMarked');
    await t.call('care.savePlan', { attentionId: mark.id, goals: '情绪稳定', measures: '每周谈心一次', people: '王丽华', reviewOn: '2026-11-27' }, s.asWang);
    await t.call('care.addNote', { attentionId: mark.id, kind: 'counselling', day: '2026-11-25', body: '哭了，说想妈妈' }, s.asWang);

    // The mentor reads it all; the read is audited without the text.
    const rec = await t.call('care.attention', { id: mark.id }, s.asWang);
    expect(rec.notes.map((n) => n.body)).toEqual(['哭了，说想妈妈']);
    expect(rec.plans[0]).toMatchObject({ goals: '情绪稳定', reviewOn: '2026-11-27', reviewedOn: null });
    let audit = await t.call('audit.list', { limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'care.attentionRead', entity: 'child', entityId: s.a.id, teacherName: '王丽华' });
    expect(audit[0]!.detail).not.toContain('妈妈');

    // A teacher who is not a mentor is refused, sees no item in the list, cannot write; the refusal is audited.
    expect(await codeOf(t.call('care.attention', { id: mark.id }, s.asChen))).toBe('care.forbidden');
    audit = await t.call('audit.list', { limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'care.attentionRefused', entityId: s.a.id, teacherName: '陈志强' });
    expect(await t.call('care.attentionList', {}, s.asChen)).toEqual([]);
    // Nor does the school's due list name the child whose plan is to be reviewed.
    expect((await t.call('care.due', { mine: false }, s.asChen)).items.some((i) => i.kind === 'review')).toBe(false);
    expect((await t.call('care.due', { mine: false })).items.some((i) => i.kind === 'review')).toBe(true);
    expect(await codeOf(t.call('care.addNote', { attentionId: mark.id, kind: 'progress', day: '2026-11-26', body: '好多了' }, s.asChen))).toBe('care.forbidden');
    // An admin reads it.
    expect((await t.call('care.attention', { id: mark.id })).reasons).toEqual(['mood', 'family']);

    // The plan's review is due this week (overdue since 11-27), then reviewed.
    expect((await t.call('care.due', { mine: true }, s.asWang)).items.filter((i) => i.kind === 'review').map((i) => i.by)).toEqual(['2026-11-27']);
    await t.call('care.reviewPlan', { id: rec.plans[0]!.id, day: '2026-11-28', note: '有进步' }, s.asWang);
    expect((await t.call('care.due', { mine: true }, s.asWang)).items.some((i) => i.kind === 'review')).toBe(false);

    // Chen cannot make himself a mentor to read it: while the record is open only an admin pairs a teacher.
    expect(await codeOf(t.call('care.pair', { childId: s.a.id, role: 'teacher', teacherId: s.chen.id, fromDay: '2026-11-28' }, s.asChen))).toBe('care.pairNeedsAdmin');
    // The admin pairs him: now he reads it, and writes a note.
    const pc = await t.call('care.pair', { childId: s.a.id, role: 'teacher', teacherId: s.chen.id, fromDay: '2026-11-28' });
    expect((await t.call('care.attention', { id: mark.id }, s.asChen)).notes).toHaveLength(1);
    await t.call('care.addNote', { attentionId: mark.id, kind: 'progress', day: '2026-11-28', body: '陈老师：上课专心了' }, s.asChen);
    await t.call('care.unpair', { id: pc.id, toDay: '2026-11-28', reason: '测试' });
    t.clock.set(Date.parse('2026-11-30T09:00:00+08:00'));
    // Re-sign-in after the idle lock moved the clock on. A former mentor reads only his own note, not the record.
    await t.call('auth.login', { teacherId: s.chen.id, pin: '2468' }, s.asChen);
    const former = await t.call('care.attention', { id: mark.id }, s.asChen);
    expect(former).toMatchObject({ reasons: [], detail: '', plans: [] });
    expect(former.notes.map((n) => n.body)).toEqual(['陈老师：上课专心了']);
  });
});

describe('care: bad input changes nothing', () => {
  it('refuses a deactivated teacher, a child who left, an unknown volunteer or family, an ended record; each with its code and nothing written', async () => {
    const s = await school();
    await t.call('teachers.setActive', { id: s.chen.id, active: false });
    expect(await codeOf(t.call('care.pair', { childId: s.a.id, role: 'teacher', teacherId: s.chen.id, fromDay: '2026-11-01' }))).toBe('care.teacherInactive');
    expect(await codeOf(t.call('care.pair', { childId: s.a.id, role: 'caringMother', personId: 999, fromDay: '2026-11-01' }))).toBe('care.personNotFound');
    expect(await codeOf(t.call('care.pair', { childId: s.a.id, role: 'peer', peerId: 999, fromDay: '2026-11-01' }))).toBe('children.notFound');
    expect(await t.call('care.pairings', { all: true })).toEqual([]);

    // A meeting naming a child who does not exist is refused whole: no meeting, no attendance.
    expect(await codeOf(t.call('care.saveMeeting', { day: '2026-11-14', kind: 'meeting', title: '家长会', childIds: [s.a.id, 999] }))).toBe('children.notFound');
    expect(await t.call('care.meetings', { from: '2026-11-01', to: '2026-11-30' })).toEqual([]);

    // Markup and a note too long: stored as text / refused with a length message.
    const talk = await t.call('care.logTalk', { childId: s.a.id, day: '2026-11-20', topics: ['study'], summary: '<img src=x onerror=alert(1)>' });
    expect(talk.summary).toBe('<img src=x onerror=alert(1)>');
    expect(await codeOf(t.call('care.logTalk', { childId: s.a.id, day: '2026-11-20', topics: ['study'], summary: '长'.repeat(501) }))).toBe('input.invalid');
    expect(await codeOf(t.call('care.logSupport', { childId: s.a.id, day: '2026-11-20', kind: 'money', amountYuan: -5, source: 'school' }))).toBe('input.invalid');

    // A close-attention record that has ended takes no more plans or notes.
    const mark = await t.call('care.mark', { childId: s.b.id, reasons: ['learning'], fromDay: '2026-11-01' });
    await t.call('care.unmark', { id: mark.id, toDay: '2026-11-20' });
    expect(await codeOf(t.call('care.addNote', { attentionId: mark.id, kind: 'progress', day: '2026-11-21', body: '好多了' }))).toBe('care.attentionEnded');
    expect(await t.call('care.attentionList', {})).toEqual([]);

    // A child who has left: nothing more is logged for them.
    await t.call('children.archive', { id: s.c.id, leftDate: '2026-11-25', reason: '转学' });
    expect(await codeOf(t.call('care.logVisit', { childId: s.c.id, day: '2026-11-26', teacherIds: [s.wang.id], met: 'guardian', how: 'home' }))).toBe('care.childLeft');
  });
});

