// The --help text, built from the same tables the parser reads so that it cannot fall behind.

import { HYPERPARAMS, OPTIMIZERS, SURFACE_IDS } from '../engine';
import { HYPERPARAM_FLAGS, OUTPUT_FLAGS, SURFACE_FLAGS, VARIANT_FLAGS, type FlagSpec } from './args';
import { MAP_FLAGS } from './mapFlags';

const WIDTH = 80;
const COLUMN = 26;

/** Words joined into lines of at most WIDTH characters, each after `indent` spaces. */
function wrap(words: readonly string[], indent: number, separator = ' '): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : line + separator + word;
    if (line !== '' && indent + candidate.length > WIDTH) {
      lines.push(' '.repeat(indent) + line + separator.trimEnd());
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(' '.repeat(indent) + line);
  return lines;
}

function paragraph(text: string): string[] {
  return wrap(text.split(' '), 0);
}

function flagLines(flags: readonly FlagSpec[]): string[] {
  const lines: string[] = [];
  for (const f of flags) {
    const left = `  ${f.flag}${f.metavar === undefined ? '' : ` ${f.metavar}`}`;
    const help = wrap(f.help.split(' '), COLUMN);
    const first = help[0].trimStart();
    if (left.length < COLUMN - 1) {
      lines.push(left.padEnd(COLUMN) + first, ...help.slice(1));
    } else {
      lines.push(left, ...help);
    }
  }
  return lines;
}

function readsLines(): string[] {
  const flagOf = new Map(HYPERPARAMS.map((h) => [h.key, h.flag]));
  return OPTIMIZERS.map((o) => `${`  ${o.id}`.padEnd(COLUMN)}${o.params.map((k) => flagOf.get(k) ?? k).join(' ')}`);
}

export function usage(): string {
  return [
    'Usage: npm run --silent trajectory -- --surface ID --optimizer ID [options]',
    '',
    'Runs one optimizer on one loss surface and prints its path.',
    '',
    'Run:',
    ...flagLines(SURFACE_FLAGS),
    '',
    'Surfaces:',
    ...wrap(SURFACE_IDS, 2, ', '),
    '',
    'Hyperparameters (default: the surface\'s demo value for the optimizer, else',
    "PyTorch's):",
    ...flagLines(HYPERPARAM_FLAGS),
    '',
    'Optimizers, and the hyperparameters each reads (others are checked, then ignored):',
    ...readsLines(),
    '',
    'Teaching variants (off by default):',
    ...flagLines(VARIANT_FLAGS),
    '',
    'Output:',
    ...flagLines(OUTPUT_FLAGS),
    '',
    'A value follows its flag or an "=": --lr 0.1, --lr=0.1, --start -1.5,2.',
    '',
    'JSON is one object on one line:',
    '  {"surface": ID, "optimizer": ID, "params": {...},',
    '   "status": "ok"|"diverged"|"singular"|"lineSearchFailed",',
    '   "evaluations": N (L-BFGS only), "path": [[x, y, f], ...]}',
    ...paragraph(
      'params holds every value used, defaults included: the hyperparameters the optimizer reads, ' +
        '"steps" (as asked) and "start": [x, y]; "biasCorrection" for the optimizers that have it; ' +
        '"noise": {"sigma", "seed"} and "penalty": {"kind", "lambda"} when given. ' +
        'path begins at the start and has one point per step taken: a run that diverges or meets a ' +
        'singular Hessian stops early. A loss that is not a finite number is written null.',
    ),
    ...paragraph('CSV is the header step,x,y,loss and one row per point, step 0 being the start.'),
    ...paragraph(
      'pytorch is a Python script (PyTorch 2.x, float64, torch only) that builds the run\'s ' +
        'optimizer and learning-rate schedule with torch.optim, takes the same steps from the same ' +
        'start and prints the largest deviation from the path computed here, which it holds ' +
        '(about 1e-15 for a faithful replay): --format pytorch > descent.py; python3 descent.py',
    ),
    ...paragraph('Numbers are written in full: they read back as the same doubles.'),
    '',
    'Maps of many runs: npm run --silent trajectory -- map --surface ID --optimizer ID',
    '  (--x PARAM:FROM:TO --y PARAM:FROM:TO | --basins) [run flags] [map flags]',
    ...paragraph(
      'Runs the run once per cell, on worker threads: a hyperparameter map varies two of its ' +
        'hyperparameters (cells evenly spread in the slider\'s scale: decades of a log slider), a ' +
        'basin map its start over a grid. It prints the cells row by row: JSON with "loss" (f at ' +
        'the end), "reached" (the first step within the tolerance of f*, or null) and "status" per ' +
        'cell, plus "end", "basin" and "classes" for a basin map; or CSV, one row per cell.',
    ),
    ...flagLines(MAP_FLAGS),
    '',
    ...paragraph(
      'Exit status: 0 when the run was computed (whatever its status), 2 for bad arguments ' +
        '(one line on stderr), 1 for an internal error.',
    ),
    '',
  ].join('\n');
}
