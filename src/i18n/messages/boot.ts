import type { Messages } from '../types';

// Messages of public/boot.js: the plain page shown when the app itself cannot start (its program
// failed to load, or has not run after a while), so they cannot come from the bundle. boot.js
// keeps a copy of this table (it runs before and without the app) and a unit test holds the two
// equal; the app never shows them, so index.ts leaves them out of its table and of the bundle.
// {token} is allow-same-origin, {header} Access-Control-Allow-Origin: *.
export const boot = {
  'boot.failed': { en: 'Descent could not start', ko: 'Descent를 시작하지 못했습니다' },
  'boot.slow': { en: 'Descent has not started yet', ko: 'Descent가 아직 시작되지 않았습니다' },
  'boot.frameWhy': {
    en: 'This page puts Descent in a frame without {token}. In such a frame the browser loads Descent’s program only from a server that sends the header {header}, and this server does not.',
    ko: '이 페이지는 Descent를 {token} 없이 프레임에 넣었습니다. 이런 프레임에서는 서버가 {header} 헤더를 보내야만 브라우저가 Descent 프로그램을 불러오는데, 이 서버는 보내지 않습니다.',
  },
  'boot.frameFix': {
    en: 'To fix it, paste the embed code from Descent’s Share → Embed as it is (its sandbox includes {token}), or have the server that hosts Descent send {header}.',
    ko: '해결하려면 Descent의 공유 → 퍼가기에서 받은 코드를 그대로 붙여 넣거나({token} 포함), Descent를 호스팅하는 서버가 {header} 헤더를 보내도록 설정하세요.',
  },
  'boot.pageWhy': { en: 'The browser could not load Descent’s program.', ko: '브라우저가 Descent 프로그램을 불러오지 못했습니다.' },
  'boot.pageFix': {
    en: 'Check the connection and reload. If it keeps happening, the server may be missing some of Descent’s files.',
    ko: '연결을 확인하고 새로 고치세요. 계속 그렇다면 서버에 Descent 파일 일부가 빠져 있을 수 있습니다.',
  },
  'boot.open': { en: 'Open this scene in a new tab', ko: '이 장면을 새 탭에서 열기' },
  'boot.reload': { en: 'Reload', ko: '새로 고침' },
} satisfies Messages;
