import type { Messages } from '../types';

// The lessons' captions and their variants' notes, in both languages: the longest words of the
// app, needed only once a lesson is open, so they load then (src/i18n/lessonCaptions.ts) rather
// than with the first frame. Keys as in lessonText.ts; tests/unit/lessons-presets.test.ts holds
// the captions to their length and the Korean to Hangul. A symbol and its value never part at a
// line's end: "η = 0.02" is written with no-break spaces.
export const lessonCaptions = {
  'lesson.ravine-zigzag.caption': {
    en: 'In this long, narrow ravine the gradient points mostly across the valley rather than along it, so SGD bounces from wall to wall: y changes sign at every step. Momentum adds up successive gradients, so the back-and-forth parts cancel while the push along the valley builds up. Nesterov corrects its course one step earlier and overshoots even less.',
    ko: '길고 좁은 협곡에서는 기울기가 골짜기를 따라가는 쪽이 아니라 주로 가로지르는 쪽을 가리키므로, SGD는 양쪽 벽 사이를 튕기듯 오가며 매 스텝 y의 부호가 바뀝니다. 모멘텀은 연속된 기울기를 누적하므로 좌우로 오가는 성분은 서로 상쇄되고, 골짜기를 따라 미는 성분은 쌓입니다. Nesterov는 한 스텝 먼저 방향을 고치므로 훨씬 덜 넘어갑니다.',
  },

  'lesson.saddle-escape.caption': {
    en: 'At a saddle point the gradient is zero, so gradient descent crawls near it. Started 0.001 off the ridge, SGD needs dozens of steps to creep away, Momentum builds up speed and leaves sooner, and Adam leaves almost at once: it divides the tiny gradient by its own size. The other two scenes start exactly on the ridge, where only noise gets anyone out.',
    ko: '안장점에서는 기울기가 0이라서 경사 하강법은 그 근처에서 기어가듯 느려집니다. 능선에서 0.001만 벗어나 출발하면 SGD는 수십 스텝이 지나서야 겨우 빠져나가고, 모멘텀은 속도를 쌓아 더 일찍 벗어나며, Adam은 아주 작은 기울기를 그 크기로 나눠 키우므로 거의 곧바로 빠져나갑니다. 다른 두 장면은 정확히 능선 위에서 출발하는데, 그곳에서는 노이즈만이 빠져나오게 해 줍니다.',
  },
  'lesson.saddle-escape.ridge.note': {
    en: 'Started exactly on the ridge (y = 0), the gradient has no y part at all: every optimizer slides into the saddle and stays there.',
    ko: '정확히 능선 위(y = 0)에서 출발하면 기울기에 y 성분이 전혀 없어서, 모든 옵티마이저가 안장점으로 미끄러져 들어가 그대로 머뭅니다.',
  },
  'lesson.saddle-escape.noise.note': {
    en: 'The same start with mini-batch noise (σ\u00a0=\u00a00.05): a random nudge off the ridge is all it takes, and every run escapes.',
    ko: '같은 출발점에 미니배치 노이즈(σ\u00a0=\u00a00.05)를 더했습니다. 능선에서 살짝 밀려나기만 하면 충분해서 모든 실행이 빠져나갑니다.',
  },

  'lesson.local-minimum.caption': {
    en: 'This surface has four valleys of different depths, and both runs start in the shallowest one. SGD (η\u00a0=\u00a00.02) rolls to the bottom of the nearest valley and stays there: a local minimum. Momentum (ρ\u00a0=\u00a00.95) gathers enough speed to roll over the ridges and settles in the deepest valley, the global minimum.',
    ko: '이 곡면에는 깊이가 서로 다른 골짜기 네 개가 있고, 두 실행 모두 가장 얕은 골짜기에서 출발합니다. SGD(η\u00a0=\u00a00.02)는 가장 가까운 골짜기 바닥으로 굴러가 그곳, 즉 국소 최솟값에 머뭅니다. 모멘텀(ρ\u00a0=\u00a00.95)은 능선을 넘을 만큼 속도가 붙어 가장 깊은 골짜기인 전역 최솟값에 자리 잡습니다.',
  },

  'lesson.nesterov-look-ahead.caption': {
    en: 'Momentum takes the gradient where it stands and adds its velocity. Nesterov first jumps ahead along its velocity to the look-ahead point (the pink ring) and takes the gradient there, so when it is about to overshoot, that gradient already points back. Step with → and compare the white arrow at Nesterov’s particle (the gradient where it stands) with the pink arrow at the ring (the gradient it uses).',
    ko: '모멘텀은 지금 서 있는 곳에서 기울기를 구한 뒤 속도를 더합니다. Nesterov는 먼저 속도 방향으로 앞서 나간 지점(분홍색 고리)에서 기울기를 구하므로, 곧 지나치려는 순간에는 그 기울기가 이미 뒤쪽을 가리킵니다. → 키로 한 스텝씩 넘기며 Nesterov 입자에 붙은 흰 화살표(서 있는 곳의 기울기)와 고리에 붙은 분홍색 화살표(실제로 쓰는 기울기)를 비교해 보세요.',
  },

  'lesson.adagrad-vs-rmsprop.caption': {
    en: 'Both divide each step by the size of the gradients seen so far. AdaGrad adds up every squared gradient it has ever seen, so the sum only grows and its steps shrink until it all but stops, far from the minimum. RMSProp keeps a decaying average instead, which forgets old gradients, so its steps stay large enough to arrive.',
    ko: '두 방법 모두 지금까지 본 기울기의 크기로 각 스텝을 나눕니다. AdaGrad는 지금까지 본 기울기의 제곱을 전부 더하므로 그 합이 커지기만 하고, 스텝이 점점 줄어들어 최솟값에 한참 못 미친 곳에서 거의 멈춥니다. RMSProp은 대신 오래된 기울기를 점점 잊는 지수 이동 평균을 쓰므로, 끝까지 도착할 만큼 스텝이 유지됩니다.',
  },

  'lesson.adam-bias-correction.caption': {
    en: 'Adam’s running averages m and v start at zero, so in the first steps both are far too small, and v (decay 0.999) far more so than m (decay 0.9). Without bias correction (purple) the first step is about 3 times too large (0.1/√0.001 ≈ 3.16 × η), a jump that can throw a real network off course. Bias correction (orange) divides m and v by 1 − βᵗ, and the first step is exactly η in each coordinate.',
    ko: 'Adam의 이동 평균 m과 v는 0에서 시작하므로 처음 몇 스텝 동안은 둘 다 실제보다 훨씬 작고, 특히 v(감쇠 0.999)가 m(감쇠 0.9)보다 훨씬 더 작습니다. 편향 보정이 없으면(보라색) 첫 스텝이 약 3배(0.1/√0.001 ≈ 3.16 × η)나 커져서, 실제 신경망이라면 학습이 엉뚱한 곳으로 튈 수 있습니다. 편향 보정(주황색)은 m과 v를 1 − βᵗ로 나누어 첫 스텝을 좌표마다 정확히 η로 맞춥니다.',
  },

  'lesson.minibatch-noise.caption': {
    en: 'A mini-batch gradient is the true gradient plus noise. With noise (σ\u00a0=\u00a01), SGD with a constant η (red) gets near the minimum quickly but then keeps jittering around it, while the same SGD with η halved every 50 steps (green) settles down. Switch to σ\u00a0=\u00a00, or move σ, to compare with the clean paths.',
    ko: '미니배치 기울기는 실제 기울기에 노이즈가 더해진 것입니다. 노이즈(σ\u00a0=\u00a01)가 있으면 η가 일정한 SGD(빨간색)는 최솟값 근처까지는 빨리 가지만 그 주변에서 계속 흔들리고, 50스텝마다 η를 절반으로 줄이는 SGD(초록색)는 차분히 자리를 잡습니다. σ\u00a0=\u00a00으로 바꾸거나 σ를 움직여 노이즈 없는 경로와 비교해 보세요.',
  },
  'lesson.minibatch-noise.clean.note': {
    en: 'Without noise both runs glide to the minimum and the loss falls at every step; shrinking η only makes the green one a little slower.',
    ko: '노이즈가 없으면 두 실행 모두 최솟값까지 미끄러지듯 내려가고 손실은 매 스텝 줄어듭니다. η를 줄이면 초록색이 조금 느려질 뿐입니다.',
  },

  'lesson.newton.caption': {
    en: 'Newton’s method divides the gradient by the curvature (the Hessian), so on a quadratic like this ravine it lands exactly on the minimum in a single step, however badly conditioned, while SGD zig-zags for many. But it heads for any point where the gradient is zero: on the saddle below it jumps straight onto the saddle point and stays there.',
    ko: '뉴턴 방법(Newton)은 기울기를 곡률(헤세 행렬)로 나누므로, 이 협곡 같은 이차 함수에서는 조건수가 아무리 나빠도 단 한 스텝 만에 정확히 최솟값에 도착합니다. 그동안 SGD는 여러 스텝에 걸쳐 지그재그로 갑니다. 하지만 뉴턴 방법은 기울기가 0인 곳이면 어디로든 향하므로, 아래의 안장점 장면에서는 안장점으로 곧장 뛰어들어 그대로 머뭅니다.',
  },
  'lesson.newton.saddle.note': {
    en: 'On x² − y², one Newton step goes to (0, 0), the saddle point, and stays; SGD slides off downhill.',
    ko: 'x² − y²에서 뉴턴 방법은 한 스텝 만에 안장점 (0, 0)으로 가서 머물고, SGD는 내리막을 따라 미끄러져 내려갑니다.',
  },

  'lesson.learning-rate-too-large.caption': {
    en: 'Across the ravine the curvature is 4, so SGD is stable only for η below 2/4 = 0.5. At η\u00a0=\u00a00.3 (green) it converges; at exactly η\u00a0=\u00a00.5 (yellow) it bounces between the walls forever; at η\u00a0=\u00a00.55 (red) every bounce is 1.2 times higher than the last, until the loss blows up and the run is stopped and marked as diverged.',
    ko: '협곡을 가로지르는 방향의 곡률은 4이므로 SGD는 η가 2/4 = 0.5보다 작을 때만 안정합니다. η\u00a0=\u00a00.3(초록색)이면 수렴하고, 정확히 η\u00a0=\u00a00.5(노란색)이면 양쪽 벽 사이를 끝없이 오가며, η\u00a0=\u00a00.55(빨간색)이면 튕길 때마다 1.2배씩 높아지다가 손실이 폭발해 실행이 멈추고 발산으로 표시됩니다.',
  },

  'lesson.l2-regularization.caption': {
    en: 'L2 regularization adds λ·(x² + y²) to the loss, a pull toward the origin that keeps the weights small. The minimum of the sum lies between the original minimum (1, 1) and the origin, and that is where the optimizers end. Move λ: toward 0 they head back to (1, 1); the larger λ, the nearer the origin they settle.',
    ko: 'L2 규제는 손실에 λ·(x² + y²)를 더해 가중치를 원점 쪽으로 당기고 작게 유지합니다. 이 합의 최솟값은 원래 최솟값 (1, 1)과 원점 사이에 있으므로, 옵티마이저도 그곳에서 멈춥니다. λ를 움직여 보세요. 0에 가까워지면 다시 (1, 1) 쪽으로 가고, λ가 클수록 원점에 더 가까이 자리 잡습니다.',
  },

  'lesson.rotated-ravine.caption': {
    en: 'This is lesson 1’s ravine turned by 45°. AdaGrad, RMSProp and Adam give each coordinate its own step size, but here the steep and the shallow directions are diagonals, not x and y: scaling x and y cannot straighten the path, so all three keep crossing the ravine’s floor. Shampoo keeps the full 2 × 2 matrix L = Σ g·gᵀ and steps along L^(−1/2)·g, which turns with the ravine: it heads down the floor almost in a straight line and arrives first.',
    ko: '1번 수업의 협곡을 45° 돌린 곡면입니다. AdaGrad, RMSProp, Adam은 좌표마다 스텝 크기를 따로 정하지만, 여기서는 가파른 방향과 완만한 방향이 x, y축이 아니라 대각선입니다. x와 y의 크기만 바꿔서는 경로를 곧게 펼 수 없으므로 세 방법 모두 협곡 바닥을 계속 가로지릅니다. Shampoo는 2 × 2 행렬 L = Σ g·gᵀ 전체를 기억하고 L^(−1/2)·g 방향으로 움직이는데, 이 방향은 협곡과 함께 돕니다. 그래서 바닥을 따라 거의 곧게 내려가 가장 먼저 도착합니다.',
  },

  'lesson.batch-size-noise.caption': {
    en: 'A mini-batch step follows the gradient of a few of the 100 iris flowers, not all of them: it scatters from batch to batch, the more so the fewer flowers. With batches of 10, SGD (η\u00a0=\u00a010) wobbles 0.3 from the full-batch path on average; with one flower a batch, 2.6. Drag the batch size and watch the path calm down as it grows.',
    ko: '미니배치 스텝은 붓꽃 100송이 전체가 아니라 몇 송이의 기울기만 따르므로, 배치마다 흩어지고 꽃이 적을수록 더 크게 흩어집니다. 배치 크기가 10이면 SGD(η\u00a0=\u00a010)는 전체 배치의 경로에서 평균 0.3, 배치 크기가 1이면 평균 2.6 벗어납니다. 배치 크기를 움직여 배치가 커질수록 경로가 차분해지는 것을 확인해 보세요.',
  },
  'lesson.batch-size-noise.full.note': {
    en: 'All 100 flowers in every batch: plain gradient descent, its loss falling at every step.',
    ko: '매 배치에 꽃 100송이가 모두 들어가는 일반 경사 하강법으로, 손실이 매 스텝 줄어듭니다.',
  },
  'lesson.batch-size-noise.one.note': {
    en: 'One flower a batch, 100 steps an epoch: 8 times as far off the full-batch path as batches of 10.',
    ko: '배치마다 꽃 한 송이, 에포크마다 100스텝입니다. 전체 배치의 경로에서 배치 크기 10일 때보다 8배 멀리 벗어납니다.',
  },

  'lesson.noise-ball.caption': {
    en: 'With batches of 5 flowers, SGD at a constant η\u00a0=\u00a020 (red) never settles: it keeps circling 1.2 to 1.4 from the minimum on average, a “noise ball”. There the gradient of all 100 flowers is zero but a batch’s is not, so every step still kicks the particle, by η times that gradient. Halving η every 100 steps (green) shrinks the kicks and the ball: 0.72, 0.44, then 0.23 away.',
    ko: '배치마다 꽃 5송이를 쓰면 η\u00a0=\u00a020으로 일정한 SGD(빨간색)는 자리 잡지 못하고 최솟값에서 평균 1.2~1.4 떨어진 곳을 계속 맴도는데, 이것이 ‘노이즈 볼’입니다. 최솟값에서 꽃 100송이 전체의 기울기는 0이지만 배치의 기울기는 0이 아니어서, 매 스텝 입자가 η\u00a0×\u00a0(배치의 기울기)만큼 튕겨 나가기 때문입니다. 100스텝마다 η를 절반으로 줄이면(초록색) 튕기는 폭과 함께 볼도 줄어, 평균 거리가 0.72, 0.44, 0.23으로 작아집니다.',
  },
  'lesson.noise-ball.full.note': {
    en: 'All 100 flowers in every batch: no kicks, and both runs settle within 0.0001 of the minimum.',
    ko: '매 배치에 꽃 100송이를 모두 쓰면 튕겨 나갈 일이 없어서, 두 실행 모두 최솟값에서 0.0001 안쪽에 자리 잡습니다.',
  },

  'lesson.linear-scaling.caption': {
    en: 'The linear scaling rule: double the batch, double η. After the same 5 epochs, batch 10 at η\u00a0=\u00a010 (purple, 50 steps) ends 0.31 from the minimum, at loss 0.1062, and batch 20 at η\u00a0=\u00a020 (green, 25 steps) ends 0.04 from that point. Batch 20 at the old η\u00a0=\u00a010 (red) falls behind: 1.7 from the minimum, at loss 0.1129.',
    ko: '선형 스케일링 규칙은 배치를 두 배로 키우면 η도 두 배로 키우라는 것입니다. 같은 5에포크 뒤에 배치 10, η\u00a0=\u00a010(보라색, 50스텝)은 최솟값에서 0.31 떨어진 곳에서 손실 0.1062로 끝나고, 배치 20, η\u00a0=\u00a020(초록색, 25스텝)은 그 지점에서 0.04 떨어진 곳에서 끝납니다. η\u00a0=\u00a010을 그대로 둔 배치 20(빨간색)은 뒤처져서 최솟값에서 1.7 떨어진 곳, 손실 0.1129에서 끝납니다.',
  },
  'lesson.linear-scaling.double.note': {
    en: 'Batches of 20: 5 an epoch, so 25 steps make the same 5 epochs.',
    ko: '배치 크기 20이면 에포크마다 배치가 5개라서, 25스텝이 같은 5에포크입니다.',
  },

} satisfies Messages;
