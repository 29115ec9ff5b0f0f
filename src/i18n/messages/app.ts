import type { Messages } from '../types';

// Messages of the app shell. Each entry holds both languages side by side, so a missing
// translation is a type error rather than an English word in the Korean UI.
export const app = {
  'app.title': { en: 'Descent', ko: 'Descent' },
  'app.tagline': { en: 'Optimizers, racing downhill', ko: '내리막을 달리는 옵티마이저들' },
  'error.title': { en: 'Something went wrong drawing the scene.', ko: '장면을 그리는 중 문제가 발생했습니다.' },
  'error.reset': { en: 'Reset scene', ko: '장면 초기화' },
  'error.webgl': {
    en: 'This browser could not start WebGL, so the 3D view is unavailable. The panel, chart and legend still work.',
    ko: '이 브라우저에서 WebGL을 시작할 수 없어 3D 보기를 사용할 수 없습니다. 패널, 차트, 범례는 계속 작동합니다.',
  },
  'notice.flatView': {
    en: 'WebGL could not start in this browser, so the scene is drawn as a flat 2D contour map. Every control still works.',
    ko: '이 브라우저에서 WebGL을 시작하지 못해 장면을 평면 2D 등고선 지도로 보여 줍니다. 다른 기능은 모두 그대로 쓸 수 있습니다.',
  },
  'view.3d': { en: '3D', ko: '3D' },
  'view.3dNeedsWebgl': { en: '3D needs WebGL, which this browser did not start', ko: '3D 보기에는 WebGL이 필요한데, 이 브라우저에서 WebGL을 시작하지 못했습니다' },
  'view.2d': { en: '2D contour', ko: '2D 등고선' },
  'view.2dShort': { en: '2D', ko: '2D' },
  'view.resetCamera': { en: 'Reset camera', ko: '카메라 초기화' },
  'view.tapHint': { en: 'Click the surface to set the start', ko: '곡면을 클릭해 시작점을 정하세요' },
  'app.dock': { en: 'Playback, loss and runs', ko: '재생, 손실, 실행' },
  'lang.switch': { en: '한국어', ko: 'English' },
  'lang.label': { en: 'Language', ko: '언어' },
} satisfies Messages;
