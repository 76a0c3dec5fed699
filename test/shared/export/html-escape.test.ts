import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../../shared/export/html-escape';

describe('escapeHtml', () => {
  it('escapes each of & < > " and \' and leaves every other character as it is', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
    expect(escapeHtml('<<&&>>')).toBe('&lt;&lt;&amp;&amp;&gt;&gt;');
    const plain = 'EVSE-1 é 🚗 `=+-@ \\ / ; :';
    expect(escapeHtml(plain)).toBe(plain);
    expect(escapeHtml('')).toBe('');
  });

  it('escapes an already escaped entity again, so text shows as written', () => {
    expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});

describe('jsonForScript', () => {
  it('leaves no < (so no </script> or <!--) and escapes the JavaScript line separators', () => {
    const value = { name: '</script><script>alert(1)</script>', c: '<!-- x', ls: 'a\u2028b\u2029c' };
    const text = jsonForScript(value);
    expect(text).not.toContain('<');
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).toContain('\\u003c/script>');
    expect(text).toContain('a\\u2028b\\u2029c');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('escapes every occurrence, not only the first', () => {
    expect(jsonForScript('<<\u2028\u2028\u2029\u2029')).toBe('"\\u003c\\u003c\\u2028\\u2028\\u2029\\u2029"');
  });
});
