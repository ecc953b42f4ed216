import { memo, useEffect, useRef } from 'react';
import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

export interface SearchFieldProps {
  /** The placeholder, and the field's name for a screen reader. */
  label: string;
  /** Told each new text at once: the list it filters is drawn in the same frame as the typed letter. */
  onSearch: (text: string) => void;
  w?: number;
  autoFocus?: boolean;
}

/**
 * A list's search field. The browser keeps what is typed (an uncontrolled input), so a keystroke draws
 * nothing in React before the list: a controlled field drew its TextInput again on every keystroke, before
 * the list could start (4–5 ms a keystroke at full speed, four times that on an old PC). `onSearch` hears the
 * text at once, not in a transition: a transition let the browser paint the typed letter alone first and
 * drew the list a frame later, about 15 ms more per keystroke at 4× CPU throttling, and a list drawn in
 * windows (about 20 rows) is quick enough to draw before the next key comes. A page hands it the `set` of a
 * `useSearchTextStore`, so only the list that reads the text draws. Its props are plain values, so the
 * page's own redraws do not draw it again.
 */
export const SearchField = memo(function SearchField({ label, onSearch, w, autoFocus }: SearchFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  // Focused after the page is painted, without scrolling to it: the `autoFocus` attribute focused it while
  // React mounted the page, and the browser laid the page out a second time for that before the first paint.
  useEffect(() => {
    if (autoFocus) input.current?.focus({ preventScroll: true });
  }, [autoFocus]);
  return (
    <TextInput
      ref={input}
      placeholder={label}
      aria-label={label}
      leftSection={<IconSearch size={16} />}
      defaultValue=""
      onChange={(e) => {
        const text = e.currentTarget.value;
        onSearch(text);
      }}
      w={w}
    />
  );
});
