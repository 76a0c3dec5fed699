import { describe, expect, it } from 'vitest';
import { fallbackTokenForm, specTokenForm, tokenFormFor } from '../../../shared/ocpi/token-form';

describe('token form', () => {
  it('is Base64 from 2.2 and plain in 2.1.1', () => {
    expect(specTokenForm('2.1.1')).toBe('plain');
    expect(specTokenForm('2.2')).toBe('base64');
    expect(specTokenForm('2.3.0')).toBe('base64');
    expect(specTokenForm(null)).toBe('base64');
  });
  it('an explicit setting wins over a learned form, which wins over the spec', () => {
    expect(tokenFormFor('2.2.1', 'plain', 'base64')).toBe('plain');
    expect(tokenFormFor('2.2.1', undefined, 'plain')).toBe('plain');
    expect(tokenFormFor('2.1.1', undefined, undefined)).toBe('plain');
  });
  it('falls back to the other form only when nothing is fixed', () => {
    expect(fallbackTokenForm('base64', undefined)).toBe('plain');
    expect(fallbackTokenForm('plain', undefined)).toBe('base64');
    expect(fallbackTokenForm('base64', 'base64')).toBeNull();
  });
});
