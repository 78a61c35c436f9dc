import type { z } from 'zod';
import type { attributesSchema } from '../../modules/categories/index.js';

/**
 * Open311 service attributes (extra questions) of a few demo leaves, between them every GeoReport
 * datatype. Required ones sit only on categories the US 311 replay mapping does not use, so
 * replayed requests (which carry no such answers) are still accepted.
 */
export const serviceAttributes: Record<string, z.input<typeof attributesSchema>> = {
  '35-02': [
    {
      code: 'VENDOR_TYPE',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      description: '经营类型',
      values: [
        { key: 'food', name: '餐饮小吃' },
        { key: 'produce', name: '水果蔬菜' },
        { key: 'goods', name: '日用百货' },
        { key: 'other', name: '其他' },
      ],
    },
    {
      code: 'DURATION_DAYS',
      datatype: 'number',
      order: 2,
      description: '已持续时间（天）',
      datatype_description: '天数，如 3',
    },
    {
      code: 'PEAK_HOURS',
      datatype: 'multivaluelist',
      order: 3,
      description: '高发时段',
      values: [
        { key: 'morning', name: '早间（6—9时）' },
        { key: 'noon', name: '午间（11—14时）' },
        { key: 'evening', name: '傍晚（17—20时）' },
        { key: 'night', name: '夜间（22时后）' },
      ],
    },
    {
      code: 'SAFETY_NOTE',
      datatype: 'string',
      variable: false,
      order: 4,
      description: '请勿与经营人员发生冲突，拍照时注意自身安全。',
    },
  ],
  '33-01': [
    {
      code: 'LAST_SEEN',
      datatype: 'datetime',
      required: true,
      order: 1,
      description: '最近一次发生时间',
      datatype_description: 'ISO 8601，含时区，如 2026-05-01T23:30:00+08:00',
    },
    { code: 'SITE_NAME', datatype: 'string', order: 2, description: '工地名称或施工单位' },
    {
      code: 'DISTURBANCE',
      datatype: 'multivaluelist',
      required: true,
      order: 3,
      description: '扰民类型',
      values: [
        { key: 'noise', name: '噪声' },
        { key: 'dust', name: '扬尘' },
        { key: 'light', name: '强光' },
        { key: 'vibration', name: '震动' },
      ],
    },
  ],
  '41-01-01': [
    {
      code: 'HAZARD',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      description: '现场情况',
      values: [
        { key: 'open', name: '井口敞开，无任何防护' },
        { key: 'marked', name: '已设置警示标志' },
        { key: 'covered', name: '已临时遮盖' },
      ],
    },
    {
      code: 'SPOT',
      datatype: 'text',
      order: 2,
      description: '具体位置描述',
      datatype_description: '如：路口东南角非机动车道内，距路沿约1米',
    },
  ],
  '31-08': [{ code: 'STALLS', datatype: 'number', order: 1, description: '烧烤摊位数量' }],
};
