import type { Messages } from '../types';

// The notices the store raises when it refuses an input (it stores a key and its values), and the
// button that dismisses one: they load with the first notice (ui/shell/NoticeBanner.tsx), through
// noticeText.ts, not with the first page. A notice may also name a key of another table (a link's
// ignored values: share.ts), which the banner words from there.
export const notices = {
  'notice.dismiss': { en: 'Dismiss', ko: '닫기' },
  'notice.unknownSurface': { en: 'Unknown surface “{id}”.', ko: '알 수 없는 곡면입니다: “{id}”' },
  'notice.start': { en: 'The start must be two finite numbers.', ko: '시작점은 유한한 숫자 두 개여야 합니다.' },
  'notice.param': { en: '{name}: {limit}', ko: '{name}: {limit}' },
  'notice.batch': { en: 'Batch size: a whole number from 1 up', ko: '배치 크기: 1 이상의 정수' },
  'notice.noise': {
    en: 'Noise σ must be a finite number ≥ 0 and its seed a whole number ≥ 0.',
    ko: '잡음 σ는 0 이상의 유한한 숫자, 시드는 0 이상의 정수여야 합니다.',
  },
  'notice.penalty': { en: 'The penalty λ must be a finite number ≥ 0.', ko: '페널티 λ는 0 이상의 유한한 숫자여야 합니다.' },
  'notice.schedule': {
    en: 'That learning-rate schedule has a value out of range; the run keeps its schedule.',
    ko: '학습률 스케줄에 범위를 벗어난 값이 있어, 실행은 기존 스케줄을 유지합니다.',
  },
} satisfies Messages;
