/** Text for --list-rules and --explain, built from the rules' own metadata. */
import kleur from 'kleur';
import type { Rule } from '../engine/rule';

const WIDTH = 80;

/** The rule with this id (any case) or name, or undefined. */
export function findRule(rules: readonly Rule[], idOrName: string): Rule | undefined {
  const key = idOrName.trim().toLowerCase();
  return rules.find((r) => r.id.toLowerCase() === key || r.name === key);
}

export function listRules(rules: readonly Rule[]): string {
  const header = ['ID', 'NAME', 'CATEGORY', 'SEVERITY', 'FIXABLE', 'DEFAULT', 'SUMMARY'];
  const rows = rules.map((r) => [r.id, r.name, r.category, r.severity, r.fixable, onOff(r), r.summary]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const format = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  return [kleur.bold(format(header)), ...rows.map(format)].join('\n') + '\n';
}

const onOff = (rule: Rule) => (rule.enabledByDefault === false ? 'off' : 'on');

export function explainRule(rule: Rule): string {
  const { docs } = rule;
  const fix = rule.fixable === 'none' ? 'no automatic fix' : `${rule.fixable} fix`;
  const traits = [rule.category, rule.severity, fix, `${onOff(rule)} by default`].join(', ');
  const section = (title: string, body: string) => [kleur.bold(title), ...indent(body)];
  const sources = rule.sources?.length ? ['', kleur.bold('Sources'), ...rule.sources.flatMap(indent)] : [];
  return (
    [
      `${kleur.bold(`${rule.id} ${rule.name}`)}  (${traits})`,
      ...wrap(rule.summary, WIDTH),
      '',
      ...section('What it finds', docs.what),
      '',
      ...section('Why it matters', docs.why),
      '',
      ...section('Prevents', docs.prevents),
      '',
      kleur.bold(docs.example.target ? `Example (--target ${docs.example.target})` : 'Example'),
      '  Bad:',
      ...docs.example.bad.split('\n').map((l) => `    ${l}`),
      '  Good:',
      ...docs.example.good.split('\n').map((l) => `    ${l}`),
      '',
      ...section('Fix', docs.fix),
      ...sources,
    ].join('\n') + '\n'
  );
}

function indent(text: string): string[] {
  return wrap(text, WIDTH - 2).map((l) => `  ${l}`);
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}
