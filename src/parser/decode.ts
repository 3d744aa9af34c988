import type { Encoding } from './document';

/**
 * Text from a config file's bytes, as vsftpd-lint reads every file: UTF-8 when the bytes are valid
 * UTF-8, else latin1 (one character per byte, so nothing is lost and byte offsets stay exact).
 * The BOM is kept: it is a finding, not a detail of decoding. Pure (no Buffer), so it runs in a
 * browser too.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    // TextDecoder's 'latin1' is windows-1252, which maps 0x80-0x9f elsewhere: decode by hand.
    let text = '';
    const CHUNK = 0x2000;
    for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
    return { text, encoding: 'latin1' };
  }
}
