/** How to show a field's name and value in the reader's language. */
export interface DetailWords {
  field(key: string): string;
  value(key: string, value: string | number | boolean): string;
}

const plain: DetailWords = { field: (k) => k, value: (_k, v) => String(v) };

/**
 * An audit row's JSON detail as one readable line: `学校名称：甲 → 乙` for changes, `名称：值` otherwise.
 * Shown as text, never as markup.
 */
export function formatAuditDetail(detail: string | null, words: DetailWords = plain): string {
  if (!detail) return '';
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return detail;
  }
  return describe(value, '', words);
}

function isChange(v: unknown): v is { from: unknown; to: unknown } {
  return v !== null && typeof v === 'object' && 'from' in v && 'to' in v && Object.keys(v).length === 2;
}

function describe(value: unknown, key: string, words: DetailWords): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return words.value(key, value as string | number | boolean);
  if (Array.isArray(value)) return value.map((v) => describe(v, key, words)).join(', ');
  if (isChange(value)) return `${describe(value.from, key, words)} → ${describe(value.to, key, words)}`;
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => {
      const shown = describe(v, k, words);
      const nested = v !== null && typeof v === 'object' && !isChange(v) && !Array.isArray(v);
      return `${words.field(k)}: ${nested ? `(${shown})` : shown}`;
    })
    .join('; ');
}

/**
 * A row's detail with the child ids it holds (childId, childIds) replaced by the children's names, which the
 * core joins in (`childNames`): the log reads "儿童: 张三丽", not "儿童编号: 121". Ids stay when no name is
 * known (the child was deleted).
 */
export function withChildNames(detail: string | null, childNames: string | null): string | null {
  if (!detail || !childNames) return detail;
  try {
    const value = JSON.parse(detail) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return detail;
    const { childId, childIds, ...rest } = value as Record<string, unknown>;
    if (childId === undefined && childIds === undefined) return detail;
    return JSON.stringify({ children: childNames, ...rest });
  } catch {
    return detail;
  }
}
