import { describe, expect, it } from 'vitest';
import { nextStepFor } from '../../../renderer/src/app/next-step';

describe('nextStepFor', () => {
  it('offers the step the issue asks for', () => {
    expect(nextStepFor('unauthorized')).toBe('set-token');
    expect(nextStepFor('no-token')).toBe('set-token');
    expect(nextStepFor('not-found')).toBe('check-environment');
    expect(nextStepFor('offline')).toBe('open-file');
    expect(nextStepFor('timeout')).toBe('open-file');
    expect(nextStepFor('dns')).toBe('open-file');
    expect(nextStepFor('keychain-unavailable')).toBe('keep-token-for-run');
    expect(nextStepFor('internal')).toBeNull();
  });
});
