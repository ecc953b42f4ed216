/**
 * An audit row's JSON detail as one readable line: `学校名称: 旧 → 新` style pairs for changes,
 * `key: value` otherwise. Values are shown as text, never as markup.
 */
export function formatAuditDetail(detail: string | null): string {
  if (!detail) return '';
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return detail;
  }
  return describe(value);
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(describe).join(', ');
  const obj = value as Record<string, unknown>;
  if ('from' in obj && 'to' in obj && Object.keys(obj).length === 2) return `${describe(obj.from)} → ${describe(obj.to)}`;
  return Object.entries(obj)
    .map(([k, v]) => (v !== null && typeof v === 'object' && !('from' in v) ? `${k}: (${describe(v)})` : `${k}: ${describe(v)}`))
    .join('; ');
}
