/**
 * Help → Copy diagnostics: what an escalation needs, as Markdown for a ticket. Versions and OS, the active
 * profile's flavour and base URL (without credentials or query values), the last 20 requests with their ids,
 * status and timing, and the last errors, all read from the main-process log (already scrubbed of tokens).
 * Only named fields are copied out of a log line, never a whole line.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { visibleText } from '../../shared/present/visible-text';
import { safeUrl } from '../http/http-client';
import { LOG_FILE } from './main-log';

export const RECENT_REQUESTS = 20;
export const RECENT_ERRORS = 10;

export interface DiagnosticsInput {
  app: string;
  versions: { electron: string | null; chrome: string | null; node: string };
  os: { platform: string; release: string; arch: string };
  profile: { name: string; flavour: string; baseUrl: string; versionsUrl: string | null } | null;
  /** The log's lines, oldest first (rotated file, then the current one). */
  logText: string;
}

interface LogLine {
  at: string;
  level: string;
  event: string;
  fields: Record<string, unknown>;
}

function parseLine(line: string): LogLine | null {
  const m = /^(\S+) (INFO|ERROR) (\S+) (\{.*\})$/.exec(line);
  if (!m) return null;
  try {
    const fields = JSON.parse(m[4]) as unknown;
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) return null;
    return { at: m[1], level: m[2], event: m[3], fields: fields as Record<string, unknown> };
  } catch {
    return null;
  }
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '–');
/** Table cells: control and bidi characters shown as marks (one line), pipes escaped. */
const cell = (v: unknown): string => visibleText(text(v)).replace(/\|/g, '\\|');

function cleanUrl(raw: string): string {
  try {
    return safeUrl(new URL(raw));
  } catch {
    return '(not a URL)';
  }
}

export function buildDiagnostics(input: DiagnosticsInput): string {
  const lines = input.logText
    .split('\n')
    .map(parseLine)
    .filter((l): l is LogLine => l !== null);
  const requests = lines
    .filter((l) => l.event === 'fetch' || l.event === 'fetch-failed')
    .slice(-RECENT_REQUESTS);
  const errors = lines.filter((l) => l.level === 'ERROR' || l.event === 'fetch-failed').slice(-RECENT_ERRORS);
  const out = [
    `## ${input.app} diagnostics`,
    '',
    `- App: ${input.app}; Electron ${input.versions.electron ?? '–'}; Chromium ${input.versions.chrome ?? '–'}; Node ${input.versions.node}`,
    `- OS: ${input.os.platform} ${input.os.release} (${input.os.arch})`,
    input.profile
      ? `- Profile: ${cell(input.profile.name)} (${input.profile.flavour}), base URL ${cleanUrl(input.profile.baseUrl)}${input.profile.versionsUrl ? `, versions URL ${cleanUrl(input.profile.versionsUrl)}` : ''}`
      : '- Profile: none selected',
    '',
    `### Last ${RECENT_REQUESTS} requests`,
    '',
  ];
  if (requests.length === 0) out.push('None logged.');
  else {
    out.push(
      '| time | status | ms | request id | correlation id | server request id |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const r of requests) {
      const f = r.fields;
      const status =
        r.event === 'fetch' ? f.status : `failed: ${text(f.kind)}${f.status ? ` ${text(f.status)}` : ''}`;
      out.push(
        `| ${cell(r.at)} | ${cell(status)} | ${cell(f.durationMs)} | ${cell(f.requestId)} | ${cell(f.correlationId)} | ${cell(f.responseRequestId)} |`,
      );
    }
  }
  out.push('', `### Last errors`, '');
  if (errors.length === 0) out.push('None logged.');
  for (const e of errors) {
    const err = (e.fields.error ?? {}) as Record<string, unknown>;
    const message = e.event === 'fetch-failed' ? e.fields.message : err.message;
    out.push(`- ${cell(e.at)} ${cell(e.event)}: ${cell(message)}`);
  }
  return out.join('\n') + '\n';
}

/** The current and the last rotated log file, oldest first; missing files are empty. */
export async function readRecentLog(userDataDir: string): Promise<string> {
  const path = join(userDataDir, LOG_FILE);
  const read = (p: string): Promise<string> => readFile(p, 'utf8').catch(() => '');
  return `${await read(`${path}.1`)}${await read(path)}`;
}
