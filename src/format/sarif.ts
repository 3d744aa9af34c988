/**
 * SARIF 2.1.0 (`--format sarif`), for GitHub code scanning and other SARIF viewers. One run:
 *
 * - `tool.driver`: name, version, informationUri, and every rule (id, name, short and full
 *   description, helpUri to docs/rules/<name>.md, default level, whether it is on by default,
 *   category);
 * - `results`: one per finding, with its rule (`ruleId`, `ruleIndex`), level (error, warning,
 *   note for info), message, location (1-based lines and columns, `endColumn` just past the last
 *   character, columns in UTF-16 code units as `columnKind` says) and, for a fixable finding, its
 *   fix as character replacements; findings hidden by `# vsftpd-lint` directives are results too,
 *   with `suppressions: [{ kind: "inSource", justification, location }]`;
 * - `invocations`: whether every file could be read (and, with --fix, written), with a
 *   notification per file that could not.
 *
 * Relative paths are relative to `%SRCROOT%`, the current directory (`originalUriBaseIds`, from
 * `FormatContext.cwd`);
 * absolute ones are file: URIs.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../rules';
import type { Finding, Fix, Severity } from '../engine/finding';
import type { Rule } from '../engine/rule';
import type { SuppressedFinding } from '../engine/rule';
import { REPOSITORY_URL, ruleHelpUri, TOOL_NAME } from './links';
import type { FileResult } from './results';
import type { FormatContext } from './names';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Readonly<Record<Severity, Level>> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(results: readonly FileResult[], context: FormatContext): string {
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id, i]));
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  const artifacts: object[] = [];
  for (const r of results) {
    const location = artifactLocation(r.path);
    if ('error' in r) {
      notifications.push({
        level: 'error',
        message: { text: `${r.path}: ${r.error}` },
        locations: [{ physicalLocation: { artifactLocation: location } }],
      });
      continue;
    }
    if (r.writeError !== undefined) {
      notifications.push({
        level: 'error',
        message: { text: `${r.path}: cannot write the fixed file (${r.writeError}); the file is unchanged` },
        locations: [{ physicalLocation: { artifactLocation: location } }],
      });
    }
    artifacts.push({ location, encoding: r.encoding === 'utf8' ? 'utf-8' : 'iso-8859-1' });
    const result = (f: Finding) => resultOf(f, location, ruleIndex);
    for (const f of r.findings) sarifResults.push(result(f));
    for (const f of r.suppressed ?? []) sarifResults.push({ ...result(f), suppressions: suppressionsOf(f, location) });
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            ...(context.toolVersion !== undefined ? { version: context.toolVersion, semanticVersion: context.toolVersion } : {}),
            informationUri: REPOSITORY_URL,
            rules: RULES.map(ruleDescriptor),
          },
        },
        ...(context.cwd !== undefined ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd + path.sep).href } } } : {}),
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
        properties: { target: context.target },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: Rule) {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.docs.what },
    help: { text: rule.docs.fix },
    helpUri: ruleHelpUri(rule.name),
    defaultConfiguration: {
      level: LEVEL[rule.severity],
      ...(rule.enabledByDefault === false ? { enabled: false } : {}),
    },
    properties: { category: rule.category, tags: [rule.category], fixable: rule.fixable },
  };
}

interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

/** A path as a SARIF URI: a file: URI when absolute, else a relative reference from %SRCROOT%. */
export function artifactLocation(file: string): ArtifactLocation {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}

function resultOf(f: Finding, location: ArtifactLocation, ruleIndex: ReadonlyMap<string, number>) {
  const index = ruleIndex.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    ...(f.fix && f.fix.edits.length > 0 ? { fixes: [fixOf(f, f.fix, location)] } : {}),
    properties: { name: f.name, category: f.category, fixable: f.fixable, ...(f.option !== null ? { option: f.option } : {}) },
  };
}

function fixOf(f: Finding, fix: Fix, location: ArtifactLocation) {
  const how = fix.safety === 'safe' ? 'Safe fix (--fix)' : 'Unsafe fix (--fix --unsafe-fixes)';
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    description: { text: `${how} for ${f.ruleId} ${f.name}` },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: edits.map((e) => ({
          deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
          ...(e.text !== '' ? { insertedContent: { text: e.text } } : {}),
        })),
      },
    ],
  };
}

function suppressionsOf(f: SuppressedFinding, location: ArtifactLocation) {
  return f.suppressions.map((s) => ({
    kind: 'inSource',
    ...(s.justification !== null ? { justification: s.justification } : {}),
    location: { physicalLocation: { artifactLocation: location, region: { startLine: s.line } } },
    properties: { directive: s.kind },
  }));
}
