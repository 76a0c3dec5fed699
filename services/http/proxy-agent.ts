/**
 * The CLI's proxy: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY, read by proxy-from-env, tunnelled with
 * CONNECT by https-proxy-agent (for https and http targets alike, so the proxy never sees the token in clear
 * for https). NODE_EXTRA_CA_CERTS needs nothing here: Node adds those certificates to every TLS connection.
 * The app does not use this: it goes through Electron's net, which follows the system settings.
 */
import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';

export function proxyAgentFor(url: URL): Agent | undefined {
  const proxy = getProxyForUrl(url.href);
  return proxy ? new HttpsProxyAgent(proxy) : undefined;
}
