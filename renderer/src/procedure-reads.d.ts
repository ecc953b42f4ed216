declare module 'virtual:procedure-reads' {
  import type { Topic } from '../../shared/api/index.js';
  /** Each procedure's `reads`, from the contracts at build time (electron.vite.config.mts); none listed: it reads nothing. */
  const reads: Readonly<Record<string, readonly Topic[]>>;
  export default reads;
}
