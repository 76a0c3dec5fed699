import { describe, expect, it } from 'vitest';
import { escapeMarkdown, triageMarkdown } from '../../../shared/export/triage-markdown';
import { loadedFrom, SESSION_JSON } from '../../renderer/fixtures';

describe('triageMarkdown', () => {
  const md = triageMarkdown(loadedFrom(SESSION_JSON));

  it('carries ids, times, energy, cost, site and checks', () => {
    expect(md).toContain('## Charging session sess-1');
    expect(md).toContain('**Status:** COMPLETED');
    expect(md).toContain('BE\\*BEC');
    expect(md).toContain('2024-05-01T10:00:00.000Z');
    expect(md).toContain('**Duration:** 1h 00m 00s');
    expect(md).toContain('20 kWh reported, 10 kWh summed over 3 period(s)');
    expect(md).toContain('10.00 EUR excl. VAT · 12.10 EUR incl. VAT');
    expect(md).toContain('### Checks (1)');
    expect(md).toMatch(/- \*\*ERROR\*\* `ENERGY_MISMATCH`: .*\(periods 1–3\)/);
    expect(md).toContain('1 reader warning(s)');
  });

  it('never leaks the auth id into the summary', () => {
    expect(md).not.toContain('TOKEN-UID-123456');
  });

  it('neutralizes Markdown and HTML in server strings', () => {
    const hostile = {
      ...SESSION_JSON,
      data: { ...SESSION_JSON.data, id: '<img src=x onerror=alert(1)>[x](http://e)' },
    };
    const out = triageMarkdown(loadedFrom(hostile));
    // Parentheses stay as they are: `\\(` shows up literally in Slack and Jira.
    expect(out).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(out).not.toContain('\\(');
    expect(out).not.toMatch(/(^|[^\\])<img/);
    expect(out).not.toMatch(/[^\\]\]\(http/);
    expect(escapeMarkdown('a|b\nc')).toBe('a\\|b c');
  });
});
