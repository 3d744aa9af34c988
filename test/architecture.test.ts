/**
 * The module boundaries ARCHITECTURE.md describes, read from the import statements of every
 * source file (static imports, `export ... from`, `import type`, and dynamic `import()`):
 *
 *   parser  <- schema <- engine <- rules <- library (src/lint.ts, src/index.ts, fix, firewall,
 *   probe, format) <- applications (cli, lsp, playground, docs)
 *
 * - each layer imports only itself and the layers to its left;
 * - the engine imports no rule: callers pass the registry in (src/lint.ts passes RULES);
 * - the engine has no import cycle, type-only imports included;
 * - no file system, process, terminal or network below the applications (the probe, an FTP
 *   client, may use net and tls), so that one core bundle runs in a browser;
 * - the CLI uses only the public API: whatever it imports from outside src/cli is a name
 *   src/index.ts exports (it imports the defining module directly, so that a run loads only what
 *   it uses), except the few CLI-side modules listed in CLI_SIDE.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

type Layer = 'parser' | 'schema' | 'engine' | 'rules' | 'library' | 'application';
const ORDER: readonly Layer[] = ['parser', 'schema', 'engine', 'rules', 'library', 'application'];

/** CLI-side I/O that lives beside the fixer (it writes --fix's output): part of the CLI. */
const CLI_IN_FIX = 'src/fix/write-file.ts';

function layerOf(file: string): Layer {
  if (file.startsWith('rules/')) return 'rules';
  if (file === CLI_IN_FIX) return 'application';
  const [, top] = file.split('/');
  if (top === 'parser' || top === 'schema' || top === 'engine') return top;
  if (['fix', 'firewall', 'probe', 'format', 'lint.ts', 'index.ts'].includes(top)) return 'library';
  return 'application';
}

/** The probe is an FTP client: network, and nothing else. */
const PROBE_IO = ['net', 'tls'];
const NODE_IO = new Set([
  'fs',
  'fs/promises',
  'child_process',
  'net',
  'tls',
  'dgram',
  'http',
  'https',
  'http2',
  'os',
  'readline',
  'tty',
  'worker_threads',
  'cluster',
  'process',
]);

/** Modules outside src/cli that the CLI may import although they are not the public API. */
const CLI_SIDE = new Set(['src/fix/write-file.ts', 'src/lsp/server.ts', 'src/lsp/language.ts']);

interface Import {
  readonly from: string;
  /** Repository-relative path of a local module, or the bare specifier of a package/builtin. */
  readonly to: string;
  readonly local: boolean;
  /** Imported names (undefined: the whole module, e.g. `import * as`, `export *`, `import()`). */
  readonly names: readonly string[] | undefined;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

function resolveLocal(from: string, specifier: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

const parsed = new Map<string, ts.SourceFile>();
function parseFile(file: string): ts.SourceFile {
  let source = parsed.get(file);
  if (!source) {
    source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    parsed.set(file, source);
  }
  return source;
}

function importsOf(file: string): Import[] {
  const result: Import[] = [];
  const add = (specifier: string, names: readonly string[] | undefined) => {
    const local = specifier.startsWith('.');
    result.push({ from: file, to: local ? resolveLocal(file, specifier) : specifier.replace(/^node:/, ''), local, names });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const names =
        bindings && ts.isNamedImports(bindings)
          ? bindings.elements.map((e) => (e.propertyName ?? e.name).text)
          : clause?.name
            ? ['default']
            : undefined;
      add(node.moduleSpecifier.text, names);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      add(
        node.moduleSpecifier.text,
        clause && ts.isNamedExports(clause) ? clause.elements.map((e) => (e.propertyName ?? e.name).text) : undefined,
      );
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) add(arg.text, undefined);
    }
    ts.forEachChild(node, visit);
  };
  visit(parseFile(file));
  return result;
}

/** Whether a file uses the `process` global (an identifier `process` not declared locally). */
function usesProcess(file: string): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    // `process.x`: the global (a local named process would be unusual enough to rename).
    if (ts.isIdentifier(node) && node.text === 'process' && ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) {
      found = true;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(parseFile(file));
  return found;
}

/** The names a module exports, following `export *` and `export { } from`. */
function exportedNames(file: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(file)) return names;
  seen.add(file);
  for (const statement of parseFile(file).statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) for (const e of clause.elements) names.add(e.name.text);
      else if (!clause && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        for (const name of exportedNames(resolveLocal(file, statement.moduleSpecifier.text), seen)) names.add(name);
      }
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      names.add((statement.name as ts.Identifier).text);
    }
  }
  return names;
}

/** Which module defines each public name: the public API is src/index.ts's exports. */
function publicDefinitions(): Map<string, Set<string>> {
  const byModule = new Map<string, Set<string>>();
  const note = (module: string, name: string) => {
    const set = byModule.get(module) ?? new Set<string>();
    set.add(name);
    byModule.set(module, set);
  };
  const follow = (file: string, wanted: readonly string[] | undefined, seen: Set<string>) => {
    // A module re-exporting names counts as a public way to reach them too.
    for (const name of wanted ?? exportedNames(file)) note(file, name);
    if (seen.has(file)) return;
    seen.add(file);
    for (const statement of parseFile(file).statements) {
      if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const target = resolveLocal(file, statement.moduleSpecifier.text);
      const clause = statement.exportClause;
      const names = clause && ts.isNamedExports(clause) ? clause.elements.map((e) => (e.propertyName ?? e.name).text) : undefined;
      if (names && wanted && !names.some((n) => wanted.includes(n))) continue;
      follow(target, names, new Set(seen));
    }
  };
  follow('src/index.ts', undefined, new Set());
  return byModule;
}

const FILES = [...sourceFiles('src'), ...sourceFiles('rules')];
const IMPORTS = FILES.flatMap(importsOf);

describe('module boundaries', () => {
  test('each layer imports only itself and the layers below it', () => {
    const violations = IMPORTS.filter((i) => i.local && ORDER.indexOf(layerOf(i.to)) > ORDER.indexOf(layerOf(i.from))).map(
      (i) => `${i.from} (${layerOf(i.from)}) imports ${i.to} (${layerOf(i.to)})`,
    );
    expect(violations).toEqual([]);
  });

  test('the parser imports nothing outside itself, the schema nothing but the parser', () => {
    const violations = IMPORTS.filter(
      (i) =>
        (layerOf(i.from) === 'parser' && (!i.local || layerOf(i.to) !== 'parser')) ||
        (layerOf(i.from) === 'schema' && i.local && !['parser', 'schema'].includes(layerOf(i.to))),
    ).map((i) => `${i.from} imports ${i.to}`);
    expect(violations).toEqual([]);
  });

  test('the engine imports no rule (the caller passes the registry)', () => {
    expect(
      IMPORTS.filter((i) => layerOf(i.from) === 'engine' && layerOf(i.to) === 'rules').map((i) => `${i.from} imports ${i.to}`),
    ).toEqual([]);
  });

  test('rules import only the engine, the schema, the parser and each other', () => {
    const violations = IMPORTS.filter(
      (i) => layerOf(i.from) === 'rules' && (!i.local || !['parser', 'schema', 'engine', 'rules'].includes(layerOf(i.to))),
    );
    expect(violations.map((i) => `${i.from} imports ${i.to}`)).toEqual([]);
  });

  test('src/engine has no import cycle, type-only imports included', () => {
    const graph = new Map<string, string[]>();
    for (const i of IMPORTS) {
      if (layerOf(i.from) !== 'engine' || !i.local || layerOf(i.to) !== 'engine') continue;
      graph.set(i.from, [...(graph.get(i.from) ?? []), i.to]);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (file: string, stack: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) walk(next, [...stack, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) walk(file, []);
    expect(cycles).toEqual([]);
  });

  test('no file system, process, terminal or network below the applications', () => {
    const violations: string[] = [];
    for (const file of FILES) {
      const layer = layerOf(file);
      if (layer === 'application') continue;
      const allowed = file.startsWith('src/probe/') ? PROBE_IO : [];
      for (const i of IMPORTS.filter((imp) => imp.from === file && !imp.local)) {
        if (NODE_IO.has(i.to) && !allowed.includes(i.to)) violations.push(`${file} imports ${i.to}`);
      }
      if (usesProcess(file)) violations.push(`${file} uses process`);
    }
    expect(violations).toEqual([]);
  });

  test('the CLI uses only the public API (names src/index.ts exports)', () => {
    const publicNames = publicDefinitions();
    const violations: string[] = [];
    for (const i of IMPORTS) {
      if (!i.from.startsWith('src/cli/') || !i.local || i.to.startsWith('src/cli/') || CLI_SIDE.has(i.to)) continue;
      const offered = publicNames.get(i.to);
      if (!offered) {
        violations.push(`${i.from} imports ${i.to}, which is not part of the public API`);
        continue;
      }
      for (const name of i.names ?? []) {
        if (!offered.has(name)) violations.push(`${i.from} imports ${name} from ${i.to}, which src/index.ts does not export`);
      }
    }
    expect(violations).toEqual([]);
  });
});
