import { lazy, Suspense, useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import IconLock from '@tabler/icons-react/icons/IconLock';
import IconUser from '@tabler/icons-react/icons/IconUser';
import type { LockEntry, SessionView } from '../../../shared/domain/types.js';
import { prefetchProcedure, useProcedure, useProcedureMutation } from '../data/index.js';
import { setSession, useAppInfo } from './queries.js';
import { useErrorText } from './errors.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { hasDraft } from './unsaved.js';
import { keptQueries } from './deskOwner.js';
import classes from './start.module.css';

// The recovery form (Mantine's modal, zod, @mantine/form) loads when an admin asks for it.
const RecoverPin = lazy(async () => ({ default: (await import('./RecoverPin.js')).RecoverPin }));

/** The route the desk shows once unlocked (the HashRouter's, read without it: the lock screen is drawn before it). */
const deskRoute = () => window.location.hash.replace(/^#/, '').split('?')[0] || '/';

/**
 * Pick a teacher, type the PIN. Shown on every start, after locking, and after idle time. `deskOwner`
 * is the teacher whose desk waits under the lock screen: they get it back as they left it; another
 * teacher gets a clean desk (`onOtherTeacher` takes the desk to Today), and its unsaved work is given up
 * only after they say so.
 *
 * Drawn without Mantine, with plain elements and `start.module.css`: on a cold start this screen is all
 * the start chunk holds, and the desk's code loads while the teacher picks a name and types.
 */
export function LockScreen({ deskOwner = null, onOtherTeacher }: { deskOwner?: number | null; onOtherTeacher?: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const info = useAppInfo();
  const errorText = useErrorText();
  const teachers = useProcedure('auth.lockList');
  const [picked, setPicked] = useState<LockEntry | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [askDiscard, setAskDiscard] = useState(false);
  const [recovering, setRecovering] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const pinId = useId();

  const login = useProcedureMutation('auth.login', {
    input: () => ({ teacherId: picked!.id, pin }),
    onSuccess: (view: SessionView) => {
      setPin('');
      setAskDiscard(false);
      // A desk that opens on Today asks for its figures now, while the desk's frame is drawn, not after.
      // (Another teacher's desk starts clean, dropping what is cached: its Today page asks for itself.)
      if (deskOwner === null && deskRoute() === '/') void prefetchProcedure(client, 'today.overview');
      if (deskOwner !== null && view.teacher?.id !== deskOwner) {
        // Another teacher: nothing of the previous one's desk stays (the Gate drops its data and remounts it).
        onOtherTeacher?.();
      } else if (deskOwner !== null) {
        // The same teacher: what others changed meanwhile (no data events reach a locked desk) is fetched again.
        void client.invalidateQueries({ predicate: (q) => !keptQueries.has(String(q.queryKey[0])) });
      }
      setSession(client, view);
    },
    onError: (err) => {
      setPin('');
      setAskDiscard(false);
      setError(errorText(err));
      void teachers.refetch();
    },
  });
  const submit = () => {
    setError(null);
    setNotice(null);
    if (deskOwner !== null && picked!.id !== deskOwner && hasDraft()) setAskDiscard(true);
    else login.mutate();
  };

  return (
    <div className={classes.page}>
      <div className={classes.card}>
        <div className={classes.header}>
          <div>
            <p className={classes.dimmed}>
              {info.data?.schoolName} · {info.data?.roomName}
            </p>
            <h2 className={classes.title}>
              <IconLock size={24} className={classes.titleIcon} aria-hidden />
              {t('auth:lockTitle')}
            </h2>
            <p className={classes.dimmed} style={{ marginTop: 4 }}>
              {t('auth:lockIntro')}
            </p>
          </div>
          <LanguageSwitch />
        </div>
        <div className={classes.grid} role="listbox" aria-label={t('auth:pickTeacher')}>
          {(teachers.data ?? []).map((teacher) => (
            <button
              type="button"
              key={teacher.id}
              className={classes.tile}
              role="option"
              aria-selected={picked?.id === teacher.id}
              onClick={() => {
                setPicked(teacher);
                setRecovering(false);
                setNotice(null);
                setError(null);
                setAskDiscard(false);
                setPin('');
              }}
            >
              <span className={classes.who}>
                <IconUser size={22} aria-hidden style={{ flexShrink: 0 }} />
                <span style={{ minWidth: 0, display: 'flex', flexDirection: 'column' }}>
                  <span className={classes.name}>{teacher.name}</span>
                  <span className={classes.role}>{t(`auth:roles.${teacher.role}`)}</span>
                </span>
              </span>
              {teacher.lockedUntil !== null && (
                <span className={classes.badge}>{t('auth:lockedUntil', { time: dayjs(teacher.lockedUntil).format('HH:mm') })}</span>
              )}
            </button>
          ))}
        </div>
        {picked && (
          <form
            className={classes.form}
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <div className={classes.field}>
              <label className={classes.label} htmlFor={pinId}>
                {`${t('auth:pin')} · ${picked.name}`}
              </label>
              <input
                key={picked.id}
                id={pinId}
                className={classes.input}
                type="password"
                value={pin}
                onChange={(e) => setPin(e.currentTarget.value)}
                inputMode="numeric"
                autoComplete="off"
                autoFocus
                maxLength={8}
              />
            </div>
            <button
              type="submit"
              className={classes.button}
              aria-busy={login.isPending}
              disabled={pin.length === 0 || askDiscard || login.isPending}
            >
              {t('auth:unlock')}
            </button>
          </form>
        )}
        {picked?.role === 'admin' && (
          <button type="button" className={classes.anchor} onClick={() => setRecovering(true)} data-testid="forgot-pin">
            {t('rota:recovery.forgot')}
          </button>
        )}
        {picked?.role === 'admin' && recovering && (
          <Suspense fallback={null}>
            <RecoverPin
              admin={picked}
              onClose={() => setRecovering(false)}
              onDone={() => {
                setRecovering(false);
                setError(null);
                setNotice(t('rota:recovery.resetDone', { name: picked.name }));
              }}
            />
          </Suspense>
        )}
        {askDiscard && (
          <div className={`${classes.alert} ${classes.alertWarn}`} role="alertdialog" aria-labelledby="discard-draft" data-testid="discard-draft">
            <p id="discard-draft" style={{ margin: 0 }}>
              {t('auth:discardDraft')}
            </p>
            <div className={classes.actions}>
              <button
                type="button"
                className={`${classes.button} ${classes.plain}`}
                onClick={() => {
                  setAskDiscard(false);
                  setPin('');
                }}
              >
                {t('common:cancel')}
              </button>
              <button type="button" className={`${classes.button} ${classes.warn}`} disabled={login.isPending} onClick={() => login.mutate()}>
                {t('auth:discardAndUnlock')}
              </button>
            </div>
          </div>
        )}
        {notice && (
          <div className={`${classes.alert} ${classes.alertDone}`} role="status">
            {notice}
          </div>
        )}
        {error && (
          <div className={classes.alert} role="alert">
            {error}
          </div>
        )}
      </div>
    </div>
  );
}
