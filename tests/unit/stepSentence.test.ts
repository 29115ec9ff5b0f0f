import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, OPTIMIZER_IDS, explainStep, getSurface, traceRun, type OptimizerId, type RunSpec, type Surface } from '../../src/engine';
import { sentences } from '../../src/i18n/messages/sentences';
import { teach } from '../../src/i18n/messages/teach';
import { updateRule } from '../../src/i18n/messages/updateRule';
import { scheduleSettings } from '../../src/i18n/messages/scheduleSettings';
import { fill, roParticle, sayNumber, sayVector, stepSentence, uncorrectedFactor } from '../../src/ui/teaching/stepSentence';

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`no surface ${id}`);
  return s;
}

function say(optimizer: OptimizerId, t: number, extra: Partial<RunSpec> = {}, lang: 'en' | 'ko' = 'en'): string {
  const trace = traceRun({ surface: surface('ravine'), optimizer, steps: 30, ...extra });
  const e = explainStep(trace, optimizer, t);
  return stepSentence({ kind: 'step', e, biasCorrection: trace.biasCorrection, noisy: !!extra.noise }, lang);
}

// Latin words allowed in Korean sentences: optimizer names, and the math the sentences quote.
// "L-BFGS" reads as the word BFGS.
const ALLOWED = new Set([...OPTIMIZERS.map((o) => o.name), 'BFGS', 'SF', 'AdamW', 'max', 'CS', 'PyTorch', 'Keras']);
const strayLatin = (text: string) => (text.match(/[A-Za-z]+/g) ?? []).filter((w) => w.length > 1 && !ALLOWED.has(w));

describe('numbers in sentences', () => {
  it('have three significant digits, no trailing zeros and a real minus sign', () => {
    expect(sayNumber(0.41234)).toBe('0.412');
    expect(sayNumber(-3.2)).toBe('\u22123.2');
    expect(sayNumber(2)).toBe('2');
    expect(sayNumber(120)).toBe('120');
    expect(sayNumber(1.2e-5)).toBe('1.2e\u22125');
    expect(sayNumber(0.001)).toBe('0.001');
    expect(sayVector([0.41, -3.2])).toBe('(0.41, \u22123.2)');
  });

  it('take the Korean particle their last digit takes when read aloud', () => {
    expect(roParticle('1.97')).toBe('로'); // 칠
    expect(roParticle('2.30')).toBe('으로'); // 영
    expect(roParticle('0.003')).toBe('으로'); // 삼
    expect(roParticle('1.26')).toBe('으로'); // 육
    expect(roParticle('0.5')).toBe('로'); // 오
    expect(fill('ko', 'say.fell', { a: '2.31', b: '1.96' })).toBe('2.31에서 1.96으로 줄었습니다');
    expect(fill('ko', 'say.fell', { a: '2.31', b: '1.97' })).toBe('2.31에서 1.97로 줄었습니다');
  });
});

describe('stepSentence', () => {
  it('tells momentum’s step as the lecture does', () => {
    const text = say('momentum', 12);
    expect(text).toMatch(/^Step 12: the gradient is \(.+\); momentum kept 90% of the velocity and added the gradient, so v = \(.+\); the particle moved by \(.+\) and the loss (fell|rose) from .+ to .+\.$/);
    const ko = say('momentum', 12, {}, 'ko');
    expect(ko).toMatch(/^12 스텝: 기울기는 \(.+\)입니다\. 모멘텀이 이전 속도의 90%를 유지하고 기울기를 더해/);
    expect(ko).toMatch(/손실은 .+에서 .+(로|으로) (줄었|늘었)습니다\.$/);
  });

  it('quotes the engine’s numbers', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'sgd', steps: 30 });
    const e = explainStep(trace, 'sgd', 5);
    const text = stepSentence({ kind: 'step', e, biasCorrection: true, noisy: false }, 'en');
    expect(text).toContain(`the gradient is ${sayVector([trace.gx[5], trace.gy[5]])}`);
    expect(text).toContain(`moved by ${sayVector([trace.dx[5], trace.dy[5]])}`);
    expect(text).toContain(`from ${sayNumber(trace.loss[4])} to ${sayNumber(trace.loss[5])}`);
  });

  it('words each family differently', () => {
    expect(say('sgd', 3)).toContain('against it');
    expect(say('nesterov', 3)).toContain('look ahead');
    for (const o of ['adagrad', 'rmsprop', 'adadelta'] as const) expect(say(o, 3), o).toContain('effective learning rates are (');
    expect(say('adagrad', 3)).toContain('running sum');
    expect(say('rmsprop', 3)).toContain('kept 99% of its running average');
    expect(say('adam', 3)).toContain('bias correction divides m by 1 − β₁ᵗ = 0.271');
    expect(say('amsgrad', 3)).toContain('largest v so far');
    expect(say('adamw', 3)).toContain('decoupled weight decay');
    expect(say('adamax', 3)).toContain('infinity norm');
    expect(say('nadam', 3)).toContain('μₜ');
    expect(say('newton', 1)).toContain('Hessian');
  });

  it('points out the per-coordinate step sizes of the adaptive methods on the ravine', () => {
    // The ravine is steep along y: x gets the larger effective learning rate.
    expect(say('adagrad', 3)).toMatch(/along x the step size is [\d.]+× that along y/);
    expect(say('adagrad', 3, {}, 'ko')).toMatch(/x 방향의 스텝 크기가 y 방향의 [\d.]+배입니다/);
  });

  it('explains what switching off Adam’s bias correction does to an early step', () => {
    const text = say('adam', 1, { biasCorrection: false });
    const k = uncorrectedFactor('adam', 1, 0.9, 0.999);
    expect(k).toBeCloseTo(0.1 / Math.sqrt(0.001), 10);
    expect(text).toContain(`about ${sayNumber(k ?? NaN)}× the bias-corrected one`);
    expect(say('adam', 1, { biasCorrection: false }, 'ko')).toContain('편향 보정이 없어');
    // Once β₁ᵗ and β₂ᵗ have decayed, there is nothing left to say but that.
    expect(uncorrectedFactor('adam', 20000, 0.9, 0.999)).toBeNull();
  });

  it('says when Newton’s curvature is negative (the saddle)', () => {
    const trace = traceRun({ surface: surface('saddle'), optimizer: 'newton', steps: 3 });
    const e = explainStep(trace, 'newton', 1);
    expect(stepSentence({ kind: 'step', e, biasCorrection: true, noisy: false }, 'en')).toContain('negative eigenvalue (−2)');
    expect(stepSentence({ kind: 'step', e, biasCorrection: true, noisy: false }, 'ko')).toContain('음수(−2)');
  });

  it('mentions noise, the schedule’s η and a run that ended', () => {
    expect(say('momentum', 2, { noise: { sigma: 0.5, seed: 1 } })).toContain('the gradient, noise included, is');
    expect(say('momentum', 9, { schedule: { kind: 'step', every: 4, gamma: 0.5 } })).toContain('the schedule set η to');
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'sgd', steps: 30 });
    const e = explainStep(trace, 'sgd', 30);
    const text = stepSentence({ kind: 'step', e, biasCorrection: true, noisy: false, ended: { at: 31, why: 'diverged' } }, 'en');
    expect(text).toMatch(/^This run stopped at step 31 \(it diverged\); here is its last step\. Step 30:/);
  });

  it('says where the particle starts at step 0', () => {
    expect(stepSentence({ kind: 'start', x: [1.5, -2], loss: 3.25 }, 'en')).toBe(
      'Step 0: before the first step. The particle starts at (1.5, −2), where the loss is 3.25; → takes the first step.',
    );
    expect(stepSentence({ kind: 'start', x: [1.5, -2], loss: 3.25 }, 'ko')).toContain('0 스텝: 첫 스텝 전입니다.');
  });

  it('keeps English out of every Korean sentence', () => {
    for (const optimizer of OPTIMIZER_IDS) {
      for (const extra of [{}, { biasCorrection: false }, { noise: { sigma: 0.5, seed: 2 } }, { schedule: { kind: 'exponential' as const, gamma: 0.9 } }]) {
        for (const t of [1, 4, 30]) {
          const ko = say(optimizer, t, extra, 'ko');
          expect(strayLatin(ko), ko).toEqual([]);
          expect(/[\uac00-\ud7a3]/.test(ko)).toBe(true);
          const en = say(optimizer, t, extra, 'en');
          expect(/[\uac00-\ud7a3]/.test(en), en).toBe(false);
        }
      }
    }
  });
});

describe('teach messages', () => {
  const messages: Readonly<Record<string, { en: string; ko: string }>> = { ...teach, ...updateRule, ...scheduleSettings, ...sentences };

  it('fill the same placeholders in both languages', () => {
    for (const [key, { en, ko }] of Object.entries(messages)) {
      const names = (s: string) => [...new Set((s.match(/\{\w+/g) ?? []).map((m) => m.slice(1)))].sort();
      expect(names(ko), key).toEqual(names(en));
    }
  });

  it('are in Korean, with English only for names and math', () => {
    for (const [key, { en, ko }] of Object.entries(messages)) {
      const text = ko.replace(/\{\w+(\|로)?\}/g, '');
      expect(strayLatin(text), `${key}: ${ko}`).toEqual([]);
      // Math alone (L2: λ(x² + y²)) reads the same in both languages.
      if (ko !== en) expect(/[\uac00-\ud7a3]/.test(ko), `${key}: ${ko}`).toBe(true);
    }
  });

  it('name the controls as the e2e tests and screen readers find them', () => {
    expect(messages['teach.stepByStep']).toEqual({ en: 'Step by step', ko: '한 스텝씩' });
    expect(messages['schedule.label']).toEqual({ en: 'Learning-rate schedule', ko: '학습률 스케줄' });
    expect(messages['bias.label']).toEqual({ en: 'Bias correction', ko: '편향 보정' });
    expect(messages['noise.sigma'].en).toBe('Gradient noise σ');
    expect(messages['noise.seed'].en).toBe('Noise seed');
    expect(messages['penalty.lambda'].en).toBe('Penalty λ');
    expect(messages['noise.heading']).toEqual({ en: 'Noise and regularization', ko: '노이즈와 규제' });
    expect(messages['teach.rule.heading']).toEqual({ en: 'Update rule', ko: '업데이트 규칙' });
  });
});
