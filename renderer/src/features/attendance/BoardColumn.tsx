import { Fragment, type ReactNode } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Paper, Table, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BoardChild } from '../../../../shared/domain/attendance.js';
import { useClassName } from '../children/format.js';
import { hhmm } from './VisitDialogs.js';

/** A hand sign-in or sign-out just made: the row stays where it was, with an undo, until the mouse leaves the column. */
export interface Held {
  column: BoardChild['state'];
  action: 'in' | 'out';
  visitId: number;
  at: number;
}

export interface RowActions {
  /** The main button (代签到 / 签退), or null on a past day. */
  main: ((c: BoardChild) => ReactNode) | null;
  /** Change times / delete, for a child with a visit that day. */
  menu: boolean;
}

/**
 * One column of the board, rows grouped under their class. A held row shows what was just done and an
 * undo button placed left of where the action button was, so a double click never undoes.
 */
export function BoardColumn({
  title,
  list,
  color,
  testId,
  now,
  held,
  actions,
  onRelease,
  rootRef,
  onUndo,
  onCorrect,
  onDelete,
  undoing,
}: {
  title: string;
  list: BoardChild[];
  color: string;
  testId: string;
  now: number | undefined;
  held: Record<number, Held>;
  actions: RowActions;
  onRelease: () => void;
  /** The column's box, so the page can ask whether the pointer is over it. */
  rootRef: (el: HTMLDivElement | null) => void;
  onUndo: (c: BoardChild, h: Held) => void;
  onCorrect: (c: BoardChild) => void;
  onDelete: (c: BoardChild) => void;
  undoing: boolean;
}) {
  const { t } = useTranslation();
  const className = useClassName();
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
        <Table.Tbody>
          {list.map((c, i) => {
            const h = held[c.id];
            const newClass = i === 0 || list[i - 1]!.grade !== c.grade || list[i - 1]!.classNo !== c.classNo;
            const afterNow = now !== undefined && Math.max(c.firstIn ?? 0, c.lastOut ?? 0) > now;
            return (
              <Fragment key={c.id}>
                {newClass && (
                  <Table.Tr>
                    <Table.Td colSpan={3} c="dimmed" fz="xs" pt={6} pb={0} style={{ borderBottom: 'none' }}>
                      {className(c.grade, c.classNo)}
                    </Table.Td>
                  </Table.Tr>
                )}
                <Table.Tr data-child={c.id} data-testid="board-row">
                  <Table.Td fw={600} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={c.name}>
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
                  </Table.Td>
                  {h ? (
                    // What was just done sits where the button was; the undo is left of it, never under a second click.
                    <Table.Td colSpan={2} style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" color="gray" loading={undoing} onClick={() => onUndo(c, h)}>
                          {t('attendance:undo')}
                        </Button>
                        <Badge size="md" color={h.action === 'in' ? 'teal' : 'orange'} variant="light" data-testid="held" style={{ textTransform: 'none' }}>
                          {t(h.action === 'in' ? 'attendance:doneIn' : 'attendance:doneOut', { time: hhmm(h.at) })}
                        </Badge>
                      </Group>
                    </Table.Td>
                  ) : (
                    <>
                      <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
                        {c.firstIn !== null && `${hhmm(c.firstIn)}${c.state === 'left' ? `–${hhmm(c.lastOut)}` : ''}`}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap', textAlign: 'right' }}>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {actions.main?.(c)}
                          {actions.menu && c.visits > 0 && (
                            <Menu position="bottom-end" withinPortal>
                              <Menu.Target>
                                <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`${t('attendance:more')} ${c.name}`}>
                                  <IconDots size={16} />
                                </ActionIcon>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item onClick={() => onCorrect(c)}>{t('attendance:correct')}</Menu.Item>
                                <Menu.Item color="red" onClick={() => onDelete(c)}>
                                  {t('attendance:deleteVisit')}
                                </Menu.Item>
                              </Menu.Dropdown>
                            </Menu>
                          )}
                        </Group>
                      </Table.Td>
                    </>
                  )}
                </Table.Tr>
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
