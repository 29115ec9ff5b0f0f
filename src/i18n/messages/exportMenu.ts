import type { Messages } from '../types';

// The Export menu's words (the toolbar's Export button and the exported frames' step line keep
// theirs in export.ts): they load with the menu, through exportText.ts, not with the first page.
// File formats (PNG, WebM, CSV, JSON) are names and stay as they are in both languages; column
// names come in through {columns}, as they are in the file.
export const exportMenuMessages = {
  'export.menu': { en: 'Export formats', ko: '내보내기 형식' },
  'export.png': { en: 'PNG image', ko: 'PNG 이미지' },
  'export.pngHint3d': {
    en: 'The 3D view as it is now, at step {step}, with the title and legend',
    ko: '지금 보이는 3D 화면 ({step} 스텝), 제목과 범례 포함',
  },
  'export.pngHint2d': {
    en: 'The 2D contour view as it is now, at step {step}, with the title and legend',
    ko: '지금 보이는 2D 등고선 화면 ({step} 스텝), 제목과 범례 포함',
  },
  'export.webm': { en: 'WebM video', ko: 'WebM 동영상' },
  'export.webmHint': {
    en: 'Plays step 0 to {end} at {speed} steps/s and records it: about {seconds} s',
    ko: '0 스텝부터 {end} 스텝까지 초당 {speed}스텝으로 재생하며 녹화합니다: 약 {seconds}초',
  },
  'export.webmHintCapped': {
    en: 'Plays step 0 to {end} faster than {speed} steps/s, to fit in {seconds} s, and records it',
    ko: '0 스텝부터 {end} 스텝까지 {seconds}초 안에 끝나도록 초당 {speed}스텝보다 빠르게 재생하며 녹화합니다',
  },
  'export.csv': { en: 'CSV data', ko: 'CSV 데이터' },
  'export.csvHint': { en: 'One table for all visible runs. Columns: {columns}', ko: '표시된 모든 실행을 표 하나에 담습니다. 열: {columns}' },
  'export.json': { en: 'JSON data', ko: 'JSON 데이터' },
  'export.jsonHint': {
    en: 'One object per visible run, as the command line writes it',
    ko: '표시된 실행마다 객체 하나, 명령줄 도구와 같은 형식',
  },
  'export.pytorch': { en: 'Copy as PyTorch', ko: 'PyTorch 코드로 복사' },
  'export.pytorchHint': {
    en: 'A Python script that replays every visible run with torch.optim and prints how far each lands from its path here',
    ko: '표시된 모든 실행을 PyTorch로 다시 계산하고, 여기 그려진 경로와 얼마나 다른지 출력하는 파이썬 스크립트',
  },
  'export.pytorchCopied': { en: 'PyTorch script copied: run it with python3', ko: 'PyTorch 스크립트를 복사했습니다. 파이썬으로 실행해 보세요' },
  'export.pytorchSave': { en: 'Save {file}', ko: '{file} 저장' },
  'export.pytorchNoClipboard': {
    en: 'The clipboard is not available here: saved {file} instead',
    ko: '여기서는 클립보드를 쓸 수 없어 {file} 파일로 저장했습니다',
  },
  'export.noCanvas': { en: 'Unavailable: the view is not drawn', ko: '사용할 수 없음: 화면이 그려지지 않았습니다' },
  'export.noRecorder': { en: 'Unavailable: this browser cannot record video', ko: '사용할 수 없음: 이 브라우저는 동영상을 녹화할 수 없습니다' },
  'export.busy': { en: 'Unavailable while a video is being recorded', ko: '동영상을 녹화하는 동안에는 사용할 수 없습니다' },
  'export.noRuns': { en: 'Unavailable: no visible runs', ko: '사용할 수 없음: 표시된 실행이 없습니다' },
  'export.recording': { en: 'Recording video… {percent}%', ko: '동영상 녹화 중… {percent}%' },
  'export.recordingStarted': { en: 'Recording video', ko: '동영상 녹화 시작' },
  'export.progress': { en: 'Recording progress', ko: '녹화 진행률' },
  'export.cancel': { en: 'Cancel', ko: '취소' },
  'export.saved': { en: 'Saved {file}', ko: '{file} 파일을 저장했습니다' },
  'export.cancelled': { en: 'Recording cancelled', ko: '녹화를 취소했습니다' },
  'export.failed': { en: 'Export failed: {reason}', ko: '내보내기 실패: {reason}' },
  'export.dismiss': { en: 'Dismiss', ko: '닫기' },
  // Drawn into the exported image and video, beside the view.
} satisfies Messages;
