/**
 * The Demo profile's sessions: bundled response bodies (and Locations for OCPI 2.2+) served through the
 * same GET client as a real environment, so a newcomer sees every panel with no token and no network.
 * Each one shows something a support engineer meets in practice.
 */
import { BILLING_EXAMPLES } from './billing-examples';
import { generateSession, type GeneratedSession } from './generate-session';

export interface DemoSessionInfo {
  id: string;
  title: string;
}

interface DemoEntry extends DemoSessionInfo {
  build(): GeneratedSession;
  /** Sessions with billing: the CDR is `cdrForSession` at this index (shared/demo/billing-dataset). */
  cdrIndex?: number;
}

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_SCRIPT = '<script>alert("xss")</script>';

type Json = Record<string, unknown>;
const data = (g: GeneratedSession): Json => g.body.data as Json;

function swapCoordinates(location: Json): void {
  const c = location.coordinates as { latitude: string; longitude: string };
  location.coordinates = { latitude: c.longitude, longitude: c.latitude };
}

/** Reports every ENERGY volume in Wh while `kwh` stays in kWh: the unit mix-up seen on some gateways. */
function energyInWh(g: GeneratedSession): GeneratedSession {
  for (const period of data(g).charging_periods as { dimensions: { type: string; volume: number }[] }[]) {
    for (const dim of period.dimensions) {
      if (dim.type === 'ENERGY') dim.volume = Math.round(dim.volume * 1000);
    }
  }
  return g;
}

/** Markup in every free-text field the UI shows, to prove none of it is ever interpreted. */
function hostile(g: GeneratedSession): GeneratedSession {
  const d = data(g);
  d.meter_id = HOSTILE;
  d.location_id = 'LOC-HOSTILE';
  (d.cdr_token as Json).uid = HOSTILE_SCRIPT;
  (d.charging_periods as Json[])[0].tariff_id = HOSTILE;
  g.body.status_message = HOSTILE_SCRIPT;
  const loc = g.location as Json;
  loc.id = 'LOC-HOSTILE';
  loc.name = `Fast Charge ${HOSTILE}`;
  loc.address = HOSTILE_SCRIPT;
  loc.city = `javascript:alert(1)`;
  (loc.operator as Json).name = HOSTILE;
  (loc.operator as Json).website = 'javascript:alert(1)';
  for (const evse of loc.evses as Json[]) evse.physical_reference = HOSTILE;
  return g;
}

const ENTRIES: DemoEntry[] = [
  {
    id: 'demo-vendor-ac',
    title: 'Vendor gateway session (string volumes, embedded location)',
    build: () => generateSession({ periods: 240, shape: 'vendor', id: 'demo-vendor-ac', seed: 11 }),
  },
  {
    id: 'demo-ocpi-221-dc',
    title: 'OCPI 2.2.1 DC session (Location fetched separately)',
    build: () => generateSession({ periods: 360, shape: 'ocpi-2.2.1', id: 'demo-ocpi-221-dc', seed: 22 }),
  },
  {
    id: 'demo-ocpi-230',
    title: 'OCPI 2.3.0 session (cost before taxes)',
    build: () => generateSession({ periods: 300, shape: 'ocpi-2.3.0', id: 'demo-ocpi-230', seed: 23 }),
  },
  {
    id: 'demo-211-swapped-coords',
    title: 'OCPI 2.1.1 session with latitude and longitude swapped',
    build: () => {
      const g = generateSession({
        periods: 200,
        shape: 'ocpi-2.1.1',
        id: 'demo-211-swapped-coords',
        seed: 21,
      });
      swapCoordinates(data(g).location as Json);
      return g;
    },
  },
  {
    id: 'demo-wh-units',
    title: 'OCPI 2.2.1 session with period energy in Wh',
    build: () =>
      energyInWh(generateSession({ periods: 240, shape: 'ocpi-2.2.1', id: 'demo-wh-units', seed: 5 })),
  },
  {
    id: 'demo-long',
    title: 'Long vendor session: 200,000 periods',
    build: () => generateSession({ periods: 200_000, shape: 'vendor', id: 'demo-long', seed: 7 }),
  },
  // Billing disputes, one per kind, with their CDR and tariffs (shared/demo/billing-examples.ts).
  ...BILLING_EXAMPLES.map(({ id, title, build, cdrIndex }) => ({ id, title, build, cdrIndex })),
  {
    id: 'demo-hostile',
    title: 'Session whose strings carry HTML and script payloads',
    build: () => hostile(generateSession({ periods: 120, shape: 'ocpi-2.2.1', id: 'demo-hostile', seed: 9 })),
  },
];

export const DEMO_SESSIONS: readonly DemoSessionInfo[] = ENTRIES.map(({ id, title }) => ({ id, title }));

/** The response body (and separate Location, if any) for a demo session id, or undefined. */
export function demoSession(id: string): GeneratedSession | undefined {
  return ENTRIES.find((entry) => entry.id === id)?.build();
}

/** The CDR index of a demo session with billing, or undefined. */
export const demoCdrIndex = (id: string): number | undefined => ENTRIES.find((e) => e.id === id)?.cdrIndex;

/** A Location the demo sessions refer to by `location_id`, or undefined. */
export function demoLocation(locationId: string): Record<string, unknown> | undefined {
  for (const entry of ENTRIES) {
    if (entry.id === 'demo-long') continue;
    const location = entry.build().location;
    if (location && location.id === locationId) return location;
  }
  return undefined;
}
