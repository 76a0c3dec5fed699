import { describe, expect, it } from 'vitest';
import { routingHeaders } from '../../../shared/ocpi/routing-headers';

const hub = { toCountryCode: 'DE', toPartyId: 'ABC', fromCountryCode: 'NL', fromPartyId: 'SUP' };

describe('routing headers', () => {
  it('go on functional modules from 2.2', () => {
    expect(routingHeaders(hub, 'sessions', '2.2.1')).toEqual({
      'ocpi-to-country-code': 'DE',
      'ocpi-to-party-id': 'ABC',
      'ocpi-from-country-code': 'NL',
      'ocpi-from-party-id': 'SUP',
    });
    expect(routingHeaders({ toPartyId: 'ABC' }, 'locations', '2.3.0')).toEqual({ 'ocpi-to-party-id': 'ABC' });
  });
  it('never on versions, credentials or hubclientinfo, nor in 2.1.1', () => {
    for (const module of ['versions', 'credentials', 'hubclientinfo'])
      expect(routingHeaders(hub, module, '2.2.1')).toEqual({});
    expect(routingHeaders(hub, 'sessions', '2.1.1')).toEqual({});
    expect(routingHeaders(hub, 'sessions', null)).toEqual({});
    expect(routingHeaders(undefined, 'sessions', '2.2.1')).toEqual({});
  });
});
