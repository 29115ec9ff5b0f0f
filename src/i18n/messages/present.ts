import type { Messages } from '../types';

// Messages of the view toolbar (theme, presentation mode, the hidden panel). The embedded player's
// are in embedControls.ts, and the store's notices in notices.ts, each loaded with its part.
export const present = {
  'app.documentTitle': { en: 'Descent — optimizer trajectories', ko: 'Descent — 옵티마이저 궤적' },

  'view.group': { en: 'View', ko: '보기' },
  'toolbar.label': { en: 'View and sharing', ko: '보기와 공유' },
  'theme.light': { en: 'Light theme', ko: '밝은 테마' },
  'present.mode': { en: 'Presentation mode', ko: '발표 모드' },
  'present.panel': { en: 'Settings panel', ko: '설정 패널' },
} satisfies Messages;
