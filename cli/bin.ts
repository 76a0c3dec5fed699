/** The process entry of `ocpi-inspect`: the bundle scripts/build-cli.mjs builds, and the source fallback. */
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
