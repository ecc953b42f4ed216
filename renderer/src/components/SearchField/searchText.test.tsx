// @vitest-environment happy-dom
import { memo } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInApp } from '../../test-utils.js';
import { SearchField } from './SearchField.js';
import { createSearchText, useSearchText, useSearchTextStore, type SearchText } from './searchText.js';

afterEach(cleanup);

describe('createSearchText', () => {
  it('answers the text it was last given and tells its listeners of a change, once', () => {
    const store = createSearchText();
    const heard = vi.fn();
    const stop = store.subscribe(heard);
    expect(store.get()).toBe('');
    store.set('zsl');
    store.set('zsl');
    expect(store.get()).toBe('zsl');
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    store.set('zs');
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe('useSearchText', () => {
  it('draws the part that reads the text on a keystroke, and not the page around it', async () => {
    const pageDraws = vi.fn();
    const listDraws = vi.fn();
    const List = memo(function List({ search }: { search: SearchText }) {
      const text = useSearchText(search);
      listDraws(text);
      return <p data-testid="list">{text === '' ? 'all' : `found ${text}`}</p>;
    });
    function Page() {
      const search = useSearchTextStore();
      pageDraws();
      return (
        <>
          <SearchField label="search" onSearch={search.set} />
          <List search={search} />
        </>
      );
    }
    await renderInApp(<Page />);
    expect(screen.getByTestId('list').textContent).toBe('all');
    const pageBefore = pageDraws.mock.calls.length;
    const listBefore = listDraws.mock.calls.length;
    fireEvent.change(screen.getByPlaceholderText('search'), { target: { value: 'zsl' } });
    // The list has the new text at once (in the keystroke's own update), and the page was not drawn again.
    expect(screen.getByTestId('list').textContent).toBe('found zsl');
    expect(listDraws.mock.calls.length).toBe(listBefore + 1);
    expect(pageDraws.mock.calls.length).toBe(pageBefore);
  });
});
