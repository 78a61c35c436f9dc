import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvRecords, CsvError } from './csv.js';
import { ClassifierError } from './errors.js';
import { loadModel, serializeModel } from './format.js';
import { confidences, fitGapLogistic } from './calibration.js';
import { classify, trainModel, type Example } from './model.js';
import { classifyLine } from './classifier.cli.js';
import { normalizeText } from './text.js';
import { defaultFeatureOptions, listNgrams, titleEnd } from './features.js';
import { syntheticExamples } from './classifier.fixtures.js';

describe('classifier', () => {
  const model = trainModel(syntheticExamples());

  it('learns the topics and ranks every other label as an alternative', () => {
    const r = classify(model, '学校门口的幼儿园学生太多，老师管不过来');
    expect(r.label).toBe('教育');
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.alternatives.map((a) => a.label).sort()).toEqual(['交通', '环境']);
    const total = r.confidence + r.alternatives.reduce((s, a) => s + a.confidence, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(r.alternatives[0]!.confidence).toBeGreaterThanOrEqual(r.alternatives[1]!.confidence);
    expect(classify(model, '晚上工地扬尘和噪音，垃圾也没人清理').label).toBe('环境');
    expect(classify(model, '地铁站旁边停车位不够，出租车乱停').label).toBe('交通');
  });

  it('names the phrases that drove the decision', () => {
    const r = classify(model, '幼儿园学费太贵');
    expect(r.phrases.length).toBeGreaterThan(0);
    const phrases = r.phrases.map((p) => p.text).join(' ');
    expect(phrases).toMatch(/幼|儿|园|学|费/);
    expect(phrases).not.toMatch(/太贵/);
    for (const p of r.phrases) expect(p.weight).toBeGreaterThan(0);
  });

  it('is deterministic: the same data and seed give byte-identical model files', () => {
    const again = trainModel(syntheticExamples());
    expect(serializeModel(again).equals(serializeModel(model))).toBe(true);
  });

  it('round-trips through the file format with identical answers', () => {
    const loaded = loadModel(serializeModel(model));
    expect(loaded.labels).toEqual(model.labels);
    expect(loaded.scale).toBe(model.scale);
    for (const text of ['公交车太挤', '油烟扰民', '老师体罚学生']) {
      expect(classify(loaded, text)).toEqual(classify(model, text));
    }
  });

  it('refuses corrupt, truncated, foreign and newer model files with clear codes', () => {
    const buf = serializeModel(model);
    const flipped = Buffer.from(buf);
    flipped[buf.length - 100]! ^= 0xff;
    const code = (b: Buffer) => {
      try {
        loadModel(b);
        return 'loaded';
      } catch (error) {
        return error instanceof ClassifierError ? error.code : `crash: ${String(error)}`;
      }
    };
    expect(code(flipped)).toBe('model_corrupt');
    expect(code(buf.subarray(0, buf.length - 10))).toBe('model_corrupt');
    expect(code(Buffer.from('{"not":"a model"}'))).toBe('model_corrupt');
    expect(code(Buffer.alloc(0))).toBe('model_corrupt');
    const newer = Buffer.from(buf);
    newer.writeUInt32LE(99, 8);
    expect(code(newer)).toBe('model_unsupported');
    // Version 1 (softmax confidences, no gap calibration) is refused rather than misread.
    const older = Buffer.from(buf);
    older.writeUInt32LE(1, 8);
    expect(code(older)).toBe('model_unsupported');
    expect(() => loadModel(older)).toThrow(/version 1; this program reads version 2/);
  });

  it("takes the winner's confidence from its margin over the runner-up", () => {
    expect(model.confidence).not.toBeNull();
    expect(model.confidence!.slope).toBeGreaterThan(0);
    // The synthetic topics separate perfectly, so their fit saturates: use a moderate one.
    const moderate = { ...model, confidence: { slope: 3 } };
    const margins = (gap: number) => Float64Array.from([1, 1 - gap, -1]);
    const low = confidences(moderate, margins(0.05));
    const high = confidences(moderate, margins(1.5));
    expect(high[0]!).toBeGreaterThan(low[0]!);
    for (const c of [low, high]) {
      expect(c.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(c[0]!).toBeGreaterThanOrEqual(c[1]!);
      expect(c[1]!).toBeGreaterThan(c[2]!);
    }
    // A tie can never leave the runner-up above the winner.
    const tie = confidences(moderate, Float64Array.from([1, 1 - 1e-9, 0.9]));
    expect(tie[0]!).toBeGreaterThanOrEqual(tie[1]!);
  });

  it('fits the gap logistic so that wider gaps mean more often right', () => {
    const margins: Float64Array[] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      const gap = (i % 20) / 10;
      margins.push(Float64Array.from([gap, 0]));
      // Right whenever the gap is wide, right half the time when it is narrow.
      y.push(gap >= 1 || i % 2 === 0 ? 0 : 1);
    }
    const { slope } = fitGapLogistic(margins, y);
    expect(slope).toBeGreaterThan(0);
    expect(1 / (1 + Math.exp(-slope * 1.9))).toBeGreaterThan(0.9);
    // All right out of fold (a small clean set): the slope stays finite, a tie stays a coin flip.
    const clean = fitGapLogistic(
      margins,
      margins.map(() => 0),
    );
    expect(Number.isFinite(clean.slope)).toBe(true);
    const unknown = confidences({ ...model, confidence: clean }, Float64Array.from([0.2, 0.19, -1]));
    expect(unknown[0]!).toBeLessThan(0.6);
  });

  it('weights the title: before an early space, else the opening characters', () => {
    const o = { ...defaultFeatureOptions, lead: 20, titleWeight: 2 };
    expect(titleEnd('路灯坏了 小区门口的路灯坏了三天', o)).toBe(4);
    const glued = `路灯坏了${'小区门口'.repeat(20)} 后面`;
    expect(titleEnd(glued, o)).toBe(20);
    expect(titleEnd(glued, { ...o, lead: 0 })).toBe(-1);
    expect(titleEnd('路灯坏了 x', { ...o, titleWeight: 1 })).toBe(-1);
    const grams = { keys: [] as number[], weights: [] as number[] };
    listNgrams('公交车晚点', o, grams);
    expect(grams.weights.every((w) => w === 2)).toBe(true);
  });

  it('refuses training data without two classes, enough examples or labels', () => {
    const code = (examples: Example[]) => {
      try {
        trainModel(examples);
        return 'trained';
      } catch (error) {
        return (error as ClassifierError).code;
      }
    };
    const examples = syntheticExamples();
    expect(code(examples.map((e) => ({ ...e, label: '交通' })))).toBe('single_class');
    expect(code(examples.slice(0, 5))).toBe('too_few_examples');
    expect(code([...examples, { text: '路灯坏了', label: ' ' }])).toBe('missing_label');
  });

  it('cleans HTML, emoji and full-width forms, and refuses text with nothing Chinese left', () => {
    expect(normalizeText('<p>ＡＢＣ１２３&nbsp;路灯😀坏了</p>\n\n')).toBe('abc0 路灯 坏了');
    const clean = classify(model, '<b>公交车</b>😡😡 红绿灯坏了&amp;');
    expect(clean.label).toBe('交通');
    const code = (text: string) => {
      try {
        classify(model, text);
        return 'classified';
      } catch (error) {
        return (error as ClassifierError).code;
      }
    };
    expect(code('')).toBe('empty_text');
    expect(code('  <br/> 😀😀 ')).toBe('empty_text');
    expect(code('The bus is late again 123')).toBe('not_chinese');
    expect(code('噪音'.repeat(20_000))).toBe('text_too_long');
  });

  it('answers every bad input line with an error line instead of crashing', () => {
    const answer = (line: string) => classifyLine(model, line) as { id: unknown; error?: { code: string } };
    expect(answer('not json').error?.code).toBe('invalid_json');
    expect(answer('[1,2]').error?.code).toBe('invalid_json');
    expect(answer('').error?.code).toBe('empty_line');
    expect(answer('{"id":7}')).toMatchObject({ id: 7, error: { code: 'missing_text' } });
    expect(answer('{"id":8,"text":42}')).toMatchObject({ id: 8, error: { code: 'missing_text' } });
    expect(answer('{"id":"x","text":"hello"}')).toMatchObject({ id: 'x', error: { code: 'not_chinese' } });
    expect(answer('{"id":9,"text":"😀"}')).toMatchObject({ id: 9, error: { code: 'empty_text' } });
    expect(answer(JSON.stringify({ id: 1, text: 'x'.repeat(1_100_000) })).error?.code).toBe('line_too_long');
    expect(answer('{"id":10,"text":"公交车晚点"}')).toMatchObject({ id: 10, label: '交通' });
  });
});

describe('csv', () => {
  it('reads quoted multi-line fields, doubled quotes, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"line one\nline two","say ""hi"""\r\n2,,"x,y"\n\n3,z';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'line one\nline two', 'say "hi"'],
      ['2', '', 'x,y'],
      [''],
      ['3', 'z'],
    ]);
    const { header, records } = readCsvRecords(text);
    expect(header).toEqual(['a', 'b', 'c']);
    expect(records).toHaveLength(3);
    expect(records[2]).toEqual({ a: '3', b: 'z', c: '' });
  });

  it('reports an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(CsvError);
  });
});
