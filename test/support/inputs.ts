/**
 * Every config text the suite-wide properties run on: the fixtures, the rule docs' examples, the
 * real-world corpus and seeded generated configs. Each comes with the build it is about.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../src';
import { exampleText } from '../../src/docs/example-text';
import { CORPUS_DIR, corpusFiles } from './corpus';
import { configSeed, generateConfig } from './generate-config';

export interface Input {
  /** Where the text comes from, for failure messages. */
  readonly label: string;
  readonly text: string;
  /** The build it is about; undefined: the default. */
  readonly target?: string;
}

const FIXTURES_DIR = path.resolve(__dirname, '../../fixtures');

/** fixtures/**\/*.conf; a directory with a `target` file names the build its files are for. */
export function fixtureInputs(): Input[] {
  return fs
    .readdirSync(FIXTURES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((relative) => relative.endsWith('.conf'))
    .sort()
    .map((relative) => {
      const targetFile = path.join(FIXTURES_DIR, path.dirname(relative), 'target');
      const target = fs.existsSync(targetFile) ? fs.readFileSync(targetFile, 'utf8').trim() : undefined;
      return { label: `fixtures/${relative}`, text: fs.readFileSync(path.join(FIXTURES_DIR, relative), 'latin1'), target };
    });
}

/** Both examples of every rule's docs, as the text they stand for. */
export function exampleInputs(): Input[] {
  return RULES.flatMap((rule) =>
    (['bad', 'good'] as const).map((kind) => ({
      label: `${rule.name} docs example (${kind})`,
      text: exampleText(rule.docs.example[kind]),
      target: rule.docs.example.target,
    })),
  );
}

export function corpusInputs(): Input[] {
  return corpusFiles().map((file) => ({
    label: `corpus ${file}`,
    text: fs.readFileSync(path.join(CORPUS_DIR!, file), 'latin1'),
  }));
}

const GENERATED_SEED = 0x7a57f1e5;

export function generatedInputs(count: number, seed = GENERATED_SEED): Input[] {
  return Array.from({ length: count }, (_, i) => {
    const configSeedValue = configSeed(seed, i);
    return { label: `generateConfig(${configSeedValue})`, text: generateConfig(configSeedValue) };
  });
}
