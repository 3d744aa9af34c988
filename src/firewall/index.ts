/**
 * Firewall rules from a vsftpd configuration: `firewallRules(config, backend, options)` returns
 * the text to load (nftables, iptables-restore, ufw or firewalld commands); `firewallPlan`
 * returns the ports and where they come from. Both throw FirewallError with a clear message,
 * e.g. when passive mode has no range (rule pasv-range-missing, VSF202).
 */
export { firewallRules, firewallPlan, FirewallError, FIREWALL_BACKENDS } from './rules';
export type { FirewallBackend, FirewallOptions, FirewallPlan } from './rules';
