import { afterEach, describe, expect, it } from 'vitest';
import { makeSetUpCore, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import type { ChildInput } from '../../../shared/domain/child.js';

let t: TestCore;
afterEach(() => t.cleanup());

const kid = (name: string, awayParents: ChildInput['awayParents']): ChildInput => ({ ...ZHANG, name, awayParents, birthDate: null, contacts: [] });

/**
 * A dataset with known answers. The children's records are created on 2026-11-28 (T0), so over
 * Oct 1 – Nov 28 they are in school in November only: 3 left-behind children → 3 child-months.
 */
describe('care figures (stats/care.ts) against a dataset with known answers', () => {
  it('pairings, talks and the monthly target, visits, guardians, close attention, support; the summary carries them', async () => {
    t = await makeSetUpCore();
    const a = await t.call('children.create', kid('张小雨', 'both'));
    const b = await t.call('children.create', kid('李浩然', 'father'));
    const c = await t.call('children.create', kid('王欣怡', 'mother'));
    const buddy = await t.call('children.create', kid('赵子涵', 'none'));
    const me = t.adminId;
    // Pairings: a (teacher), b (peer, ended in the range) → 2 of 3 left-behind children paired; the buddy's own pairing does not count.
    await t.call('care.pair', { childId: a.id, role: 'teacher', teacherId: me, fromDay: '2026-09-01' });
    const pb = await t.call('care.pair', { childId: b.id, role: 'peer', peerId: buddy.id, fromDay: '2026-09-01' });
    await t.call('care.unpair', { id: pb.id, toDay: '2026-10-15', reason: '转学' });
    await t.call('care.pair', { childId: buddy.id, role: 'peer', peerId: c.id, fromDay: '2026-09-01' });
    // Talks: a ×2 in Nov (meets the target), b ×1 in Oct (not a November talk), c by a volunteer only (not a teacher) → 1 of 3 met.
    const mama = await t.call('care.savePerson', { name: '刘秀英', kind: 'volunteer' });
    await t.call('care.logTalk', { childId: a.id, day: '2026-11-03', topics: ['study'] });
    await t.call('care.logTalk', { childId: a.id, day: '2026-11-20', topics: ['mood'] });
    await t.call('care.logTalk', { childId: b.id, day: '2026-10-20', topics: ['life'] });
    await t.call('care.logTalk', { childId: c.id, day: '2026-11-21', personId: mama.id, topics: ['life'] });
    await t.call('care.logTalk', { childId: a.id, day: '2026-09-20', topics: ['life'] }); // before the range
    // Home visits: a twice, buddy once (not a left-behind family) → 3 visits, 1 family.
    for (const [childId, day] of [[a.id, '2026-10-08'], [a.id, '2026-11-25'], [buddy.id, '2026-11-02']] as const) {
      await t.call('care.logVisit', { childId, day, teacherIds: [me], met: 'guardian', how: 'home' });
    }
    // Guardians: 2 contacts; 2 meetings with families a, b and a again → 2 families.
    await t.call('care.logGuardian', { childId: a.id, day: '2026-11-05', how: 'phone' });
    await t.call('care.logGuardian', { childId: c.id, day: '2026-10-05', how: 'visit' });
    await t.call('care.saveMeeting', { day: '2026-10-10', kind: 'meeting', title: '家长会', childIds: [a.id, b.id] });
    await t.call('care.saveMeeting', { day: '2026-11-10', kind: 'training', title: '监护人培训', childIds: [a.id] });
    // Close attention: a, with plans to review on 11-10 (reviewed 11-09: on time) and 11-20 (reviewed 11-25: late), and one after the range.
    const mark = await t.call('care.mark', { childId: a.id, reasons: ['mood'], fromDay: '2026-10-01' });
    await t.call('care.savePlan', { attentionId: mark.id, goals: '一', measures: '一', reviewOn: '2026-11-10' });
    const plan1 = (await t.call('care.attention', { id: mark.id })).plans[0]!;
    await t.call('care.reviewPlan', { id: plan1.id, day: '2026-11-09', note: '按时' });
    await t.call('care.savePlan', { attentionId: mark.id, goals: '二', measures: '二', reviewOn: '2026-11-20' });
    const plan2 = (await t.call('care.attention', { id: mark.id })).plans[0]!;
    await t.call('care.reviewPlan', { id: plan2.id, day: '2026-11-25', note: '晚了' });
    await t.call('care.savePlan', { attentionId: mark.id, goals: '三', measures: '三', reviewOn: '2026-12-20' });
    // Support: 500 yuan to c, 123.45 yuan to a, clothes to a → 3 records, 2 children, 623.45 yuan.
    await t.call('care.logSupport', { childId: c.id, day: '2026-11-01', kind: 'money', amountYuan: 500, source: 'government' });
    await t.call('care.logSupport', { childId: a.id, day: '2026-10-01', kind: 'money', amountYuan: 123.45, source: 'company' });
    await t.call('care.logSupport', { childId: a.id, day: '2026-10-02', kind: 'clothes', items: '棉衣', source: 'volunteer' });

    const expected = {
      leftBehind: 3,
      paired: 2,
      talks: { talks: 4, children: 3, childMonths: 3, metTarget: 1 },
      visits: { visits: 3, families: 1 },
      guardians: { contacts: 2, meetings: 2, families: 2 },
      attention: { children: 1, plansDue: 2, reviewedOnTime: 1 },
      support: { records: 3, children: 2, totalFen: 62345 },
    };
    expect(await t.call('care.figures', { from: '2026-10-01', to: '2026-11-28' })).toEqual(expected);
    // The term summary carries the same figures, and its draft paragraph says them (counts only, no reason or note).
    const summary = await t.call('summary.compute', { from: '2026-10-01', to: '2026-11-28' });
    expect(summary.care).toEqual(expected);
  });
});
