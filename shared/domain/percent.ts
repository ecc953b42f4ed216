/**
 * One rule for a share as the desk and its reports write it: a percentage with one decimal (37.5), rounded
 * half up. The summary on screen and on paper, its draft paragraph, the care figures, the county's workbook
 * and Today all take their percentages from here, so the same share reads the same everywhere.
 */

/** `part` of `whole` as a percentage with one decimal; 0 when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : ratePercent(part / whole);
}

/** A rate between 0 and 1 as a percentage with one decimal (0.375 → 37.5). */
export function ratePercent(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

/** `part` of `whole` for a table: "37.5%", or "—" when there is nothing to divide by (0 of 0 is no share). */
export function percentText(part: number, whole: number): string {
  return whole === 0 ? '—' : `${percentOf(part, whole)}%`;
}
