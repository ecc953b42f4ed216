import { defineConfig } from 'vitest/config';
import { procedureReads } from './electron.vite.config.mjs';

export default defineConfig({
  plugins: [procedureReads()],
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'tests/db/**/*.test.ts', 'tests/faults/**/*.test.ts', 'tests/crash/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['renderer/src/test-setup.ts'],
    // Calendar days are the school's local time (UTC+8); tests must not depend on the machine's zone.
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 20_000,
  },
});
