import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as install, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the console draws, so the chunk stays small: bars and lines (maps are components/map).
install([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = EChartsCoreOption;

export interface EChartProps {
  option: ChartOption;
  height: number | string;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  'aria-label': string;
}

/**
 * The only owner of ECharts in the console: one instance per element, resized with its box,
 * disposed on unmount; the option replaces the previous one whole.
 */
export function EChart({ option, height, 'aria-label': label }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div ref={element} className="echart" role="img" aria-label={label} style={{ height, width: '100%' }} />
  );
}
