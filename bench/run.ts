// `npm run bench`: prints a table; `npm run bench -- --json` prints one JSON object per line.
// `--engine` measures only the engine (no build or browser needed); `--browser` only the browser.
import { browserMeasurements } from './browser';
import { dataMeasurements } from './data';
import { engineMeasurements } from './engine';
import { formulaMeasurements } from './formula';
import { mapMeasurements } from './maps';
import { printJsonLines, printTable, type Measurement } from './measure';
import { soakMeasurements } from './soakRecord';

const json = process.argv.includes('--json');
// `--browser` measures only the browser (for comparing two builds: BENCH_DIST=…).
const rows: Measurement[] = process.argv.includes('--browser') ? [] : [...engineMeasurements(), ...dataMeasurements(), ...formulaMeasurements(), ...(await mapMeasurements())];
if (!process.argv.includes('--engine')) rows.push(...(await browserMeasurements()));
rows.push(...soakMeasurements());
if (json) printJsonLines(rows);
else printTable(rows);
