import { GLYPH_H, GLYPH_W, glyph } from './font.js';

export type Rgb = readonly [number, number, number];

/** Pixels between glyphs, before scaling. */
const SPACING = 1;

/** Width in pixels of `text` (already ASCII) drawn at `scale`. */
export const textWidth = (text: string, scale = 1): number =>
  text.length === 0 ? 0 : (text.length * (GLYPH_W + SPACING) - SPACING) * scale;

export const textHeight = (scale = 1): number => GLYPH_H * scale;

/** `text` cut to fit `maxWidth`, ending with ".." when cut; empty when not even ".." fits. */
export function fitText(text: string, maxWidth: number, scale = 1): string {
  if (textWidth(text, scale) <= maxWidth) return text;
  for (let n = text.length - 1; n >= 0; n--) {
    const cut = text.slice(0, n).trimEnd() + '..';
    if (textWidth(cut, scale) <= maxWidth) return cut;
  }
  return '';
}

/** An RGB image; every drawing call clips to the image, so callers may draw partly outside it. */
export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) this.pixels.set(color, (py * this.width + px) * 3);
    }
  }

  /** A horizontal dashed line from x0 to x1 (exclusive), `thickness` pixels down from y. */
  dashedHLine(x0: number, x1: number, y: number, thickness: number, dash: number, gap: number, color: Rgb): void {
    for (let x = x0; x < x1; x += dash + gap) this.fillRect(x, y, Math.min(dash, x1 - x), thickness, color);
  }

  /** Draws ASCII `text` with its top-left corner at (x, y). */
  text(x: number, y: number, text: string, color: Rgb, scale = 1): void {
    for (let i = 0; i < text.length; i++) {
      const columns = glyph(text[i]!);
      const left = x + i * (GLYPH_W + SPACING) * scale;
      columns.forEach((bits, cx) => {
        for (let cy = 0; cy < GLYPH_H; cy++) {
          if ((bits >> cy) & 1) this.fillRect(left + cx * scale, y + cy * scale, scale, scale, color);
        }
      });
    }
  }
}
