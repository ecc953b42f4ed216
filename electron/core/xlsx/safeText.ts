/**
 * A text cell Excel will never run (BAD-INPUTS #32): a value starting with = + - @ (or a tab/CR) is
 * written with a leading apostrophe, so it stays text even if the sheet is re-saved as CSV and opened again.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A cell as an import reads it: our own export's leading apostrophe before = + - @ taken off again. */
export function fromSafeText<T>(value: T): T | string {
  return typeof value === 'string' && /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}
