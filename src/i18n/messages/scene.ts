import type { Messages } from '../types';

// The scene's frame: its title, the key under the canvas, the 2D plot's axes.
export const sceneMessages = {
  'scene.key': { en: 'Key to the scene', ko: '장면 범례' },
  'scene.key.start': { en: 'Start — click the surface to move it', ko: '시작점 — 곡면을 클릭해 옮기세요' },
  'scene.key.startShort': { en: 'Start', ko: '시작점' },
  'scene.key.global': { en: 'Global minimum', ko: '전역 최솟값' },
  'scene.key.local': { en: 'Local minimum', ko: '국소 최솟값' },
  'scene.key.saddle': { en: 'Saddle point', ko: '안장점' },
  'scene.key.unpenalized': { en: 'Minimum without the penalty', ko: '규제 없을 때의 최솟값' },
  'scene.key.origin': { en: 'Origin, where the penalty pulls', ko: '원점 (규제가 당기는 곳)' },
  'scene.key.unpenalizedShort': { en: 'Without the penalty', ko: '규제 없을 때' },
  'scene.key.originShort': { en: 'Origin', ko: '원점' },
  'scene.key.hiddenLocal': {
    en: '{n} more local minima are not marked; a run that ends in one marks it.',
    ko: '국소 최솟값 {n}개는 표시하지 않았습니다. 실행이 끝나는 곳은 표시됩니다.',
  },
  'scene.title': { en: 'Surface', ko: '곡면' },
  'scene.stage': { en: 'Scene: the surface and the runs', ko: '장면: 곡면과 실행' },
  'scene.axes': { en: 'Axes of the 2D plot', ko: '2D 그림의 축' },
} satisfies Messages;
