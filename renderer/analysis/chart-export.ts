// Charts leave the app as SVG (the markup as drawn) or PNG (the SVG drawn on a canvas at twice its size,
// sharp enough for a printed report).
import type { ExportedFile } from '../../shared/contract';
import { bytesToBase64 } from '../save-file';

/** The pixel size an SVG document declares on its root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? NaN);
  const width = attr('width');
  const height = attr('height');
  if (!(width > 0 && height > 0)) throw new Error('The chart has no size to draw at.');
  return { width, height };
}

/** A file name from the chart's title, safe on every platform. */
export function chartFileName(title: string, ext: 'svg' | 'png'): string {
  const base = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-') // eslint-disable-line no-control-regex
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .replace(/[. ]+$/, '');
  return `${base || 'chart'}.${ext}`;
}

export function svgFile(title: string, svg: string): ExportedFile {
  return { fileName: chartFileName(title, 'svg'), mimeType: 'image/svg+xml', data: svg, encoding: 'utf8' };
}

/** Rasterises an SVG document through an <img> (a Blob URL, which the CSP allows for images only). */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This system cannot draw images.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be turned into a PNG image.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function pngFile(title: string, svg: string): Promise<ExportedFile> {
  return {
    fileName: chartFileName(title, 'png'),
    mimeType: 'image/png',
    data: bytesToBase64(await svgToPng(svg)),
    encoding: 'base64',
  };
}
