import { createRequire } from 'node:module';
import type * as resvgTypes from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
/** The native renderer is loaded on the first chart (~7 MiB a process answering messages may never need). */
let resvg: typeof resvgTypes | undefined;
const renderer = (): typeof resvgTypes => (resvg ??= require('@resvg/resvg-js') as typeof resvgTypes);

/** The font every chart is drawn in: Be Vietnam Pro covers all Vietnamese diacritics (resvg has no font of its own). */
export const CHART_FONT = 'Be Vietnam Pro';

const FONT_FILES = [
  require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'),
];

/**
 * A chart's pixels and parsed fonts (4 MiB for 11 bars, 10 MiB and more for a tall chart) live outside
 * V8's heap and are freed only once their JavaScript wrappers are collected. V8 does not see that memory
 * and the wrappers soon reach the old generation, so a weekly fan-out's charts piled up until the next
 * full collection (200 MiB and more at 40 charts). Production runs with --expose-gc (npm run start:prod,
 * the Dockerfile) and collects after each chart: ~20 ms, for a chart that takes 25-250 ms to draw, and
 * the process holds one chart's memory at most. Without the flag (tests, npm start) nothing is collected early.
 */
const collectNow = (globalThis as { gc?: () => void }).gc;

/** Rasterises an SVG to PNG at its own size, with the chart font only (no system fonts: the same pixels everywhere). */
export function svgToPng(svg: string): Buffer {
  const image = new (renderer().Resvg)(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    background: '#ffffff',
  });
  const png = image.render().asPng();
  collectNow?.();
  return png;
}
