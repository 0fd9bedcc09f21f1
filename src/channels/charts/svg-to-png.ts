import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** The font every chart is drawn in: Be Vietnam Pro covers all Vietnamese diacritics (resvg has no font of its own). */
export const CHART_FONT = 'Be Vietnam Pro';

const FONT_FILES = [
  require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'),
];

/** Rasterises an SVG to PNG at its own size, with the chart font only (no system fonts: the same pixels everywhere). */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
