import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Day } from '../../../../shared/domain/dates.js';
import type { Term } from '../../../../shared/domain/types.js';
import { api } from '../../api.js';
import { useToday } from '../../app/useToday.js';

export type DayRange = [Day | null, Day | null];

/** The term that holds `day`, if any. */
export const termHolding = (terms: readonly Term[], day: Day): Term | undefined => terms.find((x) => x.start <= day && day <= x.end);

export interface TermRangeOptions {
  /** Offer the school's terms (the default); without them the picker is a date range only. */
  withTerms?: boolean;
  /** A term's range ends at today: a summary of the running term covers the term so far. */
  stopAtToday?: boolean;
  /** The range before any choice when no term applies (without terms: always). */
  initialRange?: (today: Day) => DayRange;
  /** The teacher chose a term or a range. */
  onChange?: () => void;
}

/** What the picker shows and reports; see TermRangePicker. */
export interface TermRangePickerState {
  terms: Term[] | undefined;
  termId: string | null;
  range: DayRange;
  onTermChange: (value: string | null) => void;
  onRangeChange: (range: DayRange) => void;
}

interface Choice {
  /** A term's id, 'range' for dates of one's own, null while the terms or today are not known yet. */
  termId: string | null;
  range: DayRange;
}

const NOT_YET: Choice = { termId: null, range: [null, null] };

/**
 * The period a page reports on: until the teacher chooses, the term of the core's today (else the
 * newest term, else `initialRange`), worked out afresh on each render so a PC left on overnight moves
 * on. The PC's own clock is never asked.
 */
export function useTermRange({ withTerms = true, stopAtToday = false, initialRange, onChange }: TermRangeOptions = {}) {
  const today = useToday();
  const terms = useQuery({ queryKey: ['terms.list'], queryFn: () => api.terms.list(), enabled: withTerms });
  const [chosen, setChosen] = useState<Choice | null>(null);

  const rangeOf = (term: Term): DayRange => [term.start, stopAtToday && today !== undefined && term.end >= today ? today : term.end];
  const initial = (): Choice => {
    if (today === undefined) return NOT_YET;
    if (!withTerms) return { termId: 'range', range: initialRange?.(today) ?? [null, null] };
    if (!terms.data) return NOT_YET;
    const current = termHolding(terms.data, today) ?? terms.data[0];
    return current ? { termId: String(current.id), range: rangeOf(current) } : { termId: 'range', range: initialRange?.(today) ?? [null, null] };
  };
  const choice = chosen ?? initial();
  const term = terms.data?.find((x) => String(x.id) === choice.termId);

  const picker: TermRangePickerState = {
    terms: withTerms ? (terms.data ?? []) : undefined,
    termId: choice.termId,
    range: choice.range,
    onTermChange: (value) => {
      if (value === null) return;
      const next = terms.data?.find((x) => String(x.id) === value);
      setChosen(next ? { termId: value, range: rangeOf(next) } : { termId: 'range', range: choice.range });
      onChange?.();
    },
    onRangeChange: (range) => {
      setChosen({ termId: 'range', range });
      onChange?.();
    },
  };
  const [from, to] = choice.range;
  return { from, to, term, picker };
}
