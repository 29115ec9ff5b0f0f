// The words of real data (issue 14): what each data surface is and where its numbers come from,
// and the batch control. A table of its own, loaded with the data (i18n/dataText.ts).
export const data = {
  'data.about.iris-logistic': {
    en: 'Logistic regression on real flowers: tell Iris versicolor from virginica by the petal’s length and width (standardized), weights w₁ (x) and w₂ (y), cross-entropy loss over the 100 flowers. The two species overlap a little, so the minimum is finite.',
    ko: '실제 꽃에 대한 로지스틱 회귀: 꽃잎의 길이와 너비(표준화)로 버시컬러와 버지니카 붓꽃을 구별합니다. 가중치는 w₁(x)과 w₂(y), 손실은 꽃 100송이에 대한 교차 엔트로피입니다. 두 종이 조금 겹치므로 최솟값이 유한합니다.',
  },
  'data.about.iris-linear': {
    en: 'A straight line through all 150 flowers: petal width = w·(petal length) + b, mean squared error. Slope w (x) and intercept b (y) pull against each other, so the loss is a long, tilted valley.',
    ko: '붓꽃 150송이 모두를 지나는 직선: 꽃잎 너비 = w·(꽃잎 길이) + b, 평균 제곱 오차. 기울기 w(x)와 절편 b(y)가 서로 얽혀 있어 손실은 길고 기울어진 골짜기입니다.',
  },
  'data.about.anscombe-linear': {
    en: 'A line fit through the eleven points of Anscombe’s first data set: y = w·x + b, mean squared error. The x values are not centred, so slope and intercept are badly scaled against each other: plain SGD crawls.',
    ko: '앤스컴 첫 번째 데이터의 점 11개를 지나는 직선: y = w·x + b, 평균 제곱 오차. x가 중심화되어 있지 않아 기울기와 절편의 크기가 맞지 않으므로 일반 SGD는 느리게 기어갑니다.',
  },
  'data.source': { en: 'Data: {source}', ko: '데이터: {source}' },
  'data.batch': { en: 'Batch size', ko: '배치 크기' },
  'data.batch.full': { en: 'full batch ({n}: plain gradient descent)', ko: '전체 배치({n}개: 일반 경사 하강법)' },
  'data.batch.epoch': { en: '{k} batches an epoch, a fresh order each epoch (seed: the noise seed)', ko: '에포크마다 배치 {k}개, 에포크마다 새 순서(시드: 잡음 시드)' },
  'data.batch.error': { en: 'A whole number from 1 to {n}', ko: '1부터 {n}까지의 정수' },
  'data.batch.at': { en: 'step {t}: batch {j} of {k}, epoch {e} (ringed)', ko: '스텝 {t}: 에포크 {e}의 배치 {k}개 중 {j}번째(테두리 친 점)' },
  'data.batch.start': { en: 'step 0: the start, before the first batch', ko: '스텝 0: 첫 배치 전의 시작점' },
  'data.dropLast': { en: 'Drop the last, smaller batch', ko: '마지막의 작은 배치 버리기' },
  'data.axis.iris-linear.x': { en: 'petal length (cm) →', ko: '꽃잎 길이(cm) →' },
  'data.axis.iris-linear.y': { en: '↑ petal width (cm)', ko: '↑ 꽃잎 너비(cm)' },
  'data.axis.anscombe-linear.x': { en: 'x →', ko: 'x →' },
  'data.axis.anscombe-linear.y': { en: '↑ y', ko: '↑ y' },
  'data.axis.iris-logistic.x': { en: 'petal length (standardized) →', ko: '꽃잎 길이(표준화) →' },
  'data.axis.iris-logistic.y': { en: '↑ petal width (standardized)', ko: '↑ 꽃잎 너비(표준화)' },
  'data.plot.iris-linear': {
    en: 'The 150 flowers, petal width against length, and the line of the explained run at the step shown',
    ko: '붓꽃 150송이의 꽃잎 길이와 너비, 그리고 지금 스텝에서 설명 중인 실행의 직선',
  },
  'data.plot.anscombe-linear': {
    en: 'The eleven points and the line of the explained run at the step shown',
    ko: '점 11개와 지금 스텝에서 설명 중인 실행의 직선',
  },
  'data.plot.iris-logistic': {
    en: 'The 100 flowers by standardized petal length and width, versicolor blue and virginica orange, and the boundary of the explained run at the step shown',
    ko: '표준화한 꽃잎 길이와 너비로 본 붓꽃 100송이(버시컬러는 파랑, 버지니카는 주황)와 지금 스텝에서 설명 중인 실행의 경계선',
  },
  'data.plot.heading': { en: 'The data, and the model at this step', ko: '데이터와 이 스텝의 모델' },
  'data.classes': { en: 'blue: versicolor · orange: virginica · line: where p = ½', ko: '파랑: 버시컬러 · 주황: 버지니카 · 선: p = ½인 경계' },
  'data.key.epoch': { en: 'Epoch begins', ko: '에포크 시작' },
  'data.key.epochHint': {
    en: 'A ring on a path: the step where one pass over the data ends and a fresh shuffle begins',
    ko: '경로 위의 고리: 데이터를 한 번 다 돌고 새로 섞은 순서가 시작되는 스텝',
  },
  'data.key.spread': { en: 'Other batches’ gradients (ellipse: 2σ)', ko: '다른 배치의 기울기(타원: 2σ)' },
  'data.key.spreadShort': { en: 'Batch gradients', ko: '배치 기울기' },
  'data.key.spreadHint': {
    en: 'At each particle, with the gradient arrow: a cross for each batch of this epoch, where its −gradient would point from this same point; the ellipse holds two standard deviations of a batch’s gradient, centred on the full gradient',
    ko: '기울기 화살표와 함께 각 입자에서: 이 에포크의 배치마다 같은 점에서 그 배치의 −기울기가 가리킬 곳에 십자를 그립니다. 타원은 전체 기울기를 중심으로 배치 기울기의 2 표준편차 범위입니다',
  },
};
