import type { Messages } from '../types';

// The keyboard shortcuts list's words: they load with the list (ui/dialogs/HelpDialog.tsx, opened
// with "?"), through helpText.ts, not with the first page. The Space key's name stays in
// playback.ts, since the Play button's title shows it too.
export const help = {
  'help.title': { en: 'Keyboard shortcuts', ko: '단축키' },
  'help.close': { en: 'Close', ko: '닫기' },
  'help.key': { en: 'Key', ko: '키' },
  'help.action': { en: 'Action', ko: '동작' },
  'help.playPause': { en: 'Play or pause', ko: '재생 또는 일시정지' },
  'help.stepForward': { en: 'One step forward', ko: '한 스텝 앞으로' },
  'help.stepBack': { en: 'One step back', ko: '한 스텝 뒤로' },
  'help.rewind': { en: 'Back to step 0', ko: '0 스텝으로 되감기' },
  // Key names as Korean keyboards' manuals spell them, like 스페이스바 (help.keySpace).
  'help.keyHome': { en: 'Home', ko: '홈' },
  'help.keyEnd': { en: 'End', ko: '엔드' },
  'help.keyPageDown': { en: 'Page Down', ko: '페이지 다운' },
  'help.keyPageUp': { en: 'Page Up', ko: '페이지 업' },
  'help.end': { en: 'Jump to the last step: where every run ends', ko: '마지막 스텝으로: 각 실행이 끝나는 곳' },
  'help.nextLesson': { en: 'Next lesson (a presenter’s clicker sends this)', ko: '다음 수업 (프레젠터 리모컨이 보내는 키)' },
  'help.previousLesson': { en: 'Previous lesson', ko: '이전 수업' },
  'help.keyShiftArrows': { en: 'Shift + arrows', ko: '시프트 + 방향키' },
  'help.turn': { en: 'Turn or tilt the 3D view', ko: '3D 보기 돌리기 또는 기울이기' },
  'help.zoom': { en: 'Zoom in or out', ko: '확대 또는 축소' },
  'help.fullscreen': { en: 'Full screen on or off', ko: '전체 화면 켜기 또는 끄기' },
  'help.listen': {
    en: 'Hear the explained run: its loss as pitch, its x as left–right, a click at each epoch or exit (H again stops)',
    ko: '설명 중인 실행을 소리로 듣기: 손실은 음높이, x는 좌우, 에포크나 이탈마다 딸깍 소리(H를 다시 누르면 멈춤)',
  },
  'help.presentation': { en: 'Presentation mode on or off', ko: '발표 모드 켜기 또는 끄기' },
  'help.panel': { en: 'Show or hide the settings panel while presenting', ko: '발표 중 설정 패널 보이기 또는 숨기기' },
  'help.toggleHelp': { en: 'Show or hide this list', ko: '이 목록 열기 또는 닫기' },
  'help.closeHelp': { en: 'Close this list', ko: '이 목록 닫기' },
  'help.chartTip': {
    en: 'Click or drag on the loss chart to jump to a step. On the timeline, the arrow keys move one step.',
    ko: '손실 차트를 클릭하거나 끌면 그 스텝으로 이동합니다. 타임라인에서는 화살표 키로 한 스텝씩 움직입니다.',
  },
} satisfies Messages;
