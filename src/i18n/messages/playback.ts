import type { Messages } from '../types';

// Messages of playback, the timeline, the loss chart and the legend (the shortcuts list's are in
// help.ts, loaded with it).
// Math (f − f*, (x, y)) and optimizer names stay as they are in both languages.
export const playback = {
  'playback.controls': { en: 'Playback', ko: '재생 제어' },
  'playback.play': { en: 'Play', ko: '재생' },
  'playback.pause': { en: 'Pause', ko: '일시정지' },
  'playback.stepBack': { en: 'Step back', ko: '한 스텝 뒤로' },
  'playback.stepForward': { en: 'Step forward', ko: '한 스텝 앞으로' },
  'playback.rewind': { en: 'Rewind', ko: '처음으로' },
  'playback.timeline': { en: 'Timeline', ko: '타임라인' },
  'playback.step': { en: 'step', ko: '스텝' },
  'playback.stepOf': { en: 'step {step} of {total}', ko: '{total} 스텝 중 {step} 스텝' },
  'playback.speed': { en: 'Speed', ko: '속도' },
  'playback.speedValue': { en: '{n} steps/s', ko: '초당 {n}스텝' },
  'playback.speedValueOne': { en: '{n} step/s', ko: '초당 {n}스텝' },
  'playback.speedActual': { en: 'playing {n}/s', ko: '실제 초당 {n}' },
  'playback.speedActualHint': {
    en: 'This device cannot draw frames fast enough for the speed set: playback runs at {n} steps/s',
    ko: '이 기기는 설정한 속도에 맞춰 화면을 그리지 못해, 초당 {n}스텝으로 재생됩니다',
  },
  'playback.help': { en: 'Keyboard shortcuts', ko: '단축키' },
  'playback.listen': { en: 'Hear the explained run’s loss as pitch', ko: '설명 중인 실행의 손실을 음높이로 듣기' },
  'playback.fullscreen': { en: 'Full screen', ko: '전체 화면' },
  'playback.shortcut': { en: '{label} ({key})', ko: '{label} ({key})' },

  'chart.title': { en: 'Loss', ko: '손실' },
  'chart.description': { en: 'Loss against step for {n} visible runs', ko: '표시된 실행 {n}개의 스텝별 손실' },
  'chart.logScale': { en: 'Log scale', ko: '로그 스케일' },
  'chart.batchNote': { en: 'faint: each batch’s loss', ko: '흐린 선: 배치마다의 손실' },
  'chart.axisLoss': { en: 'loss f(x, y)', ko: '손실 f(x, y)' },
  'chart.axisGap': { en: 'f − f*', ko: 'f − f*' },
  'chart.axisGapMin': { en: 'f − min f', ko: 'f − min f' },
  'chart.axisGapHint': { en: 'distance to the global minimum', ko: '전역 최솟값까지의 차이' },
  'chart.axisGapMinHint': { en: 'no known minimum: measured from the lowest point reached', ko: '알려진 최솟값이 없어 도달한 가장 낮은 값 기준' },
  'chart.step': { en: 'step', ko: '스텝' },
  'chart.empty': { en: 'No visible runs', ko: '표시된 실행이 없습니다' },
  'chart.noLoss': { en: 'No finite loss to plot: f is not defined where the runs are', ko: '그릴 수 있는 유한한 손실이 없습니다: 실행 위치에서 f가 정의되지 않습니다' },

  'legend.title': { en: 'Runs', ko: '실행' },
  'legend.optimizer': { en: 'Optimizer', ko: '옵티마이저' },
  'legend.step': { en: 'step', ko: '스텝' },
  'legend.loss': { en: 'loss', ko: '손실' },
  'legend.position': { en: '(x, y)', ko: '(x, y)' },
  'legend.hidden': { en: 'hidden', ko: '숨김' },
  'legend.diverged': { en: 'diverged at step {k}', ko: '{k} 스텝에서 발산' },
  'legend.singular': { en: 'singular Hessian at step {k}', ko: '{k} 스텝에서 헤세 행렬이 특이함' },
  'legend.lineSearchFailed': { en: 'line search failed at step {k}', ko: '{k} 스텝에서 선 탐색 실패' },
  'legend.lineSearchFailedAhead': { en: 'line search fails at step {k}', ko: '{k} 스텝에서 선 탐색이 실패할 예정' },
  'legend.left': { en: 'left the plot at step {k}', ko: '{k} 스텝에서 그림 밖으로 나감' },
  'legend.divergedAhead': { en: 'diverges at step {k}', ko: '{k} 스텝에서 발산할 예정' },
  'legend.singularAhead': { en: 'meets a singular Hessian at step {k}', ko: '{k} 스텝에서 헤세 행렬이 특이해질 예정' },
  'legend.leftAhead': { en: 'leaves the plot at step {k}', ko: '{k} 스텝에서 그림 밖으로 나갈 예정' },

  // The Space key's name: in the Play button's title, and in the shortcuts list (help.ts).
  'help.keySpace': { en: 'Space', ko: '스페이스바' },
} satisfies Messages;
