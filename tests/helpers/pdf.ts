import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of a PDF, by poppler's pdftotext (CJK included when the fonts were embedded). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Renders page `page` of a PDF to a PNG next to it (pdftoppm) and returns its path, to look at and to scan. */
export function pdfPageToPng(file: string, page = 1, dpi = 110): string {
  const prefix = file.replace(/\.pdf$/, `-p${page}`);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Decodes the QR code in a region of a PNG (x, y, w, h as fractions of the page). */
export function readQr(png: string, region: { x: number; y: number; w: number; h: number }): string | null {
  const img = PNG.sync.read(fs.readFileSync(png));
  const x0 = Math.floor(img.width * region.x);
  const y0 = Math.floor(img.height * region.y);
  const w = Math.floor(img.width * region.w);
  const h = Math.floor(img.height * region.h);
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const from = ((y0 + y) * img.width + x0) * 4;
    out.set(img.data.subarray(from, from + w * 4), y * w * 4);
  }
  return jsQR(out, w, h)?.data ?? null;
}

export function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export const PDF_DIR = path.resolve(__dirname, '../../test-results/pdf');
