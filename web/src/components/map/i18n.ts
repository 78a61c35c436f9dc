/** Strings of the SVG map (components/map), registered as `map` in web/src/i18n. */
export const mapI18n = {
  zhCN: {
    zoomIn: '放大',
    zoomOut: '缩小',
    reset: '复位',
    pickHint: '点击地图选择位置；也可按回车放置标记，用方向键移动（Shift 加速）',
    picked: '已选位置：东经 {{lon}}，北纬 {{lat}}',
    noAreas: '未导入区划边界',
    scale: '比例尺 {{label}}',
    hexTip: '{{count}} 件（在办 {{open}}，超期 {{overdue}}）',
    legend: '每格案件数',
  },
  en: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    reset: 'Reset view',
    pickHint:
      'Click the map to choose the place, or press Enter to set the marker and move it with the arrow keys (Shift for larger steps)',
    picked: 'Chosen place: {{lon}} E, {{lat}} N',
    noAreas: 'No boundaries imported',
    scale: 'Scale {{label}}',
    hexTip: '{{count}} cases ({{open}} open, {{overdue}} overdue)',
    legend: 'Cases per cell',
  },
};
