import fs from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * One line to stdout, synchronously: the line is out before the writer's next write starts, so a kill never
 * leaves a confirmed write unprinted for long. Once anything has touched `process.stdout`, Node has made the
 * pipe non-blocking: when the harness has not read for a while (its own process waiting on the database lock)
 * the pipe is full and a write answers EAGAIN or takes only part of the line; wait a millisecond, write the rest.
 */
export function print(o: object): void {
  let rest = Buffer.from(`${JSON.stringify(o)}\n`);
  while (rest.length > 0) {
    try {
      rest = rest.subarray(fs.writeSync(1, rest));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
