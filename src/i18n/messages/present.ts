import type { Messages } from '../types';

// Messages of the view toolbar (theme, presentation mode, the hidden panel) and the notices the
// store raises when it refuses an input (it stores a key and its values; src/ui/shell/Notice.tsx
// words them here). The embedded player's are in embedControls.ts, loaded with it.
export const present = {
  'app.documentTitle': { en: 'Descent — optimizer trajectories', ko: 'Descent — 옵티마이저 궤적' },

  'view.group': { en: 'View', ko: '보기' },
  'toolbar.label': { en: 'View and sharing', ko: '보기와 공유' },
  'theme.light': { en: 'Light theme', ko: '밝은 테마' },
  'present.mode': { en: 'Presentation mode', ko: '발표 모드' },
  'present.panel': { en: 'Settings panel', ko: '설정 패널' },

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
