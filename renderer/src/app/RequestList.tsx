import { useState } from 'react';
import type { PresentedRequest } from '../../../shared/present/present-session';
import { CopyButton } from './CopyButton';

/**
 * The GETs of one user action (a fetch, a search), with the ids to quote to a partner: ours (request, and
 * the correlation id they share) and the server's own where it echoed different ones. Collapsed, and the
 * list built only when opened: a search of 400 pages is 400 rows of copy buttons.
 */
export function RequestList({ requests, testId }: { requests: PresentedRequest[]; testId: string }) {
  const [open, setOpen] = useState(false);
  if (requests.length === 0) return null;
  const correlationIds = [...new Set(requests.map((r) => r.correlationId).filter(Boolean))];
  return (
    // The copy button stays out of <summary>: an interactive control inside one is not reachable.
    <div className="request-list" data-testid={testId}>
      {correlationIds.length === 1 && (
        <div>
          correlation id <code>{correlationIds[0]}</code>
          <CopyButton text={correlationIds[0]} what="correlation id" />
        </div>
      )}
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{requests.length === 1 ? '1 request' : `${requests.length} requests`}</summary>
        {open && (
          <ul>
            {requests.map((r) => (
              <li key={r.requestId}>
                <span>HTTP {r.status}</span> <code>{r.requestId}</code>
                <CopyButton text={r.requestId} what="request id" />
                {correlationIds.length > 1 && (
                  <>
                    {' '}
                    correlation <code>{r.correlationId}</code>
                    <CopyButton text={r.correlationId} what="correlation id" />
                  </>
                )}
                {r.responseRequestId && (
                  <>
                    {' '}
                    server <code>{r.responseRequestId}</code>
                    <CopyButton text={r.responseRequestId} what="server request id" />
                  </>
                )}
                {r.responseCorrelationId && (
                  <>
                    {' '}
                    server correlation <code>{r.responseCorrelationId}</code>
                    <CopyButton text={r.responseCorrelationId} what="server correlation id" />
                  </>
                )}{' '}
                <span className="request-list__url">{r.url}</span>
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}
