// The command line as a function of its arguments, so that tests run it in-process.

import { simulateRun } from '../engine';
import { UsageError, parseArgs } from './args';
import { formatCsv, formatJson, formatPytorch } from './format';
import { usage } from './usage';

export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const EXIT_OK = 0;
const EXIT_INTERNAL = 1;
const EXIT_USAGE = 2;

const PROGRAM = 'descent';

/** Scripts read stderr line by line: whatever went wrong, it is one line. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** Runs the command line; returns the exit status. Writes nothing to `out` unless it succeeds. */
export function main(argv: readonly string[], io: CliIO): number {
  try {
    const command = parseArgs(argv);
    if (command.kind === 'help') {
      io.out(usage());
      return EXIT_OK;
    }
    const trajectory = simulateRun(command.run);
    const { format, run } = command;
    io.out(format === 'csv' ? formatCsv(trajectory) : format === 'pytorch' ? formatPytorch(run, trajectory) : formatJson(run, trajectory));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${PROGRAM}: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`${PROGRAM}: internal error: ${oneLine(message)}\n`);
    return EXIT_INTERNAL;
  }
}
