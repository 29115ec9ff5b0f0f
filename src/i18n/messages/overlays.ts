import type { Messages } from '../types';

// The teaching overlays: the switches for the curvature axes and the step-size crosses, the
// curvature readout under the canvas, the stability bound on gradient descent's η slider and the
// chart of the effective learning rate. Apart from the other messages because only modules that
// load after the first frame read them (src/i18n/overlayText.ts): they stay out of the first
// download. λₘₐₓ is written with subscript letters, the same in both languages.

export const overlayMessages = {
  'overlays.group': { en: 'Curvature and step sizes', ko: '곡률과 스텝 크기' },
  'overlays.curvature': { en: 'Curvature axes', ko: '곡률 축' },
  'overlays.curvatureShort': { en: 'Curvature', ko: '곡률' },
  'overlays.curvatureHint': {
    en: 'The Hessian’s eigenvectors at the start or at the explained run’s particle: orange where the surface bends most, blue where it bends least, each ∝ 1/√|λ| like the level set of the quadratic model, dashed where it curves down.',
    ko: '시작점 또는 설명 중인 실행의 입자에서 헤세 행렬의 고유벡터: 주황색은 곡면이 가장 크게 휘는 방향, 파란색은 가장 작게 휘는 방향이며, 이차 근사의 등고선처럼 길이가 1/√|λ|에 비례합니다. 아래로 휘는 방향은 점선입니다.',
  },
  'overlays.effLr': { en: 'Effective η crosses', ko: '유효 η 십자' },
  'overlays.effLrShort': { en: 'Effective η', ko: '유효 η' },
  'overlays.effLrHint': {
    en: 'At each particle of an adaptive method, a cross in the run’s colour: its arms are the step sizes along x and y times the scene’s typical gradient. Rprop shows its step sizes as a box.',
    ko: '적응형 방법의 각 입자에 실행 색의 십자를 그립니다. 팔의 길이는 x, y 방향 스텝 크기에 장면의 대표 기울기를 곱한 값입니다. Rprop은 스텝 크기를 상자로 그립니다.',
  },

  'curvature.heading': { en: 'Curvature', ko: '곡률' },
  'curvature.atStart': { en: 'at the start', ko: '시작점에서' },
  'curvature.atParticle': { en: 'at {name}’s particle, step {t}', ko: '{name} 입자에서, {t} 스텝' },
  'curvature.place': { en: 'Where the curvature is read', ko: '곡률을 구하는 곳' },
  'curvature.place.particle': { en: 'Particle', ko: '입자' },
  'curvature.place.start': { en: 'Start', ko: '시작점' },
  'curvature.values': { en: 'Eigenvalues of the Hessian and the condition number', ko: '헤세 행렬의 고윳값과 조건수' },
  'curvature.kappa': { en: 'Condition number κ = max|λ| / min|λ|', ko: '조건수 κ = 큰 |λ| / 작은 |λ|' },
  'curvature.high': { en: 'the direction it bends most (orange)', ko: '가장 크게 휘는 방향 (주황색)' },
  'curvature.low': { en: 'the direction it bends least (blue)', ko: '가장 작게 휘는 방향 (파란색)' },
  'curvature.shape.bowl': { en: 'bowl: positive definite', ko: '그릇 모양: 양의 정부호' },
  'curvature.shape.cap': { en: 'cap: negative definite', ko: '뒤집힌 그릇: 음의 정부호' },
  'curvature.shape.saddle': { en: 'saddle: indefinite', ko: '안장: 부정부호' },
  'curvature.shape.flat': { en: 'flat along one axis: singular', ko: '한 축으로 평평함: 특이 행렬' },
  'curvature.shape.none': { en: 'no curvature here', ko: '이곳에는 곡률이 없음' },
  'curvature.undefined': { en: 'f is not defined here', ko: '이곳에서는 f가 정의되지 않음' },
  'curvature.bound': {
    en: 'Stable below 2/λₘₐₓ = {value}, from the Hessian at the start',
    ko: '2/λₘₐₓ = {value} 아래에서 안정 (시작점의 헤세 행렬로 구함)',
  },
  'curvature.boundOver': {
    en: 'η is above it: along the steepest direction each step lands farther from the valley floor than it started.',
    ko: 'η가 이보다 큽니다: 가장 가파른 방향으로는 스텝마다 골짜기 바닥에서 처음보다 더 멀어집니다.',
  },

  'effLrChart.title': { en: 'Effective learning rate over the steps', ko: '스텝에 따른 유효 학습률' },
  'effLrChart.x': { en: 'along x', ko: 'x 방향' },
  'effLrChart.y': { en: 'along y', ko: 'y 방향' },
  'effLrChart.description': {
    en: 'Log-scale chart of the effective learning rate over {n} steps: along x from {x0} to {x1}, along y from {y0} to {y1}.',
    ko: '{n} 스텝 동안의 유효 학습률 (로그 눈금): x 방향 {x0}에서 {x1}까지, y 방향 {y0}에서 {y1}까지.',
  },
  'effLrChart.descriptionSame': {
    en: 'Log-scale chart of η over {n} steps, from {x0} to {x1}.',
    ko: '{n} 스텝 동안의 η (로그 눈금): {x0}에서 {x1}까지.',
  },
  'effLrChart.same': {
    en: 'This rule has one η for every coordinate: the chart shows η over the steps, which a schedule changes.',
    ko: '이 규칙은 모든 좌표에 같은 η를 씁니다. 그래프는 스텝에 따른 η이며, 스케줄이 있으면 바뀝니다.',
  },
  'effLrChart.lr': { en: 'η, every coordinate', ko: 'η, 모든 좌표' },
  'effLrChart.empty': { en: 'No steps yet.', ko: '아직 스텝이 없습니다.' },
} satisfies Messages;
