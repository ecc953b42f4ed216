import { useEffect, useRef, useState } from 'react';
import { Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconBarcode } from '@tabler/icons-react';
import { useOutletContext } from 'react-router';
import type { FocusDesk } from './LibraryPage.js';
import { AppError } from '../../../../shared/errors.js';
import type { Borrower, Loan } from '../../../../shared/domain/library.js';
import type { ChildListItem } from '../../../../shared/domain/child.js';
import { api } from '../../api.js';
import { useErrorText } from '../../app/errors.js';
import { useClassName } from '../children/format.js';
import { ReasonDialog } from '../../components/ReasonDialog/index.js';
import { BorrowerPanel } from './BorrowerPanel.js';

/** The chosen child is cleared after this long without a scan: the next child's book never goes to the previous child. */
export const BORROWER_IDLE_MS = 30_000;

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
  const className = useClassName();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  // Scans are handled one after another; the input is never disabled, so it keeps the focus for the next one.
  const queue = useRef<string[]>([]);
  const running = useRef(false);
  const [borrower, setBorrowerState] = useState<Borrower | null>(null);
  // The queue runs in one closure: it reads the chosen child from here, never from a stale render.
  const chosen = useRef<Borrower | null>(null);
  const lastTouch = useRef(Date.now());
  const touch = () => {
    lastTouch.current = Date.now();
  };
  const setBorrower = (b: Borrower | null) => {
    chosen.current = b;
    setBorrowerState(b);
  };
  const [matches, setMatches] = useState<ChildListItem[] | null>(null);
  const [active, setActive] = useState(0);
  const [sameTitle, setSameTitle] = useState<{ barcode: string; title: string; held: string; overrideReason?: string } | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [override, setOverride] = useState<{ barcode: string; count: number } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const nextId = useRef(1);

  const say = (color: LogEntry['color'], text: string) => setLog((l) => [{ id: nextId.current++, color, text }, ...l].slice(0, 12));
  const focus = () => setTimeout(() => input.current?.focus(), 0);
  // The library's tab gives the focus back through this when it is clicked (LibraryPage).
  const fromTab = useOutletContext<FocusDesk | undefined>();
  useEffect(() => {
    if (!fromTab) return;
    fromTab.current = focus;
    return () => {
      fromTab.current = null;
    };
  }, [fromTab]);
  const idleSeconds = BORROWER_IDLE_MS / 1000;

  /** Clears the chosen child when the desk has been idle: true when it did. Keys typed do not count as a scan. */
  function clearIfIdle(): boolean {
    const b = chosen.current;
    // A clock set back (a negative difference) counts as idle: never lend to the previous child on a guess.
    const idle = Date.now() - lastTouch.current;
    if (!b || (idle >= 0 && idle < BORROWER_IDLE_MS)) return false;
    setBorrower(null);
    say('orange', t('library:desk.idleCleared', { seconds: idleSeconds, name: b.name }));
    return true;
  }
  const idleCheck = useRef(clearIfIdle);
  idleCheck.current = clearIfIdle;
  useEffect(() => {
    if (!borrower) return;
    const timer = setInterval(() => idleCheck.current(), 1000);
    return () => clearInterval(timer);
  }, [borrower]);

  async function refresh(childId: number) {
    setBorrower(await api.library.borrower({ childId }));
    touch();
  }

  async function lend(childId: number, barcode: string, overrideReason?: string, sameTitleOk = false) {
    const r = await api.library.lend({ childId, barcode, overrideReason: overrideReason ?? null, sameTitleOk });
    say('teal', t('library:desk.lent', { title: r.loan.title, name: r.loan.childName, date: r.loan.dueOn }));
    touch();
    // The child's last possible book: nobody stays chosen for the next scan.
    if (r.borrower.loans.length >= r.borrower.maxLoans) {
      setBorrower(null);
      say('blue', t('library:desk.fullCleared', { name: r.borrower.name, max: r.borrower.maxLoans }));
    } else setBorrower(r.borrower);
  }

  /** A lend refused because the child has this title already: the teacher is asked. */
  function askSameTitle(err: unknown, barcode: string, overrideReason?: string): boolean {
    if (!(err instanceof AppError && err.code === 'library.sameTitle')) return false;
    setSameTitle({ barcode, title: String(err.params?.title ?? ''), held: String(err.params?.barcode ?? ''), overrideReason });
    return true;
  }

  function pick(c: ChildListItem) {
    void run(async () => {
      setMatches(null);
      await refresh(c.id);
    });
  }

  async function giveBack(barcode: string): Promise<Loan> {
    const { loan } = await api.library.return({ barcode });
    const late = loan.returnedOn !== null && loan.returnedOn > loan.dueOn;
    say(late ? 'orange' : 'blue', t(late ? 'library:desk.returnedLate' : 'library:desk.returned', { title: loan.title, name: loan.childName }));
    if (chosen.current) await refresh(chosen.current.id);
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
    clearIfIdle();
    touch();
    try {
      const found = await api.library.scan({ code: text }).catch(async (err: unknown) => {
        // Not a card or a barcode: read it as a child's name or initials.
        if (err instanceof AppError && err.code === 'library.unknownCode' && !/^\d+$/.test(text)) {
          const list = await api.children.list({ q: text, limit: 8 });
          // A full name typed exactly, and only one child has it: chosen at once.
          const exact = list.filter((c) => c.name === text.normalize('NFKC').replace(/\s+/g, ''));
          if (exact.length === 1) {
            await refresh(exact[0]!.id);
            return null;
          }
          if (list.length > 0) {
            setActive(0);
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
          } else if (!chosen.current) say('red', t('library:desk.chooseChildFirst', { title: found.title }));
          else {
            try {
              await lend(chosen.current.id, found.copy.barcode);
            } catch (err) {
              if (askSameTitle(err, found.copy.barcode)) break;
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
      if (askSameTitle(err, override.barcode, reason)) setOverride(null);
      else setReasonError(errorText(err));
    }
  }

  async function submitSameTitle() {
    const b = chosen.current;
    const s = sameTitle;
    setSameTitle(null);
    if (!b || !s) return;
    await run(() => lend(b.id, s.barcode, s.overrideReason, true));
  }

  return (
    <Stack gap="md" maw={1100}>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            // Enter on an empty box takes the highlighted child of the list.
            if (code.trim() === '' && matches && matches[active]) {
              pick(matches[active]);
              return;
            }
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
            onKeyDown={(e) => {
              if (matches && e.key === 'Escape') setMatches(null);
              if (!matches || code !== '' || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setActive((a) => (a + step + matches.length) % matches.length);
            }}
            rightSection={busy ? <Loader size="xs" /> : null}
            autoFocus
            data-testid="desk-scan"
          />
        </form>
        {matches && (
          <Group gap="xs" mt="sm" data-testid="desk-matches" role="listbox" aria-label={t('library:desk.matches')}>
            <Text size="sm">{t('library:desk.matches')}</Text>
            {matches.map((c, i) => (
              <Button
                key={c.id}
                variant={i === active ? 'filled' : 'light'}
                size="compact-md"
                role="option"
                aria-selected={i === active}
                onClick={() => pick(c)}
              >
                {c.name} · {className(c.grade, c.classNo)}
              </Button>
            ))}
            <Text size="xs" c="dimmed">
              {t('library:desk.matchesHelp')}
            </Text>
          </Group>
        )}
      </Paper>

      <Group align="flex-start" gap="md" wrap="nowrap">
        <BorrowerPanel
          borrower={borrower}
          idleSeconds={idleSeconds}
          onClear={() => {
            setBorrower(null);
            focus();
          }}
          onRenew={(l) =>
            void run(async () => {
              touch();
              const r = await api.library.renew({ loanId: l.id });
              say('teal', t('library:desk.renewed', { title: r.title, date: r.dueOn }));
              if (chosen.current) await refresh(chosen.current.id);
            })
          }
          onReturn={(l) => void run(() => giveBack(l.barcode))}
        />
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
      <ReasonDialog
        opened={sameTitle !== null}
        onClose={() => {
          if (sameTitle && borrower) say('orange', t('library:desk.sameTitleSkipped', { name: borrower.name, title: sameTitle.title }));
          setSameTitle(null);
          focus();
        }}
        title={t('library:desk.sameTitleTitle')}
        centered
        reason={null}
        submitLabel={t('library:desk.sameTitleSubmit')}
        submitColor="orange"
        onSubmit={() => void submitSameTitle()}
      >
        <Text data-testid="same-title">{t('library:desk.sameTitleHelp', { name: borrower?.name ?? '', title: sameTitle?.title ?? '', barcode: sameTitle?.held ?? '' })}</Text>
      </ReasonDialog>
    </Stack>
  );
}
