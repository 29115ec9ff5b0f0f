// Entry point: `npm run --silent trajectory -- --help`.

import { main } from './main';

// `trajectory … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  process.exit(error.code === 'EPIPE' ? 0 : 1);
});

// exitCode rather than exit(): a large path may still be draining into a pipe.
process.exitCode = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
