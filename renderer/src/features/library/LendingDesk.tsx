import { useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconBarcode, IconX } from '@tabler/icons-react';
import { AppError } from '../../../../shared/errors.js';
import type { Borrower, Loan } from '../../../../shared/domain/library.js';
import type { ChildListItem } from '../../../../shared/domain/child.js';
import { api } from '../../api.js';
import { useErrorText } from '../../app/errors.js';
import { useClassName } from '../children/format.js';
import { ReasonDialog } from '../../components/ReasonDialog/index.js';

interface LogEntry {
  id: number;
  color: 'teal' | 'blue' | 'red' | 'orange';
  text: string;
}

/**
 * The lending desk, scanner first: one input takes a contact card (choose the child), a copy's
 * barcode (lend it to the chosen child, or take it back from whoever has it), or a child's initials.
 */
export function LendingDesk() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const className = useClassName();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  // Scans are handled one after another; the input is never disabled, so it keeps the focus for the next one.
  const queue = useRef<string[]>([]);
  const running = useRef(false);
  const [borrower, setBorrower] = useState<Borrower | null>(null);
  const [matches, setMatches] = useState<ChildListItem[] | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [override, setOverride] = useState<{ barcode: string; count: number } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const nextId = useRef(1);

  const say = (color: LogEntry['color'], text: string) => setLog((l) => [{ id: nextId.current++, color, text }, ...l].slice(0, 12));
  const focus = () => setTimeout(() => input.current?.focus(), 0);

  async function refresh(childId: number) {
    setBorrower(await api.library.borrower({ childId }));
  }

  async function lend(childId: number, barcode: string, overrideReason?: string) {
    const r = await api.library.lend({ childId, barcode, overrideReason: overrideReason ?? null });
    setBorrower(r.borrower);
    say('teal', t('library:desk.lent', { title: r.loan.title, name: r.loan.childName, date: r.loan.dueOn }));
  }

  async function giveBack(barcode: string): Promise<Loan> {
    const { loan } = await api.library.return({ barcode });
    const late = loan.returnedOn !== null && loan.returnedOn > loan.dueOn;
    say(late ? 'orange' : 'blue', t(late ? 'library:desk.returnedLate' : 'library:desk.returned', { title: loan.title, name: loan.childName }));
    if (borrower) await refresh(borrower.id);
    return loan;
  }

  async function drain() {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      for (let next = queue.current.shift(); next !== undefined; next = queue.current.shift()) await handle(next);
    } finally {
      running.current = false;
      setBusy(false);
      focus();
    }
  }

  async function handle(raw: string) {
    const text = raw.trim();
    if (text === '') return;
    setMatches(null);
    try {
      const found = await api.library.scan({ code: text }).catch(async (err: unknown) => {
        // Not a card or a barcode: read it as a child's name or initials.
        if (err instanceof AppError && err.code === 'library.unknownCode' && !/^\d+$/.test(text)) {
          const list = await api.children.list({ q: text, limit: 8 });
          if (list.length > 0) {
            setMatches(list);
            return null;
          }
        }
        throw err;
      });
      if (found === null) return;
      switch (found.kind) {
        case 'child':
          setBorrower(found.borrower);
          break;
        case 'copy':
          if (found.copy.loan) await giveBack(found.copy.barcode);
          else if (found.copy.status !== 'available') {
            say('red', t('library:desk.notAvailable', { title: found.title, barcode: found.copy.barcode, state: t(`library:states.${found.copy.status}`) }));
          } else if (!borrower) say('red', t('library:desk.chooseChildFirst', { title: found.title }));
          else {
            try {
              await lend(borrower.id, found.copy.barcode);
            } catch (err) {
              if (err instanceof AppError && err.code === 'library.childOverdue') {
                setReason('');
                setReasonError(null);
                setOverride({ barcode: found.copy.barcode, count: Number(err.params?.count ?? 1) });
              }
              throw err;
            }
          }
          break;
        case 'isbn':
          say('orange', t('library:desk.isbnScanned', { isbn: found.isbn }));
          break;
      }
    } catch (err) {
      say('red', errorText(err));
    }
  }

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      say('red', errorText(err));
    } finally {
      setBusy(false);
      focus();
    }
  }

  async function submitOverride() {
    if (!borrower || !override) return;
    try {
      await lend(borrower.id, override.barcode, reason);
      setOverride(null);
      focus();
    } catch (err) {
      setReasonError(errorText(err));
    }
  }

  const overdue = borrower?.overdue ?? 0;
  return (
    <Stack gap="md" maw={1100}>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            queue.current.push(code);
            setCode('');
            void drain();
          }}
        >
          <TextInput
            ref={input}
            size="lg"
            label={t('library:desk.scanLabel')}
            placeholder={t('library:desk.scanPlaceholder')}
            description={t('library:desk.scanHelp')}
            leftSection={<IconBarcode />}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            rightSection={busy ? <Loader size="xs" /> : null}
            autoFocus
            data-testid="desk-scan"
          />
        </form>
        {matches && (
          <Group gap="xs" mt="sm" data-testid="desk-matches">
            <Text size="sm">{t('library:desk.matches')}</Text>
            {matches.map((c) => (
              <Button key={c.id} variant="light" size="compact-md" onClick={() => void run(async () => { setMatches(null); await refresh(c.id); })}>
                {c.name} · {className(c.grade, c.classNo)}
              </Button>
            ))}
          </Group>
        )}
      </Paper>

      <Group align="flex-start" gap="md" wrap="nowrap">
        <Paper withBorder p="md" style={{ flex: 2 }} data-testid="borrower">
          {!borrower ? (
            <Text c="dimmed">{t('library:desk.noChild')}</Text>
          ) : (
            <Stack gap="xs">
              <Group justify="space-between">
                <Group gap="sm">
                  <Title order={3}>{borrower.name}</Title>
                  <Text c="dimmed">{className(borrower.grade, borrower.classNo)}</Text>
                  <Badge variant="light" color={borrower.loans.length >= borrower.maxLoans ? 'orange' : 'teal'} data-testid="loan-count">
                    {t('library:desk.onLoanCount', { count: borrower.loans.length, max: borrower.maxLoans })}
                  </Badge>
                </Group>
                <Group gap="xs">
                  <Button variant="subtle" size="compact-sm" onClick={() => navigate(`/children/${borrower.id}`)}>
                    {t('library:desk.record')}
                  </Button>
                  <Button variant="default" size="compact-sm" leftSection={<IconX size={14} />} onClick={() => { setBorrower(null); focus(); }}>
                    {t('library:desk.clear')}
                  </Button>
                </Group>
              </Group>
              {overdue > 0 && (
                <Alert color="red" data-testid="blocked">
                  {t('library:desk.blocked', { name: borrower.name, count: overdue })}
                </Alert>
              )}
              {borrower.loans.length === 0 ? (
                <Text size="sm" c="dimmed">{t('library:desk.noLoans')}</Text>
              ) : (
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('library:columns.title')}</Table.Th>
                      <Table.Th>{t('library:columns.barcode')}</Table.Th>
                      <Table.Th>{t('library:columns.due')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {borrower.loans.map((l) => (
                      <Table.Tr key={l.id}>
                        <Table.Td>{l.title}</Table.Td>
                        <Table.Td>{l.barcode}</Table.Td>
                        <Table.Td>
                          <Group gap={6}>
                            <Text size="sm">{l.dueOn}</Text>
                            {l.daysOverdue > 0 && (
                              <Badge color="red" variant="light">
                                {t('library:overdueDays', { count: l.daysOverdue })}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" justify="flex-end" wrap="nowrap">
                            <Button
                              size="compact-sm"
                              variant="default"
                              onClick={() =>
                                void run(async () => {
                                  const r = await api.library.renew({ loanId: l.id });
                                  say('teal', t('library:desk.renewed', { title: r.title, date: r.dueOn }));
                                  await refresh(borrower.id);
                                })
                              }
                            >
                              {t('library:desk.renew')}
                            </Button>
                            <Button size="compact-sm" variant="light" onClick={() => void run(() => giveBack(l.barcode))}>
                              {t('library:desk.return')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="md" style={{ flex: 1 }}>
          <Text fw={600} mb="xs">
            {t('library:desk.log')}
          </Text>
          <Stack gap={6} data-testid="desk-log">
            {log.length === 0 && <Text size="sm" c="dimmed">{t('library:desk.logEmpty')}</Text>}
            {log.map((e, i) => (
              <Text key={e.id} size="sm" c={e.color === 'red' ? 'red.8' : e.color === 'orange' ? 'orange.9' : e.color === 'blue' ? 'blue.8' : 'teal.8'} fw={i === 0 ? 600 : 400} role={i === 0 ? 'status' : undefined}>
                {e.text}
              </Text>
            ))}
          </Stack>
        </Paper>
      </Group>

      <ReasonDialog
        opened={override !== null}
        onClose={() => { setOverride(null); focus(); }}
        title={t('library:desk.overrideTitle')}
        reason={{ label: t('library:desk.overrideReason'), value: reason, onChange: (e) => setReason(e.currentTarget.value), error: reasonError }}
        required
        submitLabel={t('library:desk.overrideSubmit')}
        submitColor="orange"
        onSubmit={() => void submitOverride()}
      >
        <Text size="sm">{t('library:desk.overrideHelp', { name: borrower?.name ?? '', count: override?.count ?? 1 })}</Text>
      </ReasonDialog>
    </Stack>
  );
}
