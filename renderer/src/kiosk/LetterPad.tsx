import { Group, Stack, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './kiosk.module.css';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** The on-screen pinyin letters for a touch-only kiosk: a child types initials without a keyboard. */
export function LetterPad({ onLetter, onBackspace, onClear }: { onLetter: (l: string) => void; onBackspace: () => void; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={8} data-testid="letter-pad" align="flex-start">
      {ROWS.map((row, i) => (
        <Group key={row} gap={8} wrap="nowrap" pl={i * 24}>
          {[...row].map((l) => (
            <UnstyledButton key={l} className={classes.key} onClick={() => onLetter(l)} aria-label={l}>
              {l}
            </UnstyledButton>
          ))}
          {i === 2 && (
            <>
              <UnstyledButton className={classes.wideKey} onClick={onBackspace}>
                {t('kiosk:backspace')}
              </UnstyledButton>
              <UnstyledButton className={classes.wideKey} onClick={onClear}>
                {t('kiosk:clear')}
              </UnstyledButton>
            </>
          )}
        </Group>
      ))}
    </Stack>
  );
}
