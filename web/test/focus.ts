import type { Page } from 'playwright-core';

/** Where each of the next `n` Tab presses lands: its name, its box and whether its focus ring shows. */
export async function tabThrough(page: Page, n: number) {
  const stops = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      if (el === document.body) return null; // past the last control
      const r = el.getBoundingClientRect();
      const css = getComputedStyle(el);
      const ring =
        (css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) > 0) || css.boxShadow !== 'none';
      const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute('aria-label');
      const text = (label ?? el.textContent ?? '').trim().slice(0, 20);
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${text}"`;
      return { name, top: r.top + window.scrollY, left: r.left, right: r.right, ring };
    });
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

export type Stop = Awaited<ReturnType<typeof tabThrough>>[number];

/** In reading order, each stop lies below the last, further right on its row, or in a column to its right. */
export function outOfOrder(stops: Stop[]): string[] {
  return stops.slice(1).flatMap((b, i) => {
    const a = stops[i]!;
    const below = b.top > a.top + 4;
    const rightOnRow = Math.abs(b.top - a.top) <= 4 && b.left > a.left;
    const nextColumn = b.left >= a.right;
    return below || rightOnRow || nextColumn ? [] : [`${a.name} → ${b.name}`];
  });
}
