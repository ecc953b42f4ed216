// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider, SegmentedControl } from '@mantine/core';
import { theme } from '../../theme.js';
import { Segmented } from './Segmented.js';

afterEach(cleanup);

const data = [
  { value: 'active', label: '在校' },
  { value: 'left', label: '已离校' },
  { value: 'all', label: '全部' },
];

/** An element as text: its tag, its attributes in name order (the style's declarations too), what it holds. */
function markup(e: Element): string {
  const attributes = [...e.attributes]
    .map((a) => (a.name === 'style' ? `style=${a.value.split(';').map((s) => s.trim()).filter(Boolean).sort().join('; ')}` : `${a.name}=${a.value}`))
    .sort();
  const inner = [...e.childNodes].map((n) => (n.nodeType === 1 ? markup(n as Element) : (n.textContent ?? ''))).join('');
  return `<${e.tagName.toLowerCase()} ${attributes.join(' ')}>${inner}</>`;
}

const root = (node: React.ReactNode) => render(<MantineProvider theme={theme}>{node}</MantineProvider>).container.querySelector('[role="radiogroup"]')!;

describe('Segmented', () => {
  it.each([['left'], ['all']])('is Mantine’s SegmentedControl without its floating indicator (chosen: %s)', (value) => {
    const plain = markup(root(<Segmented name="status" value={value} onChange={() => {}} data={data} />));
    cleanup();
    const mantine = root(<SegmentedControl name="status" value={value} onChange={() => {}} data={data} />);
    // What the indicator adds once measured: its own element, and the root's "initialized" (which hides the chosen label's own background).
    mantine.querySelector(`.${SegmentedControl.classes.indicator}`)?.remove();
    mantine.removeAttribute('data-initialized');
    expect(plain).toBe(markup(mantine));
    expect(plain).toContain('data-active=true');
  });

  it('hands back the chosen value, and its labels name the radios', () => {
    const onChange = vi.fn();
    render(
      <MantineProvider theme={theme}>
        <Segmented value="active" onChange={onChange} data={data} aria-label="状态" />
      </MantineProvider>,
    );
    expect(screen.getByRole('radiogroup', { name: '状态' })).toBeTruthy();
    expect((screen.getByLabelText('在校') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('已离校'));
    expect(onChange).toHaveBeenCalledWith('left');
  });

  it('sets its width as Mantine’s w does', () => {
    const plain = root(<Segmented value="active" onChange={() => {}} data={data} w={240} />);
    expect(plain.getAttribute('style')).toContain('width: calc(15rem * var(--mantine-scale))');
  });
});
