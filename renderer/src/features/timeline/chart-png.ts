/**
 * The timeline as a PNG that stands on its own: a title (session id, site), the date range and time zone,
 * the chart with its axis units, and the legend. Drawn off screen from the same plot as the Timeline tab,
 * with the view last shown there, so it works from any tab.
 */
import type { NormalizedSession } from '../../../../shared/session/types';
import type { BillingAttachment } from '../../../../shared/billing/attach';
import { timelineCost } from '../../../../shared/billing/timeline-cost';
import type { ZoneChoice } from '../../format/format';
import { formatTime } from '../../format/format';
import { bandTint, createPlot, LIGHT_THEME } from './plot';
import { bandSpans, parkingSpans, sessionSpan, sortPeriods } from './series';
import { viewFor } from './timeline-link';

const WIDTH = 1200;
const CHART_HEIGHT = 420;
const PAD = 16;
const TITLE_FONT = '600 18px system-ui, sans-serif';
const TEXT_FONT = '13px system-ui, sans-serif';
const BACKGROUND = '#ffffff';
const INK = '#1a202a';
const MUTED = '#4f5967';

export function chartTitle(session: NormalizedSession): string {
  const id = session.ids.sessionId ?? session.ids.id ?? '(no id)';
  const loc = session.location;
  const site = [loc?.name, loc?.city].filter(Boolean).join(', ') || session.ids.locationId;
  return site ? `Session ${id} · ${site}` : `Session ${id}`;
}

/** With billing, the cost line and the tariff-element bands are drawn too, the bands named below the legend. */
export async function timelinePng(
  session: NormalizedSession,
  zone: ZoneChoice,
  billing?: BillingAttachment,
): Promise<Uint8Array | null> {
  const periods = session.periods;
  if (periods.count === 0) return null;
  const saved = viewFor(periods);
  const cost = billing ? timelineCost(session, billing) : null;
  const sorted = sortPeriods(periods, cost);
  const bands = bandSpans(periods, cost);
  const span = sessionSpan(session, sorted);
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-${WIDTH * 2}px;top:0;width:${WIDTH}px`;
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  const chart = createPlot(host, {
    sorted,
    parking: parkingSpans(periods),
    bands,
    span,
    range: saved.range,
    hidden: new Set(saved.hidden),
    zone: zone.zone,
    zoneLabel: zone.label,
    theme: LIGHT_THEME,
    width: WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    // uPlot draws in a microtask after it is created.
    await new Promise((resolve) => setTimeout(resolve));
    const source = chart.plot.ctx.canvas;
    const ratio = source.width / WIDTH;
    const [from, to] = chart.view();
    const legend = sorted.series.filter((s) => !saved.hidden.includes(s.label));
    const header = 64;
    const BAND_LINE = 20;
    const footer = 40 + bands.labels.length * BAND_LINE;
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = Math.round((header + CHART_HEIGHT + footer) * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, WIDTH, header + CHART_HEIGHT + footer);
    ctx.textBaseline = 'top';
    ctx.fillStyle = INK;
    ctx.font = TITLE_FONT;
    ctx.fillText(chartTitle(session), PAD, 12, WIDTH - 2 * PAD);
    ctx.fillStyle = MUTED;
    ctx.font = TEXT_FONT;
    const range = `${formatTime(from * 1000, zone.zone)} – ${formatTime(to * 1000, zone.zone)}`;
    const shaded = bands.labels.length ? 'shaded: parking, bands: tariff elements' : 'shaded: parking';
    ctx.fillText(`${range} · times in ${zone.label} · ${shaded}`, PAD, 40, WIDTH - 2 * PAD);
    ctx.drawImage(source, 0, header, WIDTH, CHART_HEIGHT);
    let x = PAD;
    const y = header + CHART_HEIGHT + 14;
    for (const s of legend) {
      const label = `${s.label} (${s.unit})`;
      ctx.fillStyle = s.color;
      ctx.fillRect(x, y + 4, 18, 4);
      ctx.fillStyle = INK;
      ctx.fillText(label, x + 24, y);
      x += 24 + ctx.measureText(label).width + 20;
    }
    bands.labels.forEach((label, k) => {
      const by = y + (k + 1) * BAND_LINE;
      ctx.fillStyle = bandTint(k, 1);
      ctx.fillRect(PAD, by + 2, 18, 8);
      ctx.fillStyle = INK;
      ctx.fillText(label, PAD + 24, by, WIDTH - 2 * PAD - 24);
    });
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
  } finally {
    chart.destroy();
    host.remove();
  }
}
