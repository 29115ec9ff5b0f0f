import type { Messages } from '../types';

// The embedded player's own words: its bar, its sliders, the link to the full app and the wheel's
// hint. They load with the embed's modules (ui/embedded/EmbedControls.tsx, WheelGate.tsx), through
// embedControlsText.ts, not with the first page; the buttons it shares with the playback bar keep
// their words in playback.ts.
export const embedControls = {
  'embed.player': { en: 'Player', ko: '플레이어' },
  'embed.params': { en: 'Hyperparameters', ko: '하이퍼파라미터' },
  'embed.open': { en: 'Open in Descent', ko: 'Descent에서 열기' },
  'embed.openHint': { en: 'Opens the full app with this scene in a new tab', ko: '이 장면을 전체 앱으로 새 탭에서 엽니다' },
  // {key} is Ctrl, or ⌘ on a Mac.
  'embed.wheelHint': { en: '{key} + scroll to zoom', ko: '{key} 키를 누른 채 스크롤하면 확대/축소됩니다' },
} satisfies Messages;
