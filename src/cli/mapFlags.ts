// The flags of `trajectory map …`, apart from the map's code so that --help lists them without
// loading worker threads.
import type { FlagSpec } from './args';

export const MAP_FLAGS: readonly FlagSpec[] = [
  { flag: '--x', metavar: 'PARAM:FROM:TO', help: 'the hyperparameter along the map’s x axis and its range, e.g. lr:1e-4:1 (a log slider gives a log axis)' },
  { flag: '--y', metavar: 'PARAM:FROM:TO', help: 'the hyperparameter along the y axis, e.g. beta1:0:0.99' },
  { flag: '--basins', help: 'a basin map instead: a run from every cell of a grid over the surface, coloured by where it ends' },
  { flag: '--region', metavar: 'X0,X1,Y0,Y1', help: 'the basin map’s region (default: the surface’s domain)' },
  { flag: '--cells', metavar: 'N|NXxNY', help: 'cells per side (default 64), from 2 to 512' },
  { flag: '--tolerance', metavar: 'T', help: 'the loss gap f − f* that counts as arrived, for the steps-to-tolerance outcome (default 1e-3)' },
  { flag: '--threads', metavar: 'N', help: 'worker threads (default: one per core)' },
  { flag: '--format', metavar: 'json|csv', help: 'what to print (default json)' },
];
