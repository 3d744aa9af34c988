/**
 * Share links: the playground's state travels in the URL fragment, never to a server.
 * `#config=<base64url of the UTF-8 text>`, with `&target=<build>` and `&per-user=1` when they
 * differ from the defaults. Pure (TextEncoder, btoa/atob), so it is unit-tested in Node too.
 */

export interface SharedState {
  readonly config: string;
  /** A build id, or undefined for the default build. */
  readonly target?: string;
  readonly perUser: boolean;
}

/** base64url (RFC 4648 section 5, no padding) of the text's UTF-8 bytes. */
export function encodeConfig(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text of a base64url value (padding optional); undefined when it is not base64url. */
export function decodeConfig(value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(value) || value.replace(/=+$/, '').length % 4 === 1) return undefined;
  const binary = atob(value.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  // ignoreBOM: a byte order mark is part of the config (vsftpd reads it into the first name).
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** The fragment (without "#") for a state. */
export function toFragment(state: SharedState, defaultTarget: string): string {
  const parts = [`config=${encodeConfig(state.config)}`];
  if (state.target !== undefined && state.target !== defaultTarget) parts.push(`target=${encodeURIComponent(state.target)}`);
  if (state.perUser) parts.push('per-user=1');
  return parts.join('&');
}

/** The state in a fragment ("#" optional), or undefined when it carries no readable config. */
export function fromFragment(fragment: string): SharedState | undefined {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const encoded = params.get('config');
  const config = encoded === null ? undefined : decodeConfig(encoded);
  if (config === undefined) return undefined;
  return { config, target: params.get('target') ?? undefined, perUser: params.get('per-user') === '1' };
}
