import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

/** The values a remembered string may take: plain ones, so they make its key. */
export type LabelValues = Record<string, string | number | boolean | null | undefined>;

/** A translation that keeps its answers; the same function for one `t` (one language). */
export type Label = (key: string, values?: LabelValues) => string;

/**
 * `t` that keeps each string it has worked out, by key and values, for as long as `t` is the same (a new
 * language is a new `t`, so a new store). A long list's rows ask for the same few strings on every
 * keystroke of a search ("女", "农村留守儿童", "一年级1班", "缺 1 项"), and i18next works each out again:
 * its key lookup, plural rules and interpolation were a third of the children list's script per keystroke.
 * The values are plain (strings, numbers), as the type says: they are part of the key.
 */
export function rememberT(t: TFunction): Label {
  const kept = new Map<string, string>();
  return (key, values) => {
    let id = key;
    if (values) for (const name in values) id += `\u0000${name}\u0001${typeof values[name]}\u0001${String(values[name])}`;
    let text = kept.get(id);
    if (text === undefined) {
      text = values ? (t(key, values) as string) : (t(key) as string);
      kept.set(id, text);
    }
    return text;
  };
}

/** `rememberT` of this component's `t`: the same function until the language changes, so memoized rows can take it. */
export function useLabel(): Label {
  const { t } = useTranslation();
  return useMemo(() => rememberT(t), [t]);
}
