import { describe, expect, it } from 'vitest';
import { acceleratorFor, APP_COMMANDS, shortcutFor } from '../../../shared/domain/shortcuts';

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

describe('acceleratorFor', () => {
  it('gives the menu the same keys the renderer handles', () => {
    expect(acceleratorFor('open-file')).toBe('CmdOrCtrl+O');
    expect(acceleratorFor('copy-summary')).toBe('CmdOrCtrl+Shift+C');
    expect(acceleratorFor('cancel')).toBe('Esc');
    for (const command of APP_COMMANDS) {
      const parts = acceleratorFor(command).split('+');
      const key = parts.at(-1) === 'Esc' ? 'Escape' : (parts.at(-1) ?? '').toLowerCase();
      const e = {
        key,
        ctrlKey: parts.includes('CmdOrCtrl'),
        metaKey: false,
        shiftKey: parts.includes('Shift'),
        altKey: false,
      };
      expect(shortcutFor(e)).toBe(command);
    }
  });
});
