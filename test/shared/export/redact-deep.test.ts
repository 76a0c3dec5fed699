/**
 * Redaction of deeply nested JSON. Its own file, left out of vitest.stryker.config.ts: instrumented by
 * Stryker it takes over 20 s per mutant, and whether the scanner recurses is a yes/no the unit suite settles.
 */
import { expect, it } from 'vitest';
import { redactLoaded } from '../../../shared/export/redact';
import { loadedFrom } from '../../fixtures/export';
import { ocpi211Session } from '../../fixtures/sessions';

it('redacts JSON nested a million levels deep without running out of stack', () => {
  const depth = 1_000_000;
  const body = JSON.stringify(ocpi211Session({ auth_id: undefined }));
  const deep = `${'['.repeat(depth)}"DEEP-CARD-5"${']'.repeat(depth)}`;
  const raw = `{"auth_id": "DEEP-CARD-5", "deep": ${deep},${body.slice(1)}`;
  const red = redactLoaded(loadedFrom(raw));
  expect(red.rawText).not.toContain('DEEP-CARD-5');
  expect(red.rawText.length).toBe(raw.length - 2 * 'DEEP-CARD-5'.length + 2 * 'REDACTED-1'.length);
});
