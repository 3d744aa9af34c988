/**
 * The probe's credentials as untrusted input: a user name or password with a line break or NUL
 * would end the USER/PASS command early and inject the rest as commands of its own, so it is
 * refused; and every form in which a password can come back (as sent, as a server that reads
 * bytes as Latin-1 shows UTF-8, escaped for printing, URL-encoded) is masked in the report.
 */
import { escapeText } from '../engine/text';

/** Throws a RangeError naming `what` (never the value) when `value` could inject commands. */
export function checkCredential(what: 'user' | 'password', value: string | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'string') throw new RangeError(`probe: the ${what} is not a string`);
  if (/[\r\n\0]/.test(value)) {
    throw new RangeError(`probe: the ${what} contains a line break (CR/LF) or NUL, which would inject FTP commands: refused`);
  }
}

/** Replaces every echoed form of `secret` by "****"; the identity when there is no secret. */
export function secretMask(secret: string): (text: string) => string {
  if (!secret) return (text) => text;
  const latin1 = Buffer.from(secret, 'utf8').toString('latin1');
  const forms = [...new Set([secret, latin1, escapeText(secret), escapeText(latin1), encodeURIComponent(secret)])]
    .filter((form) => form !== '')
    .sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((masked, form) => masked.split(form).join('****'), text);
}
