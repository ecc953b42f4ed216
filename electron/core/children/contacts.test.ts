import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeSetUpCore, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import type { Child, ChildInput } from '../../../shared/domain/child.js';

let t: TestCore;
afterEach(() => t.cleanup());

/** What the form sends back for a stored record: each contact with its id. */
const asInput = (c: Child): ChildInput => ({
  ...ZHANG,
  name: c.name,
  contacts: c.contacts.map(({ id, role, name, relation, phones, workPlace, livesWith }) => ({ id, role, name, relation, phones, workPlace, livesWith })),
});

describe('contacts across an edit', () => {
  it('keep their ids, so a call dialog opened before the edit still logs against the same contact', async () => {
    t = await makeSetUpCore();
    const c = await t.call('children.create', ZHANG);
    const father = c.contacts.find((x) => x.role === 'father')!;
    const input = asInput(c);
    // Someone edits the record while the dialog is open: the father's new number, a new contact, the mother removed.
    const edited = await t.call('children.update', {
      id: c.id,
      child: {
        ...input,
        contacts: [
          { ...input.contacts![0]!, phones: '13811112222' },
          input.contacts![2]!,
          { role: 'other', name: '王阿姨', relation: 'other', phones: '13600136000' },
        ],
      },
    });
    expect(edited.contacts.map((x) => x.role)).toEqual(['father', 'guardian', 'other']);
    expect(edited.contacts[0]).toMatchObject({ id: father.id, phones: ['13811112222'] });
    expect(edited.contacts[1]!.id).toBe(c.contacts[2]!.id);
    expect(c.contacts.map((x) => x.id)).not.toContain(edited.contacts[2]!.id);

    const call = await t.call('calls.log', { childId: c.id, contactId: father.id, kind: 'voice', direction: 'out' });
    expect(call).toMatchObject({ withRole: 'father', withName: '张大山' });
    // The removed contact is gone for real: a dialog open on it is told so.
    const mother = c.contacts.find((x) => x.role === 'mother')!;
    expect(await codeOf(t.call('calls.log', { childId: c.id, contactId: mother.id, kind: 'voice', direction: 'out' }))).toBe('calls.contactNotFound');
  });

  it('reorders in place and never takes another child’s contact id', async () => {
    t = await makeSetUpCore();
    const a = await t.call('children.create', ZHANG);
    const b = await t.call('children.create', { ...ZHANG, name: '李雷' });
    const input = asInput(a);
    const reordered = await t.call('children.update', { id: a.id, child: { ...input, contacts: [...input.contacts!].reverse() } });
    expect(reordered.contacts.map((x) => x.id)).toEqual(a.contacts.map((x) => x.id).reverse());
    // An id of 李雷's contact sent with 张三丽's record adds a new row; 李雷's stays his.
    const stolen = await t.call('children.update', {
      id: a.id,
      child: { ...input, contacts: [{ ...input.contacts![0]!, id: b.contacts[0]!.id }] },
    });
    expect(stolen.contacts).toHaveLength(1);
    expect(stolen.contacts[0]!.id).not.toBe(b.contacts[0]!.id);
    expect((await t.call('children.get', { id: b.id })).contacts.map((x) => x.id)).toEqual(b.contacts.map((x) => x.id));
  });
});
