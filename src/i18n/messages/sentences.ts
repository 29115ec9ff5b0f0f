import type { Messages } from '../types';

// The step-by-step sentences (say.*), put together clause by clause by
// src/ui/teaching/stepSentence.ts: in English the clauses are joined with "; " and start in lower
// case, in Korean each clause is a whole sentence. `{b|로}` asks for 로 or 으로, whichever the
// number in {b} takes when read aloud. Apart from the other messages because only the update-rule
// panel reads them, and it loads after the first frame: they stay out of the first download.

export const sentences = {
  'say.head': { en: 'Step {t}:', ko: '{t} 스텝:' },
  'say.start': {
    en: 'Step 0: before the first step. The particle starts at {x}, where the loss is {loss}; → takes the first step.',
    ko: '0 스텝: 첫 스텝 전입니다. 입자는 {x}에서 출발하고, 그곳의 손실은 {loss}입니다. → 키를 누르면 첫 스텝을 진행합니다.',
  },
  'say.gradient': { en: 'the gradient is {g}', ko: '기울기는 {g}입니다.' },
  'say.noisyGradient': { en: 'the gradient, noise included, is {g}', ko: '노이즈가 섞인 기울기는 {g}입니다.' },
  'say.eta': { en: 'the schedule set η to {eta} for this step', ko: '스케줄에 따라 이번 스텝의 η는 {eta}입니다.' },
  'say.sgd': { en: 'SGD steps straight against it, −η·g with η = {eta}', ko: 'SGD는 η = {eta}인 −η·g, 즉 기울기의 정반대 방향으로 움직입니다.' },
  'say.momentum': {
    en: 'momentum kept {keep}% of the velocity and added the gradient, so v = {v}',
    ko: '모멘텀이 이전 속도의 {keep}%를 유지하고 기울기를 더해, 속도는 v = {v}입니다.',
  },
  'say.nesterov': {
    en: 'Nesterov steps along g + ρ·v, the gradient plus a look ahead along the new velocity',
    ko: 'Nesterov는 기울기에 새 속도 방향으로 내다본 ρ·v를 더한 g + ρ·v 방향으로 움직입니다.',
  },
  'say.adagrad': { en: 'AdaGrad added g² to its running sum, s = {s}', ko: 'AdaGrad는 g²을 누적 합에 더해, s = {s}입니다.' },
  'say.rmsprop': {
    en: 'RMSProp kept {keep}% of its running average of g² and mixed in {mix}% of the new g², so s = {s}',
    ko: 'RMSProp은 g²의 이동 평균을 {keep}% 유지하고 새 g²을 {mix}% 섞어, s = {s}입니다.',
  },
  'say.adadelta': {
    en: 'AdaDelta scaled the gradient by √(u + ε)/√(s + ε), its past step sizes over its past gradients, so Δ = {delta}',
    ko: 'AdaDelta는 기울기에 √(u + ε)/√(s + ε), 즉 지난 스텝 크기와 지난 기울기 크기의 비를 곱해, Δ = {delta}입니다.',
  },
  'say.moments': {
    en: 'the first moment is m = {m} and the second moment v = {v}',
    ko: '1차 모멘트는 m = {m}, 2차 모멘트는 v = {v}입니다.',
  },
  'say.amsgrad': {
    en: 'AMSGrad divides by the largest v so far, w = max(w, v) = {w}',
    ko: 'AMSGrad는 지금까지 가장 큰 v를 기억해 분모에 씁니다: w = max(w, v) = {w}.',
  },
  'say.adamax': {
    en: 'the first moment is m = {m} and the infinity norm u = max(β₂·u, |g| + ε) = {u}',
    ko: '1차 모멘트는 m = {m}, 무한 노름은 u = max(β₂·u, |g| + ε) = {u}입니다.',
  },
  'say.adamw': {
    en: 'first, decoupled weight decay shrank x by the factor 1 − ηλ = {shrink}',
    ko: '먼저 분리된 가중치 감쇠가 x를 줄였습니다: x ← x·(1 − ηλ), 1 − ηλ = {shrink}.',
  },
  'say.bias': {
    en: 'bias correction divides m by 1 − β₁ᵗ = {bc1} and v by 1 − β₂ᵗ = {bc2}',
    ko: '편향 보정은 m을 1 − β₁ᵗ = {bc1}{bc1|로} 나누고, v를 1 − β₂ᵗ = {bc2}{bc2|로} 나눕니다.',
  },
  'say.bias1': { en: 'bias correction divides m by 1 − β₁ᵗ = {bc1}', ko: '편향 보정은 m을 1 − β₁ᵗ = {bc1}{bc1|로} 나눕니다.' },
  'say.noBias': {
    en: 'without bias correction m and v still lean toward their start at 0, which makes this step about {k}× the bias-corrected one',
    ko: '편향 보정이 없어 m과 v가 아직 시작값 0 쪽으로 치우쳐 있으므로, 이 스텝은 편향 보정을 했을 때의 약 {k}배입니다.',
  },
  'say.noBiasM': {
    en: 'without bias correction m still leans toward its start at 0, which makes this step about {k}× the bias-corrected one',
    ko: '편향 보정이 없어 m이 아직 시작값 0 쪽으로 치우쳐 있으므로, 이 스텝은 편향 보정을 했을 때의 약 {k}배입니다.',
  },
  'say.noBiasLate': {
    en: 'bias correction is off, but by now it would change little',
    ko: '편향 보정은 꺼져 있지만, 이제는 보정해도 거의 달라지지 않습니다.',
  },
  'say.radam': {
    en: 'ρₜ = {rho} > 5, so RAdam trusts v and scales its Adam step by the rectification r = {rect}',
    ko: 'ρₜ = {rho} > 5이므로 RAdam은 v를 믿고, Adam 스텝에 보정 계수 r = {rect}를 곱합니다.',
  },
  'say.radamPlain': {
    en: 'ρₜ = {rho} ≤ 5: too few steps to trust v, so RAdam takes a plain momentum step η·m/(1 − β₁ᵗ) without rectification',
    ko: 'ρₜ = {rho} ≤ 5: v를 믿기에는 스텝이 아직 적어, RAdam은 보정 없이 단순한 모멘텀 스텝 η·m/(1 − β₁ᵗ)을 밟습니다.',
  },
  'say.rprop': {
    en: 'Rprop reads only the sign of each coordinate of g: where it kept its sign the step size grew by η₊, where it flipped the step size shrank by η₋ and that coordinate stood still; the step sizes are now h = {h}',
    ko: 'Rprop은 g의 각 좌표의 부호만 봅니다. 부호가 유지된 좌표는 스텝 크기가 η₊배로 커지고, 부호가 바뀐 좌표는 η₋배로 줄며 이번 스텝에는 움직이지 않습니다. 스텝 크기는 이제 h = {h}입니다.',
  },
  'say.asgd': {
    en: 'ASGD took a gradient step with its decaying step size ηₜ = {eta}',
    ko: 'ASGD는 점점 줄어드는 스텝 크기 ηₜ = {eta}로 경사 하강 스텝을 밟았습니다.',
  },
  'say.asgdNoAverage': {
    en: 'averaging starts after step t₀ = {t0}, so the average x̄ is still the point itself, {avg}',
    ko: '평균은 t₀ = {t0} 스텝 뒤에 시작하므로, 평균 x̄는 아직 현재 점 {avg}와 같습니다.',
  },
  'say.asgdAverage': {
    en: 'the average of the iterates moved a share μₜ = {mu} of the way to the new point: x̄ = {avg}',
    ko: '반복점의 평균은 새 점 쪽으로 μₜ = {mu}만큼 다가갔습니다: x̄ = {avg}.',
  },
  'say.l2': {
    en: 'weight decay added λ·x to it, so the rule uses g + λ·x = {g}',
    ko: '가중치 감쇠가 λ·x를 더해, 규칙은 g + λ·x = {g}를 씁니다.',
  },
  'say.adagradStart': {
    en: 'the sum started at s₀ = {s0} rather than 0, which keeps the first steps small',
    ko: '누적 합은 0이 아니라 s₀ = {s0}에서 시작해, 첫 스텝들이 작아집니다.',
  },
  'say.adagradDecay': {
    en: 'the learning-rate decay δ made this step’s η {eta}',
    ko: '학습률 감쇠 δ 때문에 이번 스텝의 η는 {eta}입니다.',
  },
  'say.rmspropCentered': {
    en: 'centered, it also averages g itself, ḡ = {gAvg}, and divides by √(s − ḡ²), the gradient’s running spread, not its size',
    ko: '중심화 모드라 g 자체의 평균 ḡ = {gAvg}도 구하고, 기울기의 크기가 아니라 흩어짐인 √(s − ḡ²)로 나눕니다.',
  },
  'say.rmspropMomentum': {
    en: 'with momentum it kept {keep}% of its buffer and added the scaled gradient, so v = {v}',
    ko: '모멘텀을 써서 버퍼의 {keep}%를 유지하고 나눈 기울기를 더해, v = {v}입니다.',
  },
  'say.lbfgs': {
    en: 'L-BFGS turned the gradient into the direction d = {d} with {m} remembered curvature pairs (γ = {gamma}) and stepped t = {t} along it',
    ko: 'L-BFGS는 기억한 곡률 쌍 {m}개(γ = {gamma})로 기울기를 방향 d = {d}로 바꾸고, 그 방향으로 t = {t}만큼 움직였습니다.',
  },
  'say.lbfgsIterations': {
    en: 'this step ran {k} iterations',
    ko: '이 스텝에서 {k}번 반복했습니다.',
  },
  'say.lbfgsStill': {
    en: 'L-BFGS did not move: the gradient is within its tolerance, or d is no longer a descent direction',
    ko: 'L-BFGS는 움직이지 않았습니다. 기울기가 허용 오차 안에 있거나, d가 더 이상 내려가는 방향이 아닙니다.',
  },
  'say.lbfgsEvals': {
    en: 'it evaluated f and ∇f {n} times',
    ko: 'f와 ∇f를 {n}번 계산했습니다.',
  },
  'say.lion': {
    en: 'Lion blended its memory with the gradient, c = {c}, and moved every coordinate by η against the sign of c; its memory is now m = {m}',
    ko: 'Lion은 기억과 기울기를 섞어 c = {c}를 만들고, 모든 좌표를 c의 부호와 반대로 η만큼 옮겼습니다. 기억은 이제 m = {m}입니다.',
  },
  'say.signum': {
    en: 'Signum averaged the gradient into m = {m} and moved every coordinate by η = {eta} against the sign of m',
    ko: 'Signum은 기울기를 평균 내어 m = {m}을 만들고, 모든 좌표를 m의 부호와 반대로 η = {eta}만큼 옮겼습니다.',
  },
  'say.signSgd': {
    en: 'with ρ = 0 this is signSGD: every coordinate moved by η = {eta} against the sign of the gradient, whatever its size',
    ko: 'ρ = 0이면 부호 SGD입니다. 기울기의 크기와 상관없이 모든 좌표를 기울기의 부호와 반대로 η = {eta}만큼 옮겼습니다.',
  },
  'say.shampoo': {
    en: 'Shampoo added g·gᵀ to its matrix L = [[{a}, {b}], [{b}, {c}]] and stepped along L^(−1/2)·g = {d}, which undoes the surface’s rotation as well as its scales',
    ko: 'Shampoo는 행렬 L에 g·gᵀ를 더해 L = [[{a}, {b}], [{b}, {c}]]가 되었고, L^(−1/2)·g = {d} 방향으로 움직였습니다. 이 방향은 곡면의 크기 차이뿐 아니라 회전도 되돌립니다.',
  },
  'say.scheduleFree': {
    en: 'the gradient was taken at y = {y}, between z and x; z took an AdamW step to {z}, and the average x moved a share c = {c} of the way to z',
    ko: '기울기는 z와 x 사이의 점 y = {y}에서 구했습니다. z는 AdamW 스텝으로 {z}에 갔고, 평균 x는 z 쪽으로 c = {c}만큼 다가갔습니다.',
  },
  'say.sam': {
    en: 'SAM first stepped uphill by r = {r} along the gradient, to {probe}, and took the gradient there, the worst nearby; the inner rule, {inner}, then used that gradient',
    ko: 'SAM은 먼저 기울기 방향으로 r = {r}만큼 오르막을 올라 {probe}에서, 즉 근처에서 가장 나쁜 곳에서 기울기를 구했고, 안쪽 규칙인 {inner}가 그 기울기를 썼습니다.',
  },
  'say.lookaheadFast': {
    en: 'the inner rule, {inner}, took fast step {i} of {k}',
    ko: '안쪽 규칙 {inner}가 빠른 스텝 {k}번 중 {i}번째를 밟았습니다.',
  },
  'say.lookaheadSync': {
    en: 'after {k} fast steps Lookahead pulled back: the slow weights moved α = {alpha} of the way to the fast point {fast}, and the fast weights restart from there, {slow}',
    ko: '빠른 스텝 {k}번이 끝나 Lookahead가 되돌렸습니다. 느린 가중치가 빠른 점 {fast} 쪽으로 α = {alpha}만큼 움직였고, 빠른 가중치는 그곳 {slow}에서 다시 시작합니다.',
  },
  'say.dampening': {
    en: 'dampening lets only {keep}% of the new gradient into the velocity',
    ko: '댐프닝 때문에 새 기울기의 {keep}%만 속도에 들어갑니다.',
  },
  'say.nadam': {
    en: 'NAdam mixes the gradient and m with momentum weights μₜ = {mu} and μₜ₊₁ = {muNext} (a Nesterov look ahead), both divided by D = √(v/(1 − β₂ᵗ)) + ε = {D}',
    ko: 'NAdam은 모멘텀 가중치 μₜ = {mu}, μₜ₊₁ = {muNext}로 기울기와 m을 섞고(Nesterov식 내다보기), 둘 다 D = √(v/(1 − β₂ᵗ)) + ε로 나눕니다(D = {D}).',
  },
  'say.eff': { en: 'the effective learning rates are {eff}', ko: '좌표별 유효 학습률은 {eff}입니다.' },
  'say.effRatio': { en: 'along {a} the step size is {r}× that along {b}', ko: '{a} 방향의 스텝 크기가 {b} 방향의 {r}배입니다.' },
  'say.newton': {
    en: 'the curvature (the Hessian) is H = [[{hxx}, {hxy}], [{hxy}, {hyy}]], and Newton divides the gradient by it: H⁻¹g = {dir}',
    ko: '곡률(헤세 행렬)은 H = [[{hxx}, {hxy}], [{hxy}, {hyy}]]이고, 뉴턴 방법은 기울기를 곡률로 나눕니다: H⁻¹g = {dir}.',
  },
  'say.newtonNegative': {
    en: 'H has a negative eigenvalue ({lmin}), so along that direction the step climbs toward a saddle or a maximum',
    ko: 'H의 고윳값 하나가 음수({lmin})라서, 그 방향으로는 안장점이나 극대점 쪽으로 올라갑니다.',
  },
  'say.move': { en: 'the particle moved by {dx} and the loss {change}', ko: '입자는 {dx}만큼 움직였고, 손실은 {change}.' },
  'say.fell': { en: 'fell from {a} to {b}', ko: '{a}에서 {b}{b|로} 줄었습니다' },
  'say.rose': { en: 'rose from {a} to {b}', ko: '{a}에서 {b}{b|로} 늘었습니다' },
  'say.same': { en: 'stayed at {a}', ko: '{a} 그대로입니다' },
  'say.ended': { en: 'This run stopped at step {n} ({why}); here is its last step.', ko: '이 실행은 {n} 스텝에서 멈췄습니다({why}). 마지막 스텝을 보여 줍니다.' },
  'say.why.diverged': { en: 'it diverged', ko: '발산' },
  'say.why.singular': { en: 'singular Hessian', ko: '헤세 행렬이 특이' },
  'say.why.lineSearchFailed': { en: 'line search failed', ko: '선 탐색 실패' },
} satisfies Messages;
