import { calledName } from './names.js';
import { searchKeys } from './search.js';

/**
 * The kiosk's name tiles: the large label is the name the child is called by (calledName), unless another
 * tile in the same list would show the same large label (张子涵, 李子涵): then both show the full name.
 * The list is sorted (unless `sort` is false: search results keep their best-match order) by the pinyin of the large label, so the big letters a child scans run in order.
 */
export function kioskTiles<T extends { id: number; name: string }>(
  children: readonly T[],
  { sort = true }: { sort?: boolean } = {},
): (T & { calledName: string; label: string })[] {
  const counts = new Map<string, number>();
  for (const c of children) counts.set(calledName(c.name), (counts.get(calledName(c.name)) ?? 0) + 1);
  const withLabels = children.map((c) => {
    const called = calledName(c.name);
    return { ...c, calledName: called, label: (counts.get(called) ?? 0) > 1 ? c.name : called };
  });
  if (!sort) return withLabels;
  const key = new Map(withLabels.map((c) => [c.id, `${searchKeys(c.label).full} ${searchKeys(c.name).full}`]));
  return withLabels.sort((a, b) => (key.get(a.id)! < key.get(b.id)! ? -1 : key.get(a.id)! > key.get(b.id)! ? 1 : a.id - b.id));
}
