/** Strings of the job progress and export parts (components/jobs), registered as `jobs` in web/src/i18n. */
export const jobsI18n = {
  zhCN: {
    progress: '进度',
    running: '进行中：{{message}}',
    starting: '正在开始…',
    succeeded: '已完成',
    failed: '失败（{{code}}）：{{message}}',
    export: {
      label: '导出',
      format: '导出格式',
      csv: 'CSV',
      xlsx: 'Excel (xlsx)',
      start: '导出',
      download: '下载文件',
      ready: '文件已生成：{{name}}（{{rows}} 行）',
    },
  },
  en: {
    progress: 'Progress',
    running: 'Running: {{message}}',
    starting: 'Starting…',
    succeeded: 'Done',
    failed: 'Failed ({{code}}): {{message}}',
    export: {
      label: 'Export',
      format: 'Export format',
      csv: 'CSV',
      xlsx: 'Excel (xlsx)',
      start: 'Export',
      download: 'Download the file',
      ready: 'File ready: {{name}} ({{rows}} rows)',
    },
  },
};
