import type { Messages } from '../types';

// Messages of playback, the timeline, the loss chart, the legend, shortcuts and help.
export const playback = {} satisfies Messages;
