// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { loadable } from './pages.js';

function Hello({ name }: { name: string }) {
  return <p>你好，{name}</p>;
}

describe('loadable', () => {
  it('says whether its code is there, and once it is, draws at once', async () => {
    let fetched = 0;
    const Page = loadable(async () => {
      fetched++;
      return { Hello };
    }, 'Hello');
    expect(Page.isLoaded()).toBe(false);
    await Page.preload();
    expect(Page.isLoaded()).toBe(true);
    expect(fetched).toBe(1);
    // Drawn in the first render, with no Suspense boundary around it: a page that suspended would show nothing yet.
    render(<Page name="小明" />);
    expect(screen.getByText('你好，小明')).toBeTruthy();
  });
});
