/**
 * `npm run preview:web`: the built renderer in a browser, wired to the real main-process handlers and a
 * local OCPI server, with a throw-away user-data folder. Prints the URL; with a DISPLAY it also opens a
 * visible Chromium on it. Ctrl+C stops everything and removes the temporary folder.
 */
import { launchChromium } from '../tools/web-harness/browser';
import { startHarness } from '../tools/web-harness/harness';
import { mockProfileInput, saveProfile, vendorBaseUrl } from '../tools/web-harness/mock-profiles';
import { MOCK_PREFIXES } from '../tools/mock-api/server';

async function main(): Promise<void> {
  const harness = await startHarness();
  // Ready to try: a profile for the local OCPI server, its token kept for this run only.
  const local = await saveProfile(
    harness,
    mockProfileInput('Local OCPI server', vendorBaseUrl(harness.mock.baseUrl)),
  );
  await harness.invoke('token:set', { profileId: local.id, token: harness.mock.token, memoryOnly: true });
  const browser = process.env.DISPLAY ? await launchChromium({ headless: false }) : null;
  if (browser) await (await browser.newPage()).goto(harness.url);

  console.log(`Session Inspector (browser preview): ${harness.url}`);
  console.log(`  local OCPI server:  ${harness.mock.baseUrl}   token: ${harness.mock.token}`);
  console.log(
    `    profile "${local.name}" is set up for it; try session ids gen-500, gen-200000, fault-401, fault-timeout`,
  );
  for (const [flavour, prefix] of Object.entries(MOCK_PREFIXES)) {
    console.log(`    ${flavour.padEnd(11)} base URL ${harness.mock.baseUrl}${prefix}`);
  }
  console.log(`  user data:          ${harness.userDataDir} (removed on exit)`);
  console.log(`  exports are saved:  ${harness.exportDir}`);
  console.log('Ctrl+C to stop.');

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await browser?.close();
    await harness.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  browser?.on('disconnected', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
