import type { Messages } from '../types';

// Messages of the Export menu. File formats (PNG, WebM, CSV, JSON) are names and stay as they
// are in both languages; column names come in through {columns}, as they are in the file.
export const exportMessages = {
  'export.button': { en: 'Export', ko: '내보내기' },
  'export.frame.step': { en: 'step {step} / {total}', ko: '{step} / {total} 스텝' },
} satisfies Messages;
