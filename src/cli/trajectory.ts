// Entry point: `npm run --silent trajectory -- --help`.

import { useFormulaCompiler, wantsFormula, wantsPytorch } from './args';
import { useTorchTranslator } from './format';
import { main } from './main';

const argv = process.argv.slice(2);
// mathjs (~0.7 s to load) only for a typed surface or a PyTorch script.
if (wantsFormula(argv) || wantsPytorch(argv)) {
  const formula = await import('../engine/formula');
  useFormulaCompiler(formula.compileFormula);
  useTorchTranslator(formula.torchExpression);
}

// `trajectory … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  process.exit(error.code === 'EPIPE' ? 0 : 1);
});

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
};
// exitCode rather than exit(): a large path may still be draining into a pipe.
if (argv[0] === 'map') {
  const { mapMain } = await import('./mapMain');
  process.exitCode = await mapMain(argv.slice(1), io);
} else {
  process.exitCode = main(argv, io);
}
