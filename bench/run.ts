// `npm run bench`: prints a table; `npm run bench -- --json` prints one JSON object per line.
import { engineMeasurements } from './engine';
import { printJsonLines, printTable, type Measurement } from './measure';

const json = process.argv.includes('--json');
const rows: Measurement[] = [...engineMeasurements()];
if (json) printJsonLines(rows);
else printTable(rows);
