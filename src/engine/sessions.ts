/**
 * Who logs in with which permissions, for the security (VSF401-VSF449) and hygiene
 * (VSF501-VSF529) rules: anonymous logins, and virtual users that get the anonymous permissions.
 */
import type { EffectiveConfig } from './effective-config';

/**
 * Virtual users with anonymous privileges: with guest_enable=YES every local login becomes
 * guest_username, always chrooted, with the anon_* permissions unless virtual_use_local_privs=YES
 * (twoprocess.c common_do_login).
 */
export function virtualUsersAsAnonymous(config: EffectiveConfig): boolean {
  return config.isOn('local_enable') && config.isOn('guest_enable') && config.isOff('virtual_use_local_privs');
}

/** Whether some sessions run with the anonymous permissions: anonymous logins or such virtual users. */
export function hasAnonymousSessions(config: EffectiveConfig): boolean {
  return config.isOn('anonymous_enable') || virtualUsersAsAnonymous(config);
}
