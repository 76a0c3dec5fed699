/**
 * Which interface of a module to talk to, from the discovered endpoints. A CPO's Sessions Sender interface
 * lists (`GET {sessions}?date_from…`) and has no GET by id; only a Receiver has
 * `GET {sessions}/{country_code}/{party_id}/{id}`. 2.1.1 has no roles: its endpoint is taken as the Sender
 * (the CPO interface a support tool talks to).
 */
import { appError, type Result } from '../domain/errors';
import type { Endpoint } from './versions';

export type InterfaceChoice =
  { kind: 'sender'; url: string } | { kind: 'receiver'; url: string; countryCode: string; partyId: string };

export interface PartyRef {
  countryCode: string;
  partyId: string;
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

function find(endpoints: readonly Endpoint[], identifier: string, role: 'SENDER' | 'RECEIVER') {
  // A role-less endpoint (2.1.1) counts as the Sender.
  return endpoints.find(
    (e) => e.identifier === identifier && (e.role === role || (role === 'SENDER' && e.role === null)),
  );
}

/** The endpoint to list a module on: its Sender interface. */
export function listInterface(endpoints: readonly Endpoint[], identifier: string): Result<string> {
  const sender = find(endpoints, identifier, 'SENDER');
  if (sender) return { ok: true, value: trimSlash(sender.url) };
  const receiver = find(endpoints, identifier, 'RECEIVER');
  return {
    ok: false,
    error: appError(
      'not-found',
      receiver
        ? `The server offers ${identifier} only as a Receiver interface, which cannot list.`
        : `The server offers no ${identifier} endpoint.`,
      receiver
        ? 'Give a country code and party id to fetch one by id, or use the CPO’s versions URL.'
        : 'Check that the versions URL is the right party’s, and Refresh the discovered endpoints.',
    ),
  };
}

/**
 * The interface to fetch one object by id on. With a party (country code and party id) and a Receiver
 * endpoint: a direct GET there. Otherwise the Sender: callers list around a time (sessions) or GET
 * `{url}/{id}` (locations, whose Sender has a GET by id).
 */
export function byIdInterface(
  endpoints: readonly Endpoint[],
  identifier: string,
  party: PartyRef | null,
): Result<InterfaceChoice> {
  const receiver = find(endpoints, identifier, 'RECEIVER');
  if (receiver && party)
    return { ok: true, value: { kind: 'receiver', url: trimSlash(receiver.url), ...party } };
  const sender = find(endpoints, identifier, 'SENDER');
  if (sender) return { ok: true, value: { kind: 'sender', url: trimSlash(sender.url) } };
  return {
    ok: false,
    error: appError(
      'invalid-argument',
      receiver
        ? `The ${identifier} endpoint is a Receiver interface: it needs the country code and party id.`
        : `The server offers no ${identifier} endpoint.`,
      receiver
        ? 'Give the id as CC/PARTY/ID, paste the full URL, or set country code and party id in the profile.'
        : 'Check that the versions URL is the right party’s, and Refresh the discovered endpoints.',
    ),
  };
}

/** The URL of one object on a Receiver interface: `{url}/{cc}/{party}/{id}`, each segment encoded. */
export const receiverObjectUrl = (base: string, party: PartyRef, id: string): string =>
  `${trimSlash(base)}/${encodeURIComponent(party.countryCode)}/${encodeURIComponent(party.partyId)}/${encodeURIComponent(id)}`;

/** The URL of one object on a Sender that has a GET by id (Locations, not Sessions). */
export const senderObjectUrl = (base: string, id: string): string =>
  `${trimSlash(base)}/${encodeURIComponent(id)}`;
