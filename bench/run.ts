/** `npm run bench`: every benchmark, figures printed, nothing asserted. */
import { runBrowserBench } from './browser';
import { runBrowserSearchBench } from './browser-search';
import { runCliBench } from './cli';
import { runCostBench } from './cost';
import { runExportBench } from './export';
import { runOcpiListBench } from './ocpi-list';
import { runReaderBench } from './reader';

async function main(): Promise<void> {
  // Reader and export print one scaling table over SCALING_SIZES (bench/stats.ts), each row with its cost per
  // period; the renderer bench takes the same sizes for its rows (paint / parse, zoom frame, heap × file).
  console.log('# Reader (Node)');
  runReaderBench();
  console.log('\n# Cost engine (Node)');
  runCostBench();
  console.log('\n# Export (Node)');
  await runExportBench();
  console.log('\n# OCPI list (Node)');
  await runOcpiListBench();
  console.log('\n# CLI (whole process)');
  runCliBench();
  console.log('\n# Renderer (Chromium)');
  await runBrowserBench();
  console.log('\n# Search table while rows stream in (Chromium)');
  await runBrowserSearchBench();
}

await main();
