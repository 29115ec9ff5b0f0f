import type { Messages } from '../types';

// Messages of sharing: the Share button (a permalink), the Embed dialog (an <iframe> snippet for
// a blog or a course page), and the notice for a link whose values could not all be used. In
// Korean, "embed" is 퍼가기, as Korean video and map sites say it.
export const share = {
  'share.group': { en: 'Share', ko: '공유' },
  'share.button': { en: 'Share', ko: '공유' },
  'share.hint': { en: 'Copy a link to this exact scene', ko: '지금 장면 그대로의 링크를 복사합니다' },
  'share.copied': { en: 'Copied', ko: '복사됨' },
  'share.link': { en: 'Link to this scene', ko: '이 장면의 링크' },
  'share.copyManually': {
    en: 'Copying is not available here: the link is selected, copy it with the keyboard.',
    ko: '여기서는 자동으로 복사할 수 없습니다. 링크를 선택해 두었으니 키보드로 복사하세요.',
  },
  'share.close': { en: 'Close', ko: '닫기' },

  'share.embed.button': { en: 'Embed', ko: '퍼가기' },
  'share.embed.hint': { en: 'Put this scene in a web page', ko: '이 장면을 웹 페이지에 넣습니다' },

  'share.url.ignored': {
    en: 'Some settings in this link could not be used, so their defaults are shown: {list}',
    ko: '이 링크의 일부 설정은 사용할 수 없어 기본값으로 표시합니다: {list}',
  },
} satisfies Messages;
