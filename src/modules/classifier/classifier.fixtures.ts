import type { Example } from './model.js';

/** A small synthetic training set: three topics, each with its own vocabulary and shared filler. */
export function syntheticExamples(perClass = 20): Example[] {
  const topics: Record<string, string[]> = {
    交通: ['公交车', '红绿灯', '停车位', '地铁站', '道路拥堵', '出租车'],
    教育: ['学校', '老师', '学生', '幼儿园', '课外补习', '学费'],
    环境: ['噪音', '油烟', '垃圾', '污水', '空气污染', '工地扬尘'],
  };
  const filler = ['我们小区', '希望政府', '尽快处理', '多次反映', '附近居民', '严重影响'];
  const out: Example[] = [];
  for (const [label, words] of Object.entries(topics)) {
    for (let i = 0; i < perClass; i++) {
      const parts = [
        filler[i % 6],
        words[i % 6],
        words[(i * 5 + 1) % 6],
        filler[(i + 3) % 6],
        words[(i + 2) % 6],
      ];
      out.push({ text: `${parts.join('，')}。第${i}次`, label });
    }
  }
  return out;
}
