/** Every rule, in id order. Adding a rule: write rules/<name>.ts and list it here. */
import type { Rule } from '../src/engine/rule';
import unknownOption from './unknown-option';
import badBoolValue from './bad-bool-value';
import missingValue from './missing-value';
import missingEquals from './missing-equals';
import spaceAroundEquals from './space-around-equals';
import indentedComment from './indented-comment';
import utf8Bom from './utf8-bom';
import invalidInteger from './invalid-integer';
import octalInteger from './octal-integer';
import stringWhitespace from './string-whitespace';
import blankStringValue from './blank-string-value';
import crlfLineEndings from './crlf-line-endings';
import fileTooLarge from './file-too-large';
import nulByte from './nul-byte';
import emptyStringValue from './empty-string-value';
import foreignComment from './foreign-comment';
import inlineComment from './inline-comment';
// data-connection imports
import pasvDisabled from './pasv-disabled';
import pasvRangeMissing from './pasv-range-missing';
import pasvRangeInvalid from './pasv-range-invalid';
import pasvRangeSmall from './pasv-range-small';
import pasvAddressInvalid from './pasv-address-invalid';
import pasvAddressUnreachable from './pasv-address-unreachable';
import pasvAddressNat from './pasv-address-nat';
import pasvAddressIpv6 from './pasv-address-ipv6';
import pasvPromiscuous from './pasv-promiscuous';
import portPromiscuous from './port-promiscuous';
import portPromiscuousPort20 from './port-promiscuous-port-20';
import activeMode from './active-mode';
import dataConnectTimeout from './data-connect-timeout';
import dataCommandsDenied from './data-commands-denied';
// startup imports
import listenBoth from './listen-both';
import inetdMode from './inetd-mode';
import badListenAddress from './bad-listen-address';
import listenAddressIgnored from './listen-address-ignored';
import noLoginPossible from './no-login-possible';
import userlistDeniesAll from './userlist-denies-all';
import oneProcessLocal from './one-process-local';
import ftpAndHttpDisabled from './ftp-and-http-disabled';
import httpNeedsOneProcess from './http-needs-one-process';
import writableChroot from './writable-chroot';
import sslWithoutCert from './ssl-without-cert';
import sslOptionsWithoutSsl from './ssl-options-without-ssl';
import tcpWrappersUnsupported from './tcp-wrappers-unsupported';
import seccompSandbox from './seccomp-sandbox';
import emptyCriticalString from './empty-critical-string';
import missingListFile from './missing-list-file';
import pasvAddressUnresolvable from './pasv-address-unresolvable';
import cmdsListTokens from './cmds-list-tokens';
// security imports
import anonymousEnabled from './anonymous-enabled';
import anonymousWrite from './anonymous-write';
import anonWorldReadableOnly from './anon-world-readable-only';
import noAnonPassword from './no-anon-password';
import cleartextLogins from './cleartext-logins';
import oldTls from './old-tls';
import weakSslCiphers from './weak-ssl-ciphers';
import chrootLocalUsers from './chroot-local-users';
import allowWriteableChroot from './allow-writeable-chroot';
import noXferlog from './no-xferlog';
import noBanner from './no-banner';
import hideIds from './hide-ids';
import unlimitedLimits from './unlimited-limits';
import weakUmask from './weak-umask';
import weakPrivilegeSeparation from './weak-privilege-separation';
import chownUploadsRoot from './chown-uploads-root';
import proctitleDisclosure from './proctitle-disclosure';
import seccompSandboxDisabled from './seccomp-sandbox-disabled';
import isolationDisabled from './isolation-disabled';
// hygiene imports
import unusedSuppression from './unused-suppression';
import duplicateOption from './duplicate-option';
import defaultValue from './default-value';
import noEffect from './no-effect';
import indentedSetting from './indented-setting';
import nonCanonicalBool from './non-canonical-bool';
import perUserNoEffect from './per-user-no-effect';

export const RULES: readonly Rule[] = [
  unknownOption,
  badBoolValue,
  missingValue,
  missingEquals,
  spaceAroundEquals,
  indentedComment,
  utf8Bom,
  invalidInteger,
  octalInteger,
  stringWhitespace,
  blankStringValue,
  crlfLineEndings,
  fileTooLarge,
  nulByte,
  emptyStringValue,
  foreignComment,
  inlineComment,
  // data-connection
  pasvDisabled,
  pasvRangeMissing,
  pasvRangeInvalid,
  pasvRangeSmall,
  pasvAddressInvalid,
  pasvAddressUnreachable,
  pasvAddressNat,
  pasvAddressIpv6,
  pasvPromiscuous,
  portPromiscuous,
  portPromiscuousPort20,
  activeMode,
  dataConnectTimeout,
  dataCommandsDenied,
  // startup
  listenBoth,
  inetdMode,
  badListenAddress,
  listenAddressIgnored,
  noLoginPossible,
  userlistDeniesAll,
  oneProcessLocal,
  ftpAndHttpDisabled,
  httpNeedsOneProcess,
  writableChroot,
  sslWithoutCert,
  sslOptionsWithoutSsl,
  tcpWrappersUnsupported,
  seccompSandbox,
  emptyCriticalString,
  missingListFile,
  pasvAddressUnresolvable,
  cmdsListTokens,
  // security
  anonymousEnabled,
  anonymousWrite,
  anonWorldReadableOnly,
  noAnonPassword,
  cleartextLogins,
  oldTls,
  weakSslCiphers,
  chrootLocalUsers,
  allowWriteableChroot,
  noXferlog,
  noBanner,
  hideIds,
  unlimitedLimits,
  weakUmask,
  weakPrivilegeSeparation,
  chownUploadsRoot,
  proctitleDisclosure,
  seccompSandboxDisabled,
  isolationDisabled,
  // hygiene
  duplicateOption,
  defaultValue,
  noEffect,
  indentedSetting,
  nonCanonicalBool,
  unusedSuppression,
  perUserNoEffect,
];
