import type { Messages } from '../types';

// The Embed dialog's words (the Share bar's Embed button keeps its own in share.ts): they load with
// the dialog, through embedText.ts, not with the first page.
export const embedDialog = {
  'share.embed.dialog': { en: 'Embed Descent', ko: 'Descent 퍼가기' },
  'share.embed.titleField': { en: 'Title', ko: '제목' },
  'share.embed.titleHint': { en: 'Read out by screen readers for the embedded frame.', ko: '화면 낭독기가 이 화면의 이름으로 읽어 줍니다.' },
  'share.embed.defaultTitle': { en: 'Optimizers on the {surface} surface', ko: '{surface} 곡면 위의 옵티마이저' },
  'share.embed.width': { en: 'Width', ko: '너비' },
  'share.embed.height': { en: 'Height', ko: '높이' },
  'share.embed.sizeHint': { en: 'Pixels, or a percentage such as 100%.', ko: '픽셀 수 또는 100% 같은 백분율입니다.' },
  'share.embed.badSize': { en: 'Enter a number of pixels (e.g. 520) or a percentage (e.g. 100%).', ko: '픽셀 수(예: 520)나 백분율(예: 100%)을 입력하세요.' },
  'share.embed.controls': { en: 'Sliders readers can move', ko: '독자가 움직일 수 있는 슬라이더' },
  'share.embed.controlsHint': {
    en: 'Shown for each visible run whose optimizer has them; everything else stays as it is now.',
    ko: '이 값을 쓰는 옵티마이저의 보이는 실행마다 나타납니다. 나머지는 지금 모습 그대로입니다.',
  },
  'share.embed.preview': { en: 'Preview', ko: '미리 보기' },
  'share.embed.previewTitle': { en: 'Preview of the embedded scene', ko: '퍼간 장면 미리 보기' },
  'share.embed.snippet': { en: 'Code to paste into your page', ko: '페이지에 붙여 넣을 코드' },
  'share.embed.copy': { en: 'Copy snippet', ko: '코드 복사' },
  'share.embed.hostHint': {
    en: 'The frame runs as Descent’s own site, never as your page: it cannot reach your page, its cookies or its storage (see the {readme}).',
    ko: '프레임은 여러분의 페이지가 아니라 Descent 자신의 사이트로 실행되므로, 페이지와 그 쿠키, 저장소에 접근할 수 없습니다({readme} 참고).',
  },
  'share.embed.kind': { en: 'Code', ko: '코드' },
  'share.embed.kind.iframe': { en: 'An iframe', ko: '아이프레임' },
  'share.embed.kind.script': { en: 'A script that sizes the frame', ko: '높이를 맞춰 주는 스크립트' },
  'share.embed.kindHint.iframe': {
    en: 'Works on any page that accepts iframes; the frame keeps the size you set.',
    ko: '아이프레임을 넣을 수 있는 어느 페이지에서나 됩니다. 프레임은 정한 크기 그대로입니다.',
  },
  'share.embed.kindHint.script': {
    en: 'For pages that accept scripts: the frame fills the column’s width and grows to fit its controls; several on one page size themselves independently.',
    ko: '스크립트를 넣을 수 있는 페이지용입니다. 프레임이 본문 너비를 채우고 조작부에 맞게 높이를 늘립니다. 한 페이지에 여러 개를 넣어도 각자 맞춥니다.',
  },
  'share.embed.startHeight': { en: 'Height at first', ko: '처음 높이' },
  'share.embed.strict': { en: 'Strict sandbox (without {token})', ko: '엄격한 샌드박스({token} 없음)' },
  'share.embed.strictHint': {
    en: 'Only where the server hosting Descent sends {header} ({pages} does): without it, a strict frame cannot start.',
    ko: 'Descent를 호스팅하는 서버가 {header} 헤더를 보낼 때만 고르세요({pages}는 보냅니다). 그 헤더가 없으면 엄격한 프레임은 시작하지 못합니다.',
  },
  'share.embed.copyManually': {
    en: 'Copying is not available here: the code is selected, copy it with the keyboard.',
    ko: '여기서는 자동으로 복사할 수 없습니다. 코드를 선택해 두었으니 키보드로 복사하세요.',
  },
} satisfies Messages;
