// @vitest-environment happy-dom
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Table } from '@mantine/core';
import { renderInApp } from '../../test-utils.js';
import { SEARCHED_LIST_WHOLE, WindowedRows } from './WindowedRows.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `孩子${i + 1}` }));

function List({ rows, drawAllUpTo }: { rows: { id: number; name: string }[]; drawAllUpTo?: number }) {
  return (
    <Table striped>
      <WindowedRows
        rows={rows}
        drawAllUpTo={drawAllUpTo}
        rowKey={(r) => r.id}
        columns={1}
        estimateHeight={40}
        renderRow={(r, props) => (
          <Table.Tr key={r.id} {...props}>
            <Table.Td>{r.name}</Table.Td>
          </Table.Tr>
        )}
      />
    </Table>
  );
}

const drawn = () => screen.queryAllByRole('cell').map((c) => c.textContent).filter((t) => t !== '');

afterEach(() => {
  cleanup();
  Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
});

describe('WindowedRows', () => {
  it('draws a list of up to 24 rows whole', async () => {
    renderInApp(<List rows={names(24)} />);
    await waitFor(() => expect(drawn()).toHaveLength(24));
    expect(document.querySelector('tbody[data-windowed]')).toBeNull();
  });

  it('draws a searched list whole up to 16 rows and windows a 17-row one', async () => {
    const { unmount } = await renderInApp(<List rows={names(16)} drawAllUpTo={SEARCHED_LIST_WHOLE} />);
    await waitFor(() => expect(drawn()).toHaveLength(16));
    expect(document.querySelector('tbody[data-windowed]')).toBeNull();
    unmount();
    await renderInApp(<List rows={names(17)} drawAllUpTo={SEARCHED_LIST_WHOLE} />);
    await screen.findByText('孩子1');
    expect(document.querySelector('tbody[data-windowed="17"]')).not.toBeNull();
  });

  it('windows a list a little longer than a screen: only the rows on the screen and 2 more are drawn', async () => {
    renderInApp(<List rows={names(25)} />);
    await screen.findByText('孩子1');
    expect(document.querySelector('tbody[data-windowed="25"]')).not.toBeNull();
    // 768 px hold 20 rows of 40 px (the first starts at the top: happy-dom lays nothing out), and 2 more are drawn below them.
    await waitFor(() => expect(drawn()).toHaveLength(22));
  });

  it('draws the screenful in its first draw, not an empty list first and the screen in a second draw', async () => {
    // Each commit of the list, with the rows it then held.
    const commits: number[] = [];
    renderInApp(
      <Profiler id="list" onRender={() => commits.push(document.querySelectorAll('tbody tr[data-index]').length)}>
        <List rows={names(2000)} />
      </Profiler>,
    );
    await screen.findByText('孩子1');
    await waitFor(() => expect(drawn()).toHaveLength(22));
    // The 20 rows of the 768 px window and the 2 of the overscan, from the first commit on.
    expect(commits[0]).toBe(22);
  });

  it('draws only the rows near the screen of a long list, and spacers for the rest', async () => {
    renderInApp(<List rows={names(2000)} />);
    await screen.findByText('孩子1');
    const rows = drawn();
    expect(rows[0]).toBe('孩子1');
    // A 768 px window holds about 20 rows of 40 px; with the overscan, far fewer than 2,000.
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.length).toBeLessThan(60);
    const body = document.querySelector('tbody[data-windowed="2000"]')!;
    const spacer = body.lastElementChild as HTMLElement;
    // What is not drawn still takes its height, so the scroll bar is the whole list's.
    expect(parseFloat(spacer.style.height)).toBeGreaterThan((2000 - 60) * 40);
  });

  it('draws the rows further down after scrolling, keeping each row on its own stripe', async () => {
    renderInApp(<List rows={names(2000)} />);
    await screen.findByText('孩子1');
    // Nor does it move an element's box when the page scrolls, as a browser does.
    const tbody = document.querySelector('tbody')!;
    tbody.getBoundingClientRect = () => ({ top: -window.scrollY, height: 0 }) as DOMRect;
    await act(async () => {
      // happy-dom lays nothing out, so its page cannot really scroll: say where it is.
      Object.defineProperty(window, 'scrollY', { configurable: true, value: 40 * 1000 });
      fireEvent.scroll(window);
      await new Promise((r) => setTimeout(r, 50));
    });
    await screen.findByText('孩子1001');
    const rows = drawn();
    expect(rows).toContain('孩子1001');
    expect(rows).not.toContain('孩子1');
    // The first drawn row sits at an even place among the body's rows when its index is odd (a second spacer).
    const body = document.querySelector('tbody')!;
    const firstRow = [...body.children].find((tr) => tr.getAttribute('data-index') !== null)!;
    const index = Number(firstRow.getAttribute('data-index'));
    const place = [...body.children].indexOf(firstRow) + 1;
    expect(place % 2).toBe(index % 2 === 0 ? 0 : 1);
  });

  it("draws a list whose rows differ in height once when its page is opened again: each row's height is kept", async () => {
    // Every fifth row is a class's heading, 24 px; the others are 40 px (happy-dom lays nothing out: say so).
    const rows = names(300).map((r) => ({ ...r, heading: r.id % 5 === 1 }));
    const heights = vi.spyOn(HTMLTableRowElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLTableRowElement) {
      return { top: 0, height: this.dataset.kind === 'heading' ? 24 : this.dataset.index === undefined ? 0 : 40 } as DOMRect;
    });
    // Two columns: a place of its own, apart from the lists of the other tests.
    const Mixed = () => (
      <Table>
        <WindowedRows
          rows={rows}
          rowKey={(r) => r.id}
          columns={2}
          renderRow={(r, props) => (
            <tr key={r.id} {...props} data-kind={r.heading ? 'heading' : 'child'}>
              <td colSpan={2}>{r.name}</td>
            </tr>
          )}
        />
      </Table>
    );
    const visit = async () => {
      const commits: number[] = [];
      const view = renderInApp(
        <Profiler id="list" onRender={() => commits.push(document.querySelectorAll('tbody tr[data-index]').length)}>
          <Mixed />
        </Profiler>,
      );
      await screen.findByText('孩子1');
      // Long enough for a second draw to have come, had the measuring asked for one.
      await act(() => new Promise((r) => setTimeout(r, 100)));
      (await view).unmount();
      return commits.length;
    };
    try {
      // The first visit measures its rows against the estimate and draws again.
      expect(await visit()).toBeGreaterThan(1);
      expect(await visit()).toBe(1);
    } finally {
      heights.mockRestore();
    }
  });
});
