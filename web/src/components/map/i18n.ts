/** Strings of the SVG map (components/map), registered as `map` in web/src/i18n. */
export const mapI18n = {
  zhCN: {
    zoomIn: '放大',
    zoomOut: '缩小',
    reset: '复位',
    pickHint: '点击地图选择位置；也可用方向键移动标记',
    picked: '已选位置：{{lon}}, {{lat}}',
    noAreas: '未导入区划边界',
    scale: '比例尺 {{label}}',
  },
  en: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    reset: 'Reset view',
    pickHint: 'Click the map to choose the place, or move the marker with the arrow keys',
    picked: 'Chosen place: {{lon}}, {{lat}}',
    noAreas: 'No boundaries imported',
    scale: 'Scale {{label}}',
  },
};
