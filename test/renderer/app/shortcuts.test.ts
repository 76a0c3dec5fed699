import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../renderer/src/app/shortcuts';
import { nextStepFor } from '../../../renderer/src/app/next-step';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps Ctrl and Cmd alike', () => {
    expect(shortcutFor(key('l', { ctrlKey: true }))).toBe('focus-id');
    expect(shortcutFor(key('L', { metaKey: true }))).toBe('focus-id');
    expect(shortcutFor(key('o', { ctrlKey: true }))).toBe('open-file');
    expect(shortcutFor(key('e', { metaKey: true }))).toBe('export');
    expect(shortcutFor(key('C', { ctrlKey: true, shiftKey: true }))).toBe('copy-summary');
    expect(shortcutFor(key('Escape'))).toBe('cancel');
  });
  it('leaves plain copy and unmodified letters alone', () => {
    expect(shortcutFor(key('c', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('l'))).toBeNull();
    expect(shortcutFor(key('l', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

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
