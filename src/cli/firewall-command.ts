/**
 * `vsftpd-lint firewall FILE --backend nftables|iptables|ufw|firewalld`: prints the firewall rules
 * the config needs, from the firewall library (src/firewall). This module only wires it to a file
 * and a terminal: flags, reading the file (readSource: "-" is stdin, one-line errors), and the
 * exit status: 0 rules printed; 2 for anything that leaves no rules (a usage error, a file that
 * cannot be read, a config the library refuses, e.g. passive mode without a range).
 *
 * Loaded by run.ts only for `firewall`, so plain linting never loads it.
 */
import type { FirewallBackend as Backend } from '../firewall';
import { EXIT_CLEAN, EXIT_ERROR } from './exit-codes';
import { describeSourceError, readSource } from './read-source';
import type { CliIO } from './io';
import { parseWithHouseStyle, UsageError } from './usage';
import { escapeText } from '../engine/text';

const EPILOGUE = `Opens what the EFFECTIVE config needs: the control port (listen_port), the passive range
vsftpd really uses (pasv_min_port-pasv_max_port), and source port 20 for active mode when
port_enable and connect_from_port_20 are on; comments say where each number comes from and how
to load the rules (nft -f, iptables-restore --noflush, sh for ufw and firewalld).

A config with passive mode on and no pasv_min_port/pasv_max_port is refused: vsftpd would use
any port up to 65535, which no firewall should open (rule pasv-range-missing, VSF202; fix it with
vsftpd-lint --fix --unsafe-fixes, or set pasv_enable=NO).

Exit status:
  0  the rules were printed
  2  no rules: a usage error, a file that could not be read, or a config that cannot be turned
     into rules (no passive range, a line vsftpd stops at); the reason is one line on stderr`;

interface FirewallArgs {
  readonly file: string;
  readonly backend: Backend;
  readonly target: string;
  readonly table: string | undefined;
  readonly inputChain: string | undefined;
  readonly outputChain: string | undefined;
  readonly zone: string | undefined;
}

/** Runs `vsftpd-lint firewall ARGV...`; resolves to the exit status. */
export async function runFirewall(argv: readonly string[], io: CliIO): Promise<number> {
  const complain = (message: string) => io.stderr.write(`vsftpd-lint: ${message}\n`);
  let args: FirewallArgs | undefined;
  try {
    args = await parseFirewallArgs(argv, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    complain(err.message);
    return EXIT_ERROR;
  }
  if (!args) return EXIT_CLEAN; // --help was printed

  const read = await readSource(args.file, io);
  if (!read.ok) {
    complain(describeSourceError(read.error));
    return EXIT_ERROR;
  }
  const { source } = read;
  const { firewallRules, FirewallError } = await import('../firewall');
  const { parse } = await import('../parser/parse');
  let rules: string;
  try {
    rules = firewallRules(parse(source.text, { encoding: source.encoding }), args.backend, {
      target: args.target,
      path: source.path,
      ...(args.table !== undefined ? { nftTable: args.table } : {}),
      ...(args.backend === 'nftables' && args.inputChain !== undefined ? { nftInputChain: args.inputChain } : {}),
      ...(args.backend === 'nftables' && args.outputChain !== undefined ? { nftOutputChain: args.outputChain } : {}),
      ...(args.backend === 'iptables' && args.inputChain !== undefined ? { iptablesInputChain: args.inputChain } : {}),
      ...(args.backend === 'iptables' && args.outputChain !== undefined ? { iptablesOutputChain: args.outputChain } : {}),
      ...(args.zone !== undefined ? { firewalldZone: args.zone } : {}),
    });
  } catch (err) {
    if (!(err instanceof FirewallError)) throw err;
    complain(`${escapeText(source.path)}: ${err.message}`);
    return EXIT_ERROR;
  }
  io.stdout.write(rules);
  return EXIT_CLEAN;
}

async function parseFirewallArgs(argv: readonly string[], io: CliIO): Promise<FirewallArgs | undefined> {
  const { default: yargs } = await import('yargs');
  const { BUILD_IDS } = await import('../schema/options');
  const { DEFAULT_TARGET, TARGET_ALIASES } = await import('../schema/targets');
  const { FIREWALL_BACKENDS } = await import('../firewall');
  const parser = yargs([...argv])
    .scriptName('vsftpd-lint')
    .usage(
      '$0 firewall FILE --backend nftables|iptables|ufw|firewalld [options]\n\n' +
        'Print the firewall rules a vsftpd.conf needs, for the server\'s own firewall. "-" reads ' +
        'standard input.',
    )
    .option('backend', {
      choices: FIREWALL_BACKENDS,
      requiresArg: true,
      describe: 'Firewall to write the rules for',
    })
    .option('target', {
      choices: [...BUILD_IDS, ...Object.keys(TARGET_ALIASES)],
      default: DEFAULT_TARGET,
      requiresArg: true,
      describe: 'vsftpd build to read the file as (a build id or alias)',
    })
    .option('table', {
      type: 'string',
      requiresArg: true,
      describe: 'nftables: the table to add to, "FAMILY NAME" (default "inet filter")',
    })
    .option('input-chain', {
      type: 'string',
      requiresArg: true,
      describe: 'nftables/iptables: the chain for incoming packets (default input / INPUT)',
    })
    .option('output-chain', {
      type: 'string',
      requiresArg: true,
      describe: 'nftables/iptables: the chain for outgoing packets (default output / OUTPUT)',
    })
    .option('zone', {
      type: 'string',
      requiresArg: true,
      describe: 'firewalld: the zone (default: the default zone)',
    })
    .example('$0 firewall ftp.conf --backend nftables', 'nftables rules (load: nft -f FILE)')
    .example('$0 firewall ftp.conf --backend iptables', 'iptables-restore --noflush input')
    .example('$0 firewall ftp.conf --backend ufw', 'ufw commands (run: sh FILE)')
    .example('$0 firewall - --backend firewalld', 'firewall-cmd commands; config on stdin')
    .epilogue(EPILOGUE)
    .version(false);

  const args = parseWithHouseStyle(parser, argv, false, io.stdout);
  if (args.help) return undefined;
  const files = args._.map(String);
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0
        ? 'firewall needs a config file: vsftpd-lint firewall FILE --backend BACKEND (see --help)'
        : 'firewall takes one config file (see --help)',
    );
  }
  const backend = args.backend;
  if (backend === undefined) {
    throw new UsageError(`firewall needs --backend ${FIREWALL_BACKENDS.join('|')} (see --help)`);
  }
  const only = (flag: string, allowed: readonly Backend[]) => {
    if (!allowed.includes(backend)) throw new UsageError(`--${flag} applies to --backend ${allowed.join(' or ')} only (see --help)`);
  };
  if (args.table !== undefined) only('table', ['nftables']);
  if (args.inputChain !== undefined) only('input-chain', ['nftables', 'iptables']);
  if (args.outputChain !== undefined) only('output-chain', ['nftables', 'iptables']);
  if (args.zone !== undefined) only('zone', ['firewalld']);
  return {
    file: files[0],
    backend,
    target: args.target,
    table: args.table,
    inputChain: args.inputChain,
    outputChain: args.outputChain,
    zone: args.zone,
  };
}
