// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { ActionIcon, Badge, Button, MantineProvider, useMantineTheme } from '@mantine/core';
import { theme } from '../../theme.js';
import { ACTION_ICON, actionIconLook, badgeLook, buttonLook, type Look } from './plain.js';
import { PlainBadge, PlainButton } from './PlainParts.js';

afterEach(cleanup);

function Plain({ look, disabled, icon }: { look: Look; disabled?: boolean; icon?: boolean }) {
  const t = useMantineTheme();
  return icon ? (
    <button {...actionIconLook(t, look)} aria-label="更多">
      <span className={ACTION_ICON}>…</span>
    </button>
  ) : (
    <PlainButton look={buttonLook(t, look, disabled)} aria-label="签到 张小明">
      签到
    </PlainButton>
  );
}

/** The button's attributes (in name order) and what it holds, as markup. */
const html = (node: React.ReactNode, tag = 'button') => {
  const b = render(<MantineProvider theme={theme}>{node}</MantineProvider>).container.querySelector(tag)!;
  const attributes = [...b.attributes].map((a) => `${a.name}=${a.value}`).sort();
  cleanup();
  return `${attributes.join(' | ')}\n${b.innerHTML}`;
};

describe('a plain button with Mantine’s look', () => {
  it.each([
    [{ variant: 'light', size: 'compact-xs' }, false],
    [{ variant: 'light', size: 'compact-xs', color: 'orange' }, false],
    [{ variant: 'light', size: 'compact-xs' }, true],
    [{ variant: 'subtle', size: 'compact-xs', color: 'gray' }, false],
  ])('is the same element as Button %j (disabled: %s)', (look, disabled) => {
    const plain = html(<Plain look={look} disabled={disabled} />);
    const mantine = html(
      <Button {...look} disabled={disabled} aria-label="签到 张小明">
        签到
      </Button>,
    );
    expect(plain).toBe(mantine);
    expect(plain).toContain('--button-bg');
  });

  it('is the same element as ActionIcon', () => {
    const look = { variant: 'subtle', size: 'sm', color: 'gray' };
    expect(html(<Plain look={look} icon />)).toBe(
      html(
        <ActionIcon {...look} aria-label="更多">
          …
        </ActionIcon>,
      ),
    );
  });

  it.each([
    { variant: 'light', size: 'sm', color: 'teal' },
    { variant: 'light', size: 'sm', color: 'orange' },
    { variant: 'outline', size: 'xs', color: 'grape' },
  ])('is the same element as Badge %j', (look) => {
    function Plain() {
      const t = useMantineTheme();
      return <PlainBadge look={badgeLook(t, look)}>完整</PlainBadge>;
    }
    const plain = html(<Plain />, 'div.mantine-Badge-root');
    expect(plain).toBe(html(<Badge {...look}>完整</Badge>, 'div.mantine-Badge-root'));
    expect(plain).toContain('--badge-bg');
  });
});
