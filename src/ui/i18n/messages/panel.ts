import type { Messages } from '../types';

// Messages of the control panel (surface, start, steps, runs, hyperparameters).
export const panel = {} satisfies Messages;
