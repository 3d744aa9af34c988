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
// data-connection imports
// startup imports
// security imports
// hygiene imports

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
  // data-connection
  // startup
  // security
  // hygiene
];
