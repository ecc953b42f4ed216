import { memo, useMemo, useRef, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Paper, Table, Text, type MantineTheme } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BoardChild } from '../../../../shared/domain/attendance.js';
import { ACTION_ICON, actionIconLook, buttonLook, CELL, PlainButton, rowLook, usePlainLooks, WindowedRows, type RowProps } from '../../components/WindowedRows/index.js';
import { useClassName } from '../children/format.js';
import { hhmm } from './VisitDialogs.js';

/** A hand sign-in or sign-out just made: the row stays where it was, with an undo, until the mouse leaves the column. */
export interface Held {
  column: BoardChild['state'];
  action: 'in' | 'out';
  visitId: number;
  at: number;
}

/** What a row's buttons do; one object for the whole board, the same on every render, so rows stay memoized. */
export interface RowHandlers {
  act(c: BoardChild, action: 'in' | 'out'): void;
  undo(c: BoardChild, h: Held): void;
  correct(c: BoardChild): void;
  remove(c: BoardChild): void;
}

const ROW = rowLook();

/** A row of a column: a class's heading or a child. */
type Item = { kind: 'class'; key: string; text: string } | { kind: 'child'; key: number; c: BoardChild; afterNow: boolean };
const itemKey = (item: Item) => item.key;
const CLASS_CELL = { color: 'var(--mantine-color-dimmed)', fontSize: 'var(--mantine-font-size-xs)', paddingTop: 6, paddingBottom: 0, borderBottom: 'none' } as const;
const NAME_CELL = { fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
const TIME_CELL = { color: 'var(--mantine-color-dimmed)', whiteSpace: 'nowrap', overflow: 'hidden' } as const;
const ACTION_CELL = { whiteSpace: 'nowrap', textAlign: 'right' } as const;
const BUTTONS = { display: 'flex', gap: 4, justifyContent: 'flex-end', flexWrap: 'nowrap', alignItems: 'center' } as const;
const MORE = { variant: 'subtle', size: 'sm', color: 'gray' };
const SIGN_IN = { variant: 'light', size: 'compact-xs' };
const SIGN_OUT = { ...SIGN_IN, color: 'orange' };

/** The rows' plain buttons, worked out once per theme (not once per row). */
const rowButtons = (theme: MantineTheme) => ({
  in: [buttonLook(theme, SIGN_IN), buttonLook(theme, SIGN_IN, true)] as const,
  out: [buttonLook(theme, SIGN_OUT), buttonLook(theme, SIGN_OUT, true)] as const,
  more: actionIconLook(theme, MORE),
});

/** The plain buttons and their words, once per theme and language. */
function useLooks(t: TFunction) {
  const buttons = usePlainLooks(rowButtons);
  return useMemo(() => ({ ...buttons, words: { in: t('attendance:signIn'), out: t('attendance:signOut'), more: t('attendance:more') } }), [buttons, t]);
}
type Looks = ReturnType<typeof useLooks>;

/**
 * After a row's menu closes, the focus goes back to its "…" button when it was left in the menu or nowhere
 * (Escape, an item chosen): the menu opened the first time from the plain button, which it replaced, so Mantine
 * has nothing to give the focus back to. A click elsewhere keeps the focus where it went.
 */
function giveFocusBack(button: HTMLButtonElement | null): void {
  setTimeout(() => {
    const at = document.activeElement;
    if (at === null || at === document.body || at.closest('[role="menu"]')) button?.focus({ preventScroll: true });
  }, 0);
}

/**
 * One child's row. Plain cells and buttons with Mantine's classes (a board is some 150 rows, and a Mantine
 * Button, Menu and ActionIcon per row took most of the page's drawing); drawn again only when its own
 * props change. The row's menu is a Mantine Menu from the first time it is opened.
 */
const BoardRow = memo(function BoardRow({
  c,
  h,
  main,
  pending,
  undoing,
  afterNow,
  t,
  looks,
  on,
  ...row
}: RowProps & {
  c: BoardChild;
  h: Held | undefined;
  main: 'in' | 'out' | null;
  pending: boolean;
  undoing: boolean;
  afterNow: boolean;
  t: TFunction;
  looks: Looks;
  on: RowHandlers;
}) {
  const [menuState, setMenuState] = useState<'never' | 'open' | 'closed'>('never');
  const moreButton = useRef<HTMLButtonElement>(null);
  const more = `${looks.words.more} ${c.name}`;
  return (
    <tr {...ROW} {...row} data-child={c.id} data-testid="board-row">
      <td className={CELL} style={NAME_CELL} title={c.name}>
        {c.name}
        {c.notSignedOut && (
          <Badge ml={6} size="xs" color="red" variant="light">
            {t('attendance:notSignedOut')}
          </Badge>
        )}
        {afterNow && (
          <Badge ml={6} size="xs" color="orange" variant="light">
            {t('attendance:futureBadge')}
          </Badge>
        )}
      </td>
      {h ? (
        // What was just done sits where the button was; the undo is left of it, never under a second click.
        <td className={CELL} colSpan={2} style={{ whiteSpace: 'nowrap' }}>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="compact-xs" variant="subtle" color="gray" loading={undoing} onClick={() => on.undo(c, h)}>
              {t('attendance:undo')}
            </Button>
            <Badge size="md" color={h.action === 'in' ? 'teal' : 'orange'} variant="light" data-testid="held" style={{ textTransform: 'none' }}>
              {t(h.action === 'in' ? 'attendance:doneIn' : 'attendance:doneOut', { time: hhmm(h.at) })}
            </Badge>
          </Group>
        </td>
      ) : (
        <>
          <td className={CELL} style={TIME_CELL}>
            {c.firstIn !== null && `${hhmm(c.firstIn)}${c.state === 'left' ? `–${hhmm(c.lastOut)}` : ''}`}
          </td>
          <td className={CELL} style={ACTION_CELL}>
            <div style={BUTTONS}>
              {main && (
                <PlainButton look={looks[main][pending ? 1 : 0]} onClick={() => on.act(c, main)} aria-label={`${looks.words[main]} ${c.name}`}>
                  {looks.words[main]}
                </PlainButton>
              )}
              {c.visits > 0 &&
                (menuState === 'never' ? (
                  <button {...looks.more} aria-label={more} aria-haspopup="menu" aria-expanded={false} onClick={() => setMenuState('open')}>
                    <span className={ACTION_ICON}>
                      <IconDots size={16} />
                    </span>
                  </button>
                ) : (
                  <Menu
                    position="bottom-end"
                    withinPortal
                    opened={menuState === 'open'}
                    onChange={(o) => setMenuState(o ? 'open' : 'closed')}
                    onClose={() => giveFocusBack(moreButton.current)}
                  >
                    <Menu.Target>
                      <ActionIcon {...MORE} aria-label={more} ref={moreButton}>
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => on.correct(c)}>{t('attendance:correct')}</Menu.Item>
                      <Menu.Item color="red" onClick={() => on.remove(c)}>
                        {t('attendance:deleteVisit')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                ))}
            </div>
          </td>
        </>
      )}
    </tr>
  );
});

/**
 * One column of the board, rows grouped under their class. A held row shows what was just done and an
 * undo button placed left of where the action button was, so a double click never undoes.
 */
export const BoardColumn = memo(function BoardColumn({
  title,
  list,
  color,
  testId,
  now,
  held,
  main,
  pending,
  undoing,
  on,
  onRelease,
  rootRef,
}: {
  title: string;
  list: BoardChild[];
  color: string;
  testId: string;
  now: number | undefined;
  held: Record<number, Held>;
  /** The rows' main button (代签到 / 签退), or null on a past day. */
  main: 'in' | 'out' | null;
  /** A sign-in or sign-out is on its way: the main buttons wait. */
  pending: boolean;
  undoing: boolean;
  on: RowHandlers;
  onRelease: () => void;
  /** The column's box, so the page can ask whether the pointer is over it. */
  rootRef: (el: HTMLDivElement | null) => void;
}) {
  const { t } = useTranslation();
  const className = useClassName();
  const looks = useLooks(t);
  // The rows in order, each class's heading before its first child: one list, drawn in a window when long
  // (a school of 2,000 has most of them in 今天没来, and drawing them all took seconds on an old PC).
  const items = useMemo(() => {
    const out: Item[] = [];
    list.forEach((c, i) => {
      if (i === 0 || list[i - 1]!.grade !== c.grade || list[i - 1]!.classNo !== c.classNo) {
        out.push({ kind: 'class', key: `class-${c.grade}-${c.classNo}`, text: className(c.grade, c.classNo) });
      }
      out.push({ kind: 'child', key: c.id, c, afterNow: now !== undefined && Math.max(c.firstIn ?? 0, c.lastOut ?? 0) > now });
    });
    return out;
  }, [list, className, now]);
  const renderRow = (item: Item, props: RowProps) => {
    if (item.kind === 'class') {
      return (
        <tr key={item.key} {...ROW} {...props}>
          <td className={CELL} colSpan={3} style={CLASS_CELL}>
            {item.text}
          </td>
        </tr>
      );
    }
    const h = held[item.c.id];
    return (
      <BoardRow
        key={item.key}
        {...props}
        c={item.c}
        h={h}
        main={main}
        pending={main !== null && pending}
        undoing={h !== undefined && undoing}
        afterNow={item.afterNow}
        t={t}
        looks={looks}
        on={on}
      />
    );
  };
  return (
    <Paper ref={rootRef} withBorder p="sm" data-testid={testId} onMouseLeave={onRelease} miw={0}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={700} truncate>
          {title}
        </Text>
        <Badge color={color} size="lg" variant="light">
          {list.length}
        </Badge>
      </Group>
      <Table verticalSpacing={3} horizontalSpacing={6} fz="sm" layout="fixed">
        <colgroup>
          <col />
          <col style={{ width: 96 }} />
          <col style={{ width: 108 }} />
        </colgroup>
        <WindowedRows rows={items} rowKey={itemKey} columns={3} estimateHeight={31} renderRow={renderRow} />
      </Table>
    </Paper>
  );
});
