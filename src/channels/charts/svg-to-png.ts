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

/** Rasterises an SVG to PNG at its own size, with the chart font only (no system fonts: the same pixels everywhere). */
export function svgToPng(svg: string): Buffer {
  const image = new (renderer().Resvg)(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    background: '#ffffff',
  });
  return image.render().asPng();
}
