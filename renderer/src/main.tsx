import { i18nReady } from './i18n.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { FONT_FAMILY } from './fonts.js';

// The start screens are drawn before Mantine's styles load: they take the font from here, as its theme does.
document.documentElement.style.setProperty('--home-desk-font', FONT_FAMILY);

// Rendered once the strings are there (at once for zh-CN, which is in the bundle), so nothing flashes keys.
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
