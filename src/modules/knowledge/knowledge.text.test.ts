import { describe, expect, it } from 'vitest';
import { articleTerms, matchedRuns, queryTerms, rankPostings } from './knowledge.text.js';

describe('knowledge text', () => {
  it('weighs a bigram by the fields it is in: questions and keywords 3, title 2, answer 1', () => {
    const { terms, length } = articleTerms({
      title: '停水报修',
      questions: ['家里停水了', '停水怎么办'],
      keywords: ['自来水'],
      answer: '拨打96116报修。',
    });
    expect(terms.get('停水')).toBe(3 + 2); // questions (once, however many variants) + title
    expect(terms.get('报修')).toBe(2 + 1);
    expect(terms.get('来水')).toBe(3);
    expect(length).toBe([...terms.values()].reduce((a, b) => a + b, 0));
  });

  it('drops greetings, punctuation and question words from a query', () => {
    const { text, terms } = queryTerms('您好！请问怎么办居住证？');
    expect(text).toBe('请问怎么办居住证');
    expect(terms).toEqual(expect.arrayContaining(['居住', '住证']));
    expect(terms).not.toContain('请问');
    expect(terms).not.toContain('怎么');
  });

  it('joins overlapping matched bigrams into runs of the query, longest first', () => {
    expect(matchedRuns('小区垃圾分类几点', new Set(['垃圾', '圾分', '分类', '几点']))).toEqual([
      '垃圾分类',
      '几点',
    ]);
    expect(matchedRuns('', new Set(['垃圾']))).toEqual([]);
  });

  it('ranks the article holding the rarer bigram first, and a shorter article above a longer one', () => {
    const ranked = rankPostings(
      [
        { articleId: 1, term: '居住', tf: 3 },
        { articleId: 2, term: '居住', tf: 3 },
        { articleId: 2, term: '住证', tf: 3 },
        { articleId: 3, term: '居住', tf: 3 },
      ],
      {
        docs: 10,
        avgLength: 50,
        lengths: new Map([
          [1, 20],
          [2, 50],
          [3, 80],
        ]),
      },
    );
    expect(ranked.map((r) => r.articleId)).toEqual([2, 1, 3]);
    expect(ranked[0]!.terms).toEqual(['居住', '住证']);
  });
});
