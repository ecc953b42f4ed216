// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { renderInApp, schoolInfo, serve } from '../test-utils.js';
import { LockScreen } from './LockScreen.js';
import { useIdleLock } from './useIdleLock.js';
import { LockOverlay } from './LockOverlay.js';
import { RecoverPin } from './RecoverPin.js';
import { hasDraft, useDraft, useKeepAwake } from './unsaved.js';

const signedIn = { mode: 'desk', teacher: { id: 1, name: '李校长', role: 'admin' } };
const locked = { mode: 'desk', teacher: null };

interface DeskProps {
  awake?: boolean;
  draft?: boolean;
  isLocked?: boolean;
}

let setDesk: (p: DeskProps) => void = () => undefined;

/** A desk whose state the test changes (`act(() => setDesk(...))`) inside the app's providers. */
function Desk(initial: DeskProps) {
  const [{ awake = false, draft = false, isLocked = false }, set] = useState(initial);
  setDesk = set;
  useIdleLock(1, isLocked);
  useKeepAwake(awake);
  useDraft(draft);
  return null;
}

afterEach(cleanup);

describe('useIdleLock', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date', 'performance'] }));
  afterEach(() => vi.useRealTimers());
  const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));
  const named = (calls: { name: string }[], name: string) => calls.filter((c) => c.name === name).length;

  it('locks after the idle minutes without mouse or keyboard', async () => {
    const calls = serve({ 'auth.lock': locked, 'session.get': signedIn });
    await renderInApp(<Desk />);
    await wait(59_000);
    expect(named(calls, 'auth.lock')).toBe(0);
    await wait(2_000);
    expect(named(calls, 'auth.lock')).toBe(1);
    await wait(120_000);
    expect(named(calls, 'auth.lock')).toBe(1);
  });

  it('stays awake while a call is timed, telling the core it is in use at least four times a limit; the wait starts when the timer stops', async () => {
    const calls = serve({ 'auth.lock': locked, 'session.get': signedIn });
    await renderInApp(<Desk awake />);
    await wait(10 * 60_000);
    expect(named(calls, 'auth.lock')).toBe(0);
    // One heartbeat per quarter of the limit: the core's idle clock never gets near its limit.
    expect(named(calls, 'session.get')).toBeGreaterThanOrEqual(40);
    act(() => setDesk({}));
    await wait(59_000);
    expect(named(calls, 'auth.lock')).toBe(0);
    await wait(2_000);
    expect(named(calls, 'auth.lock')).toBe(1);
  });

  it('does nothing while the desk is locked', async () => {
    const calls = serve({ 'auth.lock': locked, 'session.get': locked });
    await renderInApp(<Desk isLocked awake />);
    await wait(10 * 60_000);
    expect(calls).toEqual([]);
  });
});

describe('LockOverlay', () => {
  it('makes everything else on the page inert and hidden from screen readers, dialogs opened later too, and gives it back as it was', () => {
    const desk = document.body.appendChild(document.createElement('div'));
    desk.innerHTML = '<div role="dialog" aria-modal="true"><textarea>说了期中考试的事</textarea></div>';
    const shown = document.body.appendChild(document.createElement('div'));
    shown.setAttribute('aria-hidden', 'false');
    desk.querySelector('textarea')!.focus();
    const { unmount } = render(
      <LockOverlay>
        <button>解锁</button>
      </LockOverlay>,
    );
    const overlay = document.querySelector<HTMLElement>('[data-lock-screen]')!;
    expect(overlay.textContent).toBe('解锁');
    expect(overlay.inert).toBe(false);
    for (const el of [desk, shown]) {
      expect(el.inert).toBe(true);
      expect(el.getAttribute('aria-hidden')).toBe('true');
    }
    const later = document.body.appendChild(document.createElement('div'));
    return Promise.resolve().then(() => {
      expect(later.inert).toBe(true);
      unmount();
      expect(desk.inert).toBe(false);
      expect(desk.hasAttribute('aria-hidden')).toBe(false);
      expect(shown.getAttribute('aria-hidden')).toBe('false');
      expect(later.inert).toBe(false);
      expect(document.activeElement).toBe(desk.querySelector('textarea'));
      for (const el of [desk, shown, later]) el.remove();
    });
  });
});

describe('PIN recovery over a locked desk', () => {
  it('opens its dialog inside the lock screen, where it can be typed in, not in the inert page', async () => {
    serve({});
    await renderInApp(
      <LockOverlay>
        <RecoverPin admin={{ id: 1, name: '李校长', role: 'admin', lockedUntil: null }} onClose={() => undefined} onDone={() => undefined} />
      </LockOverlay>,
    );
    const dialog = await screen.findByRole('dialog');
    const overlay = document.querySelector<HTMLElement>('[data-lock-screen]')!;
    expect(overlay.contains(dialog)).toBe(true);
    expect(dialog.closest('[inert]')).toBeNull();
    expect(screen.getByLabelText('恢复码')).toBeTruthy();
  });
});

describe('hasDraft', () => {
  it('is true while a form says it holds work, or a dialog is open', async () => {
    serve({});
    await renderInApp(<Desk isLocked />);
    expect(hasDraft()).toBe(false);
    act(() => setDesk({ isLocked: true, draft: true }));
    expect(hasDraft()).toBe(true);
    act(() => setDesk({ isLocked: true }));
    expect(hasDraft()).toBe(false);
    const dialog = document.body.appendChild(document.createElement('div'));
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    expect(hasDraft()).toBe(true);
    dialog.remove();
  });
});

describe('LockScreen', () => {
  const lockList = [{ id: 1, name: '李校长', role: 'admin', lockedUntil: null }];
  const signIn = async (route: string) => {
    const calls = serve({
      'app.info': schoolInfo('2026-11-28'),
      'auth.lockList': lockList,
      'auth.login': signedIn,
      'today.overview': new Promise(() => undefined),
    });
    // The lock screen is drawn before the desk's router: it reads the route from the address, as HashRouter keeps it.
    window.location.hash = `#${route}`;
    await renderInApp(<LockScreen />, { route });
    fireEvent.click(await screen.findByRole('option', { name: /李校长/ }));
    fireEvent.change(await screen.findByLabelText(/PIN 码/), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: '解锁' }));
    // The PIN field is emptied when the login has answered (onSuccess).
    await waitFor(() => expect((screen.getByLabelText(/PIN 码/) as HTMLInputElement).value).toBe(''));
    expect(calls.map((c) => c.name)).toContain('auth.login');
    return calls;
  };

  it("asks for Today's figures as soon as the PIN is accepted, when the desk opens on Today", async () => {
    const calls = await signIn('/');
    await waitFor(() => expect(calls.map((c) => c.name)).toContain('today.overview'));
    const names = calls.map((c) => c.name);
    expect(names.indexOf('today.overview')).toBeGreaterThan(names.indexOf('auth.login'));
  });

  it('asks for nothing more when the desk opens on another page', async () => {
    const calls = await signIn('/children');
    expect(calls.map((c) => c.name)).not.toContain('today.overview');
  });
});
