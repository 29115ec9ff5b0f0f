import type { Messages } from '../types';

// The settings of a learning-rate schedule other than constant, and its curve's caption: they load
// with them (ui/panel/ScheduleSettings.tsx), through scheduleSettingsText.ts, not with the first
// page. The schedule menu's words stay in teach.ts.
export const scheduleSettings = {
  'schedule.every': { en: 'Every (steps)', ko: '감쇠 간격(스텝)' },
  'schedule.gamma': { en: 'Factor γ', ko: '감쇠 계수 γ' },
  'schedule.period': { en: 'Period (steps)', ko: '주기(스텝)' },
  'schedule.minFactor': { en: 'Minimum (× η)', ko: '최솟값(× η)' },
  'schedule.warmupSteps': { en: 'Warm-up steps', ko: '워밍업 스텝 수' },
  'schedule.curve': { en: 'η over the steps, from {a} to {b}', ko: '스텝에 따른 η: {a}부터 {b}까지' },
  'schedule.error.whole': { en: 'Enter a whole number ≥ 1.', ko: '1 이상의 정수를 입력하세요.' },
  'schedule.error.positive': { en: 'Enter a number greater than 0.', ko: '0보다 큰 숫자를 입력하세요.' },
  'schedule.error.unit': { en: 'Enter a number from 0 to 1.', ko: '0부터 1 사이의 숫자를 입력하세요.' },
} satisfies Messages;
