import type { Lang } from '../lang';
import type { Messages } from '../types';

// Messages of the control panel (surface, start, steps, runs, hyperparameters).
// Names of optimizers and hyperparameters are keyed by their engine ids: the UI asks for
// `optimizer.${id}`, so a missing one is a type error there (and tests/unit/i18n checks it); surfaces are checked by a unit test, since their ids are plain strings.
// Korean follows the vocabulary of Korean ML courses; proper names (SGD, Adam, Rosenbrock …)
// and math stay as they are.

type Entry = Record<Lang, string>;

const optimizerNames = {
  'optimizer.sgd': { en: 'SGD', ko: 'SGD' },
  'optimizer.momentum': { en: 'Momentum', ko: '모멘텀' },
  'optimizer.nesterov': { en: 'Nesterov', ko: 'Nesterov' },
  'optimizer.adagrad': { en: 'AdaGrad', ko: 'AdaGrad' },
  'optimizer.rmsprop': { en: 'RMSProp', ko: 'RMSProp' },
  'optimizer.adadelta': { en: 'AdaDelta', ko: 'AdaDelta' },
  'optimizer.adam': { en: 'Adam', ko: 'Adam' },
  'optimizer.amsgrad': { en: 'AMSGrad', ko: 'AMSGrad' },
  'optimizer.adamw': { en: 'AdamW', ko: 'AdamW' },
  'optimizer.adamax': { en: 'Adamax', ko: 'Adamax' },
  'optimizer.nadam': { en: 'NAdam', ko: 'NAdam' },
  'optimizer.radam': { en: 'RAdam', ko: 'RAdam' },
  'optimizer.rprop': { en: 'Rprop', ko: 'Rprop' },
  'optimizer.asgd': { en: 'ASGD', ko: 'ASGD' },
  'optimizer.lbfgs': { en: 'L-BFGS', ko: 'L-BFGS' },
  'optimizer.lion': { en: 'Lion', ko: 'Lion' },
  'optimizer.signum': { en: 'Signum', ko: 'Signum' },
  'optimizer.shampoo': { en: 'Shampoo', ko: 'Shampoo' },
  'optimizer.schedule-free-adamw': { en: 'SF-AdamW', ko: 'SF-AdamW' },
  'optimizer.sam': { en: 'SAM', ko: 'SAM' },
  'optimizer.lookahead': { en: 'Lookahead', ko: 'Lookahead' },
  'optimizer.newton': { en: 'Newton', ko: '뉴턴' },
} satisfies Record<string, Entry>;

// The English names are the engine's (HYPERPARAMS[].name): the e2e tests and the CLI use them.
const paramNames = {
  'param.lr': { en: 'Learning rate', ko: '학습률' },
  'param.rho': { en: 'Momentum', ko: '모멘텀' },
  'param.decay': { en: 'Decay rate', ko: '감쇠율' },
  'param.beta1': { en: 'First-moment decay', ko: '1차 모멘트 감쇠율' },
  'param.beta2': { en: 'Second-moment decay', ko: '2차 모멘트 감쇠율' },
  'param.eps': { en: 'Epsilon', ko: '엡실론' },
  'param.weightDecay': { en: 'Weight decay', ko: '가중치 감쇠' },
  'param.momentumDecay': { en: 'Momentum decay', ko: '모멘텀 감쇠' },
  'param.dampening': { en: 'Dampening', ko: '댐프닝' },
  'param.etaMinus': { en: 'Step decrease', ko: '스텝 축소 배율' },
  'param.etaPlus': { en: 'Step increase', ko: '스텝 확대 배율' },
  'param.stepMin': { en: 'Smallest step', ko: '최소 스텝' },
  'param.stepMax': { en: 'Largest step', ko: '최대 스텝' },
  'param.lambd': { en: 'Decay term', ko: '감쇠 항' },
  'param.power': { en: 'Decay power', ko: '감쇠 지수' },
  'param.t0': { en: 'Averaging start', ko: '평균 시작 스텝' },
  'param.centered': { en: 'Centered', ko: '중심화' },
  'param.lrDecay': { en: 'Learning-rate decay', ko: '학습률 감쇠' },
  'param.initialAccumulator': { en: 'Initial accumulator', ko: '누적값 초깃값' },
  'param.historySize': { en: 'History size', ko: '기억할 쌍의 수' },
  'param.maxIter': { en: 'Iterations per step', ko: '스텝당 반복 수' },
  'param.lineSearch': { en: 'Strong-Wolfe line search', ko: '강한 Wolfe 선 탐색' },
  'param.tolGrad': { en: 'Gradient tolerance', ko: '기울기 허용 오차' },
  'param.tolChange': { en: 'Change tolerance', ko: '변화량 허용 오차' },
  'param.radius': { en: 'Ascent radius', ko: '상승 반경' },
  'param.inner': { en: 'Inner optimizer', ko: '안쪽 옵티마이저' },
  'param.syncPeriod': { en: 'Steps between pull-backs', ko: '되돌리기 사이 스텝 수' },
  'param.slowStep': { en: 'Slow step', ko: '느린 가중치 스텝' },
} satisfies Record<string, Entry>;

const surfaceNames = {
  'surface.name.saddle': { en: 'Saddle', ko: '안장점' },
  'surface.name.ravine': { en: 'Ravine', ko: '협곡' },
  'surface.name.rosenbrock': { en: 'Rosenbrock', ko: 'Rosenbrock' },
  'surface.name.local-minima': { en: 'Local minima', ko: '국소 최솟값' },
  'surface.name.bowl': { en: 'Bowl', ko: '둥근 그릇' },
  'surface.name.rotated-ravine': { en: 'Rotated ravine', ko: '회전된 협곡' },
  'surface.name.booth': { en: 'Booth', ko: 'Booth' },
  'surface.name.matyas': { en: 'Matyas', ko: 'Matyas' },
  'surface.name.beale': { en: 'Beale', ko: 'Beale' },
  'surface.name.himmelblau': { en: 'Himmelblau', ko: 'Himmelblau' },
  'surface.name.three-hump-camel': { en: 'Three-hump camel', ko: '세 혹 낙타' },
  'surface.name.six-hump-camel': { en: 'Six-hump camel', ko: '여섯 혹 낙타' },
  'surface.name.styblinski-tang': { en: 'Styblinski–Tang', ko: 'Styblinski–Tang' },
  'surface.name.rastrigin': { en: 'Rastrigin', ko: 'Rastrigin' },
  'surface.name.ackley': { en: 'Ackley', ko: 'Ackley' },
  'surface.name.goldstein-price': { en: 'Goldstein–Price', ko: 'Goldstein–Price' },
  'surface.name.monkey-saddle': { en: 'Monkey saddle', ko: '원숭이 안장' },
  'surface.name.plateau': { en: 'Plateau', ko: '고원' },
  'surface.group.builtIn': { en: 'Formulas', ko: '수식' },
  'surface.group.data': { en: 'Real data (a model’s loss)', ko: '실제 데이터(모델의 손실)' },
  'surface.name.iris-logistic': { en: 'Iris: logistic regression', ko: '붓꽃: 로지스틱 회귀' },
  'surface.name.iris-linear': { en: 'Iris: petal width from length', ko: '붓꽃: 꽃잎 길이로 너비 예측' },
  'surface.name.anscombe-linear': { en: 'Anscombe I: line fit', ko: '앤스컴 I: 직선 맞춤' },
} satisfies Messages;

const surfaceAbouts = {
  'surface.about.saddle': {
    en: 'The gradient vanishes at a saddle point, so plain gradient descent started near the ridge slows to a crawl there; momentum carries through it and escapes, while AdaGrad, RMSProp and Adam, which scale up the tiny sideways gradient, turn off the ridge long before reaching it.',
    ko: '안장점에서는 기울기가 0이 됩니다. 그래서 능선 가까이에서 출발한 경사 하강법은 그 근처에서 거의 멈출 듯 느려지고, 모멘텀은 관성으로 안장점을 지나 빠져나가며, 아주 작은 옆 방향 기울기를 키워 쓰는 AdaGrad, RMSProp, Adam은 그보다 훨씬 먼저 능선을 벗어납니다.',
  },
  'surface.about.ravine': {
    en: 'Ill-conditioning (curvatures 0.2 and 4, condition number 20): gradient descent zig-zags across the ravine and crawls along it, which momentum and per-coordinate step sizes repair.',
    ko: '나쁜 조건(곡률 0.2와 4, 조건수 20): 경사 하강법은 협곡을 가로질러 지그재그로 움직이고 협곡을 따라서는 기어가듯 나아갑니다. 모멘텀과 좌표별 스텝 크기가 이를 바로잡습니다.',
  },
  'surface.about.rosenbrock': {
    en: 'A curved, flat-bottomed valley: reaching the valley floor is easy, following its bend to the minimum at (1, 1) is slow for every first-order method.',
    ko: '바닥이 평평하고 휘어진 골짜기: 골짜기 바닥에 닿기는 쉽지만, 굽은 바닥을 따라 (1, 1)의 최솟값까지 가는 길은 모든 1차 방법에게 느립니다.',
  },
  'surface.about.local-minima': {
    en: 'Four basins of different depths: where an optimizer ends depends on where it starts and on how much momentum carries it over the ridges between them.',
    ko: '깊이가 서로 다른 네 개의 분지: 옵티마이저가 어디에 멈추는지는 출발점과, 분지 사이의 능선을 넘게 해 주는 모멘텀의 크기에 달려 있습니다.',
  },
  'surface.about.bowl': {
    en: 'The easy case: on a round bowl the gradient points straight at the minimum, so gradient descent, momentum and Newton walk straight lines, while AdaGrad, RMSProp and Adam bend the path because they rescale each axis on its own.',
    ko: '쉬운 경우: 둥근 그릇에서는 기울기가 곧장 최솟값을 가리키므로 경사 하강법, 모멘텀, 뉴턴 방법은 직선으로 나아가지만, AdaGrad, RMSProp, Adam은 축마다 따로 스케일을 조정하기 때문에 경로가 휩니다.',
  },
  'surface.about.rotated-ravine': {
    en: 'The ravine turned by 45°: its ill-conditioning no longer lines up with the axes, so the per-coordinate step sizes of AdaGrad, RMSProp and Adam lose most of their advantage.',
    ko: '45° 회전한 협곡: 나쁜 조건의 방향이 더 이상 좌표축과 나란하지 않아서, AdaGrad, RMSProp, Adam의 좌표별 스텝 크기가 장점을 대부분 잃습니다.',
  },
  'surface.about.booth': {
    en: 'A tilted elliptic bowl (curvatures 2 and 18): a quadratic that Newton’s method solves in one step while gradient descent needs many.',
    ko: '기울어진 타원형 그릇(곡률 2와 18): 뉴턴 방법은 한 스텝에 푸는 이차 함수이지만, 경사 하강법은 많은 스텝이 필요합니다.',
  },
  'surface.about.matyas': {
    en: 'A long diagonal valley with a nearly flat floor (curvatures 0.04 and 1): the loss drops fast and then barely moves while the point is still far from the minimum.',
    ko: '바닥이 거의 평평한 긴 대각선 골짜기(곡률 0.04와 1): 손실은 빠르게 떨어지다가, 점이 아직 최솟값에서 멀리 있는데도 거의 줄지 않습니다.',
  },
  'surface.about.beale': {
    en: 'Flat valleys between steep walls that rise like y⁶: step sizes that are safe on the walls are far too small on the valley floor.',
    ko: 'y⁶처럼 치솟는 가파른 벽 사이의 평평한 골짜기: 벽에서 안전한 스텝 크기는 골짜기 바닥에서는 너무 작습니다.',
  },
  'surface.about.himmelblau': {
    en: 'Four equally deep minima around a central hump: which one an optimizer finds depends on the start and on the path its momentum or step sizes give it.',
    ko: '가운데 언덕을 둘러싼 깊이가 같은 네 개의 최솟값: 옵티마이저가 어느 것에 도달할지는 출발점과, 모멘텀이나 스텝 크기가 만드는 경로에 달려 있습니다.',
  },
  'surface.about.three-hump-camel': {
    en: 'A deep central minimum flanked by two shallow side pockets: an optimizer that starts on a flank settles in the nearer pocket unless momentum carries it over the hump.',
    ko: '깊은 가운데 최솟값 양옆에 얕은 웅덩이가 하나씩 있습니다. 옆 비탈에서 출발한 옵티마이저는 모멘텀이 언덕 너머로 데려가지 않는 한 가까운 웅덩이에 머뭅니다.',
  },
  'surface.about.six-hump-camel': {
    en: 'Two global and four local minima of different depths: a small landscape on which the start decides the outcome as much as the optimizer does.',
    ko: '전역 최솟값 두 개와 깊이가 제각각인 국소 최솟값 네 개: 옵티마이저만큼이나 출발점이 결과를 좌우하는 작은 지형입니다.',
  },
  'surface.about.styblinski-tang': {
    en: 'Four basins whose depths differ by a tilt: descent from the top-right corner settles in the shallowest one, a little way from a much deeper minimum.',
    ko: '기울어져 있어 깊이가 서로 다른 네 개의 분지: 오른쪽 위 모서리에서 내려가면 가장 얕은 분지에 자리 잡는데, 조금만 떨어진 곳에 훨씬 깊은 최솟값이 있습니다.',
  },
  'surface.about.rastrigin': {
    en: 'A bowl covered in an egg-crate of local minima: gradient methods stop in the nearest dimple, and only large or noisy steps look past it.',
    ko: '달걀판처럼 국소 최솟값이 촘촘히 덮인 그릇: 경사 기반 방법은 가장 가까운 움푹한 곳에서 멈추고, 크거나 잡음이 섞인 스텝만이 그 너머를 봅니다.',
  },
  'surface.about.ackley': {
    en: 'A single deep funnel hidden under a field of ripples: the overall slope points to the centre, but the local gradient points to the nearest ripple.',
    ko: '잔물결 아래 숨은 깊은 깔때기 하나: 전체적인 경사는 중심을 향하지만, 국소적인 기울기는 가장 가까운 물결을 향합니다.',
  },
  'surface.about.goldstein-price': {
    en: 'Values spanning six orders of magnitude: one learning rate cannot suit both the cliffs and the floor, which is where scale-free adaptive methods shine.',
    ko: '값의 크기가 10⁶배에 걸쳐 변합니다. 학습률 하나로는 절벽과 바닥 모두에 맞출 수 없어서, 스케일에 무관한 적응형 방법이 빛을 발합니다.',
  },
  'surface.about.monkey-saddle': {
    en: 'A degenerate saddle with three valleys: at the centre gradient and Hessian both vanish, so first-order methods stall near it and Newton’s method has nothing to invert.',
    ko: '골짜기가 세 개인 퇴화된 안장점: 중심에서는 기울기와 헤세 행렬이 모두 0이 되어, 1차 방법은 그 근처에서 멈추고 뉴턴 방법은 역행렬을 구할 수 없습니다.',
  },
  'surface.about.plateau': {
    en: 'A plateau where the gradient all but vanishes: SGD and momentum crawl for a long time before the slope picks up, methods that divide by the gradient’s running size (RMSProp, Adam) cross it at a pace set by the learning rate, and Newton, seeing negative curvature, heads the wrong way.',
    ko: '기울기가 거의 사라지는 고원: SGD와 모멘텀은 경사가 가팔라질 때까지 오랫동안 기어가고, 기울기의 이동 평균 크기로 나누는 방법(RMSProp, Adam)은 학습률이 정하는 속도로 가로지르며, 뉴턴 방법은 음의 곡률을 보고 엉뚱한 방향으로 갑니다.',
  },
} satisfies Messages;

export const panel = {
  'language.en': { en: 'English', ko: 'English' },
  'language.ko': { en: '한국어', ko: '한국어' },

  'surface.heading': { en: 'Surface', ko: '곡면' },
  'surface.label': { en: 'Loss surface', ko: '손실 곡면' },
  'surface.formula': { en: 'Formula', ko: '수식' },
  'start.heading': { en: 'Start point', ko: '시작점' },
  'start.x': { en: 'Start x', ko: '시작점 x' },
  'start.y': { en: 'Start y', ko: '시작점 y' },
  'start.reset': { en: 'Reset the start point', ko: '시작점 되돌리기' },
  'steps.label': { en: 'Steps', ko: '스텝 수' },
  'steps.error': { en: 'Enter a whole number from 1 to {max}.', ko: '1부터 {max}까지의 정수를 입력하세요.' },
  'start.outside': {
    en: '{name} must lie in the plotted range, {lo} to {hi}.',
    ko: '{name}는 그려진 범위 {lo} ~ {hi} 안에 있어야 합니다.',
  },
  'start.undefined': {
    en: 'f is not defined at ({x}, {y}): choose a start where it is.',
    ko: '({x}, {y})에서 f가 정의되지 않습니다. 정의된 곳을 시작점으로 고르세요.',
  },
  'field.notNumber': { en: 'Enter a number, e.g. 0.01 or 3e-4.', ko: '숫자를 입력하세요. 예: 0.01, 3e-4' },
  'limit.positive': { en: 'Must be greater than 0.', ko: '0보다 커야 합니다.' },
  'limit.nonNegative': { en: 'Must be 0 or more.', ko: '0 이상이어야 합니다.' },
  'limit.unit': { en: 'Must be at least 0 and less than 1.', ko: '0 이상 1 미만이어야 합니다.' },
  'limit.openUnit': { en: 'Must be greater than 0 and less than 1.', ko: '0보다 크고 1보다 작아야 합니다.' },
  'limit.count': { en: 'Must be a whole number from 1 to 100000.', ko: '1부터 100000까지의 정수여야 합니다.' },
  'limit.choice': { en: 'Must be one of the listed choices.', ko: '목록에 있는 값 중 하나여야 합니다.' },
  'limit.halfOpenUnit': { en: 'Must be greater than 0 and at most 1.', ko: '0보다 크고 1 이하여야 합니다.' },
  'limit.switch': { en: 'Must be 0 (off) or 1 (on).', ko: '0(끔) 또는 1(켬)이어야 합니다.' },
  'limit.aboveOne': { en: 'Must be greater than 1.', ko: '1보다 커야 합니다.' },
  'limit.other': { en: 'This value is not allowed.', ko: '허용되지 않는 값입니다.' },
  'param.outside': { en: 'Beyond the slider’s range: typed values may go further.', ko: '슬라이더 범위 밖의 값입니다. 직접 입력하면 더 넓은 범위도 쓸 수 있습니다.' },

  'runs.heading': { en: 'Runs', ko: '실행' },
  'runs.empty': { en: 'No runs. Add an optimizer below.', ko: '실행이 없습니다. 아래에서 옵티마이저를 추가하세요.' },
  'run.optimizer': { en: 'Optimizer', ko: '옵티마이저' },
  'run.hide': { en: 'Hide {name}', ko: '{name} 숨기기' },
  'run.show': { en: 'Show {name}', ko: '{name} 표시' },
  'run.remove': { en: 'Remove {name}', ko: '{name} 삭제' },
  'run.options': { en: 'More options (PyTorch)', ko: '추가 옵션 (PyTorch)' },
  'run.note.lbfgs': {
    en: 'Each point is one step(closure) call. Descent runs k = 1 iteration per call so that each point is one iteration; PyTorch’s default is max_iter = 20.',
    ko: '점 하나가 옵티마이저 스텝 호출 한 번입니다. 여기서는 점 하나가 반복 한 번이 되도록 호출마다 k = 1번 반복하며, PyTorch의 기본값은 20번입니다.',
  },
  'run.note.lbfgsEvaluations': {
    en: 'Over its {k} calls the run evaluated f and ∇f {n} times (PyTorch’s func_evals).',
    ko: '호출 {k}번 동안 f와 ∇f를 {n}번 계산했습니다 (PyTorch가 세는 횟수와 같습니다).',
  },
  'maps.heading': { en: 'Maps of many runs', ko: '여러 실행의 지도' },
  'run.hidden': { en: 'hidden', ko: '숨김' },
  'add.label': { en: 'Optimizer to add', ko: '추가할 옵티마이저' },
  'add.button': { en: 'Add run', ko: '실행 추가' },

  ...optimizerNames,
  ...paramNames,
  ...surfaceNames,
  ...surfaceAbouts,
} satisfies Messages;
