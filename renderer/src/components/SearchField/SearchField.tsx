import { memo, startTransition, useState } from 'react';
import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

export interface SearchFieldProps {
  /** The placeholder, and the field's name for a screen reader. */
  label: string;
  /** Told each new text, as a transition: the list it filters is drawn after the field, never before. */
  onSearch: (text: string) => void;
  w?: number;
  autoFocus?: boolean;
}

/**
 * A list's search field. It keeps what is typed in its own state, so a keystroke draws the field at once
 * and nothing else; the page hears the text in a transition (`startTransition`), which React draws next,
 * and drops for a newer keystroke if one comes first. Its props are plain values, so the page's own
 * redraws do not draw it again.
 */
export const SearchField = memo(function SearchField({ label, onSearch, w, autoFocus }: SearchFieldProps) {
  const [value, setValue] = useState('');
  return (
    <TextInput
      placeholder={label}
      aria-label={label}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setValue(text);
        startTransition(() => onSearch(text));
      }}
      autoFocus={autoFocus}
      w={w}
    />
  );
});
