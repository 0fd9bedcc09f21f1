import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';

/** An independent PNG decoder (8-bit truecolour, any filter), so tests don't trust our encoder. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface Image {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

export function decodePng(bytes: Uint8Array): Image {
  const png = Buffer.from(bytes);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let pos = 8; pos < png.length;) {
    const length = png.readUInt32BE(pos);
    const typeAndData = png.subarray(pos + 4, pos + 8 + length);
    expect(png.readUInt32BE(pos + 8 + length), 'chunk CRC').toBe(crc(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString('ascii'), data: typeAndData.subarray(4) });
    pos += 12 + length;
  }
  expect(chunks[0]!.type).toBe('IHDR');
  expect(chunks.at(-1)!.type).toBe('IEND');
  const ihdr = chunks[0]!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  // depth 8, RGB or RGBA, deflate, standard filters, no interlace
  expect([8, 2, 0, 0, 0].map((v, i) => (i === 1 && ihdr[9] === 6 ? 6 : v))).toEqual([...ihdr.subarray(8)]);
  const bpp = ihdr[9] === 6 ? 4 : 3;

  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * bpp;
  expect(raw.length).toBe((stride + 1) * height);
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? pixels[y * stride + i - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = i >= bpp && y > 0 ? pixels[(y - 1) * stride + i - bpp]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`bad filter ${filter}`);
      pixels[y * stride + i] = (raw[y * (stride + 1) + 1 + i]! + predictor) & 0xff;
    }
  }
  const at = (x: number, y: number): [number, number, number] => {
    const i = (y * width + x) * bpp;
    return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
  };
  return { width, height, at };
}

// --- Pixel classes and connected regions. ---

export type Px = [number, number, number];
export const isBlue = ([r, g, b]: Px) => b > 180 && r < 100 && g < 150;
export const isRed = ([r, g, b]: Px) => r > 180 && g < 120 && b < 100;
export const isTargetGrey = ([r, g, b]: Px) => r === g && g === b && r >= 180 && r <= 215;
export const isDark = ([r, g, b]: Px) => Math.max(r, g, b) < 60;
export const isWhite = ([r, g, b]: Px) => r === 255 && g === 255 && b === 255;

export interface Box {
  left: number;
  right: number; // inclusive
  top: number;
  bottom: number; // inclusive
  height: number;
}

export function regions(img: Image, match: (p: Px) => boolean): Box[] {
  const seen = new Uint8Array(img.width * img.height);
  const boxes: Box[] = [];
  for (let start = 0; start < seen.length; start++) {
    if (seen[start] || !match(img.at(start % img.width, Math.floor(start / img.width)))) continue;
    const box = { left: Infinity, right: -1, top: Infinity, bottom: -1, height: 0 };
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % img.width;
      const y = Math.floor(i / img.width);
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      for (const [nx, ny] of [
        [x - 1, y],
        [x + 1, y],
        [x, y - 1],
        [x, y + 1],
      ] as const) {
        const n = ny * img.width + nx;
        if (nx >= 0 && nx < img.width && ny >= 0 && ny < img.height && !seen[n] && match(img.at(nx, ny))) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    boxes.push({ ...box, height: box.bottom - box.top + 1 });
  }
  return boxes;
}

/** Bars stand on the x axis: the regions sharing the lowest bottom edge (the legend swatches sit higher). */
export function bars(img: Image, match: (p: Px) => boolean): Box[] {
  const all = regions(img, match);
  const base = Math.max(...all.map((b) => b.bottom));
  return all.filter((b) => b.bottom === base).sort((a, b) => a.left - b.left);
}
