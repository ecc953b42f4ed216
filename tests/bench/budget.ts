import { kib, readBundle, RENDERER_OUT, START_BUDGET } from '../helpers/bundle.js';

/**
 * `npm test` runs this right after the build: the start chunk must stay within its budget. Sizes of a
 * build are deterministic, so this cannot flake; timings are only reported, by `npm run bench`.
 */

function main(): void {
  const bundle = readBundle(RENDERER_OUT);
  const over: string[] = [];
  if (bundle.start.js > START_BUDGET.js) over.push(`JS ${kib(bundle.start.js)} > ${kib(START_BUDGET.js)}`);
  if (bundle.start.css > START_BUDGET.css) over.push(`CSS ${kib(bundle.start.css)} > ${kib(START_BUDGET.css)}`);
  console.log(
    `start chunk: JS ${kib(bundle.start.js)} of ${kib(START_BUDGET.js)}, CSS ${kib(bundle.start.css)} of ${kib(START_BUDGET.css)}` +
      ` (${bundle.start.files.join(', ')}); all JS ${kib(bundle.total.js)} in ${bundle.chunks.length} chunks`,
  );
  if (over.length > 0) {
    console.error(
      `Over the start budget: ${over.join('; ')}.\nSomething the lock screen does not need is imported from the start: load it on demand ` +
        '(renderer/src/app/pages.ts), import types with `import type`, or move the function to the module that needs it.',
    );
    process.exit(1);
  }
}

main();
