import { useState } from 'react';
import { Box, Button, Group, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { KioskChild } from '../../../shared/domain/attendance.js';
import { useProcedure } from '../data/index.js';
import { LetterPad } from './LetterPad.js';
import classes from './kiosk.module.css';

/**
 * The first screen: grades, or initials (typed, or on the letter pad on a touch screen), or a card.
 * The typed query lives in the kiosk screen, so going idle clears it.
 */
export function Home({
  q,
  setQ,
  onGrade,
  onChild,
  onCode,
}: {
  q: string;
  setQ: (q: string) => void;
  onGrade: (g: number) => void;
  onChild: (c: KioskChild) => void;
  onCode: (code: string) => void;
}) {
  const { t } = useTranslation();
  const grades = useProcedure('kiosk.classes');
  const found = useProcedure('kiosk.search', { q }, { enabled: q.trim().length > 0, staleTime: 0 });
  const gradeList = [...new Set((grades.data ?? []).map((c) => c.grade))];
  // A touch-only screen gets the letters on screen; a screen with a mouse may open them.
  const touch = useMediaQuery('(any-pointer: coarse)', false, { getInitialValueInEffect: false });
  const [padChoice, setPadChoice] = useState<boolean | null>(null);
  const pad = padChoice ?? touch ?? false;
  return (
    <Stack gap="xl">
      <Text className={classes.prompt}>{t('kiosk:pickGrade')}</Text>
      <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="lg">
        {gradeList.map((g) => (
          <UnstyledButton key={g} className={classes.tile} onClick={() => onGrade(g)}>
            {t('kiosk:grade', { grade: t(`children:grades.${g}`) })}
          </UnstyledButton>
        ))}
      </SimpleGrid>
      <Group align="flex-start" gap="xl" wrap="nowrap">
        <Stack gap="xs" style={{ flex: '0 0 auto' }}>
          <Text className={classes.hint}>{t('kiosk:orType')}</Text>
          <Group gap="sm" wrap="nowrap">
            <TextInput
              size="xl"
              w={320}
              value={q}
              aria-label={t('kiosk:orType')}
              placeholder={t('kiosk:typePlaceholder')}
              // With the letters on screen, the system keyboard stays away.
              inputMode={pad ? 'none' : undefined}
              onChange={(e) => setQ(e.currentTarget.value)}
              onKeyDown={(e) => {
                // A scanner can type into this box too: a card code with Enter is a card.
                if (e.key === 'Enter' && /^C[0-9A-Z]{10}$/i.test(q.trim())) {
                  onCode(q.trim().toUpperCase());
                  setQ('');
                }
              }}
            />
            <Button size="lg" variant={pad ? 'filled' : 'light'} color="teal" onClick={() => setPadChoice(!pad)} aria-pressed={pad}>
              {t('kiosk:letters')}
            </Button>
          </Group>
          {pad && (
            <LetterPad
              onLetter={(l) => setQ(`${q}${l}`.slice(0, 30))}
              onBackspace={() => setQ([...q].slice(0, -1).join(''))}
              onClear={() => setQ('')}
            />
          )}
          <Text className={classes.hint}>{t('kiosk:orScan')}</Text>
        </Stack>
        <Box style={{ flex: 1, minWidth: 0 }}>
          {q.trim() !== '' && found.data && found.data.length > 0 && (
            <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="md" data-testid="kiosk-found">
              {found.data.map((c) => (
                <ChildTile key={c.id} child={c} withClass onClick={() => onChild(c)} />
              ))}
            </SimpleGrid>
          )}
          {q.trim() !== '' && found.data?.length === 0 && <Text className={classes.sorry}>{t('kiosk:noMatch')}</Text>}
        </Box>
      </Group>
    </Stack>
  );
}

export function Classes({ grade, onClass }: { grade: number; onClass: (c: number) => void }) {
  const { t } = useTranslation();
  const all = useProcedure('kiosk.classes');
  return (
    <Stack gap="xl">
      <Text className={classes.prompt}>
        {t('kiosk:grade', { grade: t(`children:grades.${grade}`) })} · {t('kiosk:pickClass')}
      </Text>
      <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="lg">
        {(all.data ?? [])
          .filter((c) => c.grade === grade)
          .map((c) => (
            <UnstyledButton key={c.classNo} className={classes.tile} onClick={() => onClass(c.classNo)}>
              {t('kiosk:classN', { classNo: c.classNo })}
            </UnstyledButton>
          ))}
      </SimpleGrid>
    </Stack>
  );
}

/** A child's tile: large, the name the child looks for; small, the full name (and the class in search results). */
function ChildTile({ child, onClick, withClass = false }: { child: KioskChild; onClick: () => void; withClass?: boolean }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton className={classes.nameTile} data-in={child.state === 'in'} onClick={onClick} aria-label={child.name} data-testid="kiosk-tile">
      <span className={classes.given}>{child.label}</span>
      {child.label !== child.name && <span className={classes.full}>{child.name}</span>}
      {withClass && <span className={classes.full}>{t('children:gradeClass', { grade: t(`children:grades.${child.grade}`), classNo: child.classNo })}</span>}
      {child.state === 'in' && <span className={classes.inBadge}>{t('kiosk:in')}</span>}
    </UnstyledButton>
  );
}

export function Names({ grade, classNo, onChild }: { grade: number; classNo: number; onChild: (c: KioskChild) => void }) {
  const { t } = useTranslation();
  // The core sorts the tiles by their large label (shared/domain/kioskNames.ts).
  const list = useProcedure('kiosk.classChildren', { grade, classNo }, { staleTime: 0 });
  return (
    <Stack gap="xl">
      <Text className={classes.prompt}>
        {t('children:gradeClass', { grade: t(`children:grades.${grade}`), classNo })} · {t('kiosk:pickName')}
      </Text>
      <SimpleGrid cols={{ base: 4, lg: 6 }} spacing="md">
        {(list.data ?? []).map((c) => (
          <ChildTile key={c.id} child={c} onClick={() => onChild(c)} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
