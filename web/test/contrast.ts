import type { Page } from 'playwright-core';

/** The contrast of one element's text measured on the screen's pixels. */
export interface MeasuredContrast {
  target: string;
  /** The text colour against the 5th-percentile background pixel (a border line or two do not count). */
  ratio: number;
  /** 4.5, or 3 for large text (≥ 24 px, or bold ≥ 18.66 px) and for icons drawn with characters (1.4.11). */
  required: number;
}

const HIDE_STYLE =
  '[data-a11y-hide], [data-a11y-hide] * { color: transparent !important; fill: transparent !important; ' +
  '-webkit-text-fill-color: transparent !important; text-shadow: none !important; }';

/**
 * Measures what axe leaves undecided: text over a gradient or an image. The element's text is made
 * transparent, the element's box is captured, and the text colour is compared with the pixels behind
 * it (WCAG relative luminance), so a dark big screen's gradient is checked like any other background.
 */
export async function measureContrast(page: Page, selector: string): Promise<MeasuredContrast | null> {
  const el = page.locator(selector).first();
  if (!(await el.isVisible())) return null;
  const info = await el.evaluate((e, style) => {
    if (!document.getElementById('a11y-hide')) {
      const tag = document.head.appendChild(document.createElement('style'));
      tag.id = 'a11y-hide';
      tag.textContent = style;
    }
    const css = getComputedStyle(e);
    const size = parseFloat(css.fontSize);
    const large = size >= 24 || (Number(css.fontWeight) >= 700 && size >= 18.66);
    const text = /[\p{L}\p{N}]/u.test(e.textContent ?? '');
    // Read before hiding: the computed style is live.
    const color = e instanceof SVGElement ? css.fill : css.color;
    e.setAttribute('data-a11y-hide', '');
    return { color, required: large || !text ? 3 : 4.5 };
  }, HIDE_STYLE);
  let png: Buffer;
  try {
    png = await el.screenshot({ animations: 'disabled' });
  } finally {
    await el.evaluate((e) => e.removeAttribute('data-a11y-hide'));
  }
  const ratio = await page.evaluate(
    async ({ data, color }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      const channel = (v: number) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      const lum = (r: number, g: number, b: number) =>
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).map(Number);
      const fg = lum(r!, g!, b!);
      const ratios: number[] = [];
      for (let i = 0; i < px.length; i += 4) {
        const bg = lum(px[i]!, px[i + 1]!, px[i + 2]!);
        ratios.push((Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05));
      }
      ratios.sort((x, y) => x - y);
      return ratios[Math.floor(ratios.length * 0.05)] ?? 21;
    },
    { data: png.toString('base64'), color: info.color },
  );
  return { target: selector, ratio: Math.round(ratio * 100) / 100, required: info.required };
}
