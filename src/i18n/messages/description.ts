// The scene told in words for screen readers (issue 15): read out when the paths change and when
// playback ends, never while it plays. A table of its own, loaded with the description after the
// first frame (i18n/descriptionText.ts).
export const description = {
  'describe.intro': { en: '{surface}, step {step} of {last}.', ko: '{surface}, 전체 {last} 스텝 중 {step} 스텝.' },
  'describe.none': { en: 'No run is shown.', ko: '보이는 실행이 없습니다.' },
  'describe.global': {
    en: '{name} reached the global minimum ({x}, {y}) at step {since}; loss {loss}.',
    ko: '{name}: {since} 스텝에서 전역 최솟값 ({x}, {y})에 도달했습니다. 손실은 {loss}입니다.',
  },
  'describe.local': {
    en: '{name} settled in a local minimum ({x}, {y}) at step {since}; loss {loss}.',
    ko: '{name}: {since} 스텝에서 국소 최솟값 ({x}, {y})에 자리 잡았습니다. 손실은 {loss}입니다.',
  },
  'describe.diverged': { en: '{name} diverged at step {at}.', ko: '{name}: {at} 스텝에서 발산했습니다.' },
  'describe.singular': { en: '{name} stopped at step {at}: its Hessian was singular.', ko: '{name}: {at} 스텝에서 헤세 행렬이 특이해 멈췄습니다.' },
  'describe.lineSearchFailed': { en: '{name} stopped at step {at}: its line search found no step.', ko: '{name}: {at} 스텝에서 선 탐색이 스텝을 찾지 못해 멈췄습니다.' },
  'describe.left': { en: '{name} left the plot at step {at}.', ko: '{name}: {at} 스텝에서 그림 밖으로 나갔습니다.' },
  'describe.stalled': {
    en: '{name} has stalled at ({x}, {y}), which is not a minimum; loss {loss}.',
    ko: '{name}: 최솟값이 아닌 ({x}, {y})에서 멈춰 있습니다. 손실은 {loss}입니다.',
  },
  'describe.saddle': {
    en: '{name} is stuck at the saddle point ({x}, {y}); loss {loss}.',
    ko: '{name}: 안장점 ({x}, {y})에 갇혀 있습니다. 손실은 {loss}입니다.',
  },
  'describe.zigzag': {
    en: '{name} is zig-zagging, now at ({x}, {y}); loss {loss}.',
    ko: '{name}: 지그재그로 움직이며 지금 ({x}, {y})에 있습니다. 손실은 {loss}입니다.',
  },
  'describe.moving': {
    en: '{name} is still on its way, now at ({x}, {y}); loss {loss}.',
    ko: '{name}: 아직 이동 중이며 지금 ({x}, {y})에 있습니다. 손실은 {loss}입니다.',
  },
};
