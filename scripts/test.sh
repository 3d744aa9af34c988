#!/bin/sh
# Runs the whole test suite on a fresh Debian machine: installs the system packages the tests
# use for real (vsftpd; nftables, iptables, ufw and firewalld for the firewall and network-namespace tests;
# iproute2 for the namespaces; Neovim and Chromium for the language server and playground
# tests), the npm dependencies, builds (which type-checks everything), then
# jest.
set -eu
cd "$(dirname "$0")/.."

need_packages=""
[ -x /usr/sbin/vsftpd ] || need_packages="$need_packages vsftpd"
command -v nft >/dev/null 2>&1 || need_packages="$need_packages nftables"
command -v iptables-restore >/dev/null 2>&1 || need_packages="$need_packages iptables"
command -v ufw >/dev/null 2>&1 || need_packages="$need_packages ufw"
command -v ip >/dev/null 2>&1 || need_packages="$need_packages iproute2"
command -v openssl >/dev/null 2>&1 || need_packages="$need_packages openssl"
# curl: the independent FTP client the probe and firewall namespace tests check the ground truth with
command -v curl >/dev/null 2>&1 || need_packages="$need_packages curl"
command -v git >/dev/null 2>&1 || need_packages="$need_packages git"
command -v pre-commit >/dev/null 2>&1 || need_packages="$need_packages pre-commit"
command -v ansible-playbook >/dev/null 2>&1 || need_packages="$need_packages ansible-core"
command -v nvim >/dev/null 2>&1 || need_packages="$need_packages neovim"
[ -x /usr/bin/chromium ] || need_packages="$need_packages chromium"
# setfacl/getfacl and setfattr/getfattr: --fix keeps ACLs and extended attributes (test/security.integration.test.ts).
command -v setfacl >/dev/null 2>&1 || need_packages="$need_packages acl"
command -v setfattr >/dev/null 2>&1 || need_packages="$need_packages attr"
if [ -n "$need_packages" ]; then
  echo "test.sh: installing Debian packages:$need_packages"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need_packages
fi

# firewalld (firewall-offline-cmd and the daemon, test/firewalld.integration.test.ts): installed
# WITHOUT starting its service, which would take over this machine's firewall; the tests run
# their own daemon inside a network namespace. policy-rc.d exit 101 tells the maintainer
# scripts not to start it (kept if the machine already has one).
if ! command -v firewall-offline-cmd >/dev/null 2>&1; then
  echo "test.sh: installing Debian package firewalld (service not started)"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d
    made_policy=yes
  fi
  installed=yes
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends firewalld ||
    installed=""
  [ -z "$made_policy" ] || $SUDO rm -f /usr/sbin/policy-rc.d
  [ -n "$installed" ] || exit 1
fi

# test/node18-bundle.integration.test.ts fetches Debian 12's nodejs 18.x with apt-get download,
# which needs apt's package lists.
if ! apt-cache madison nodejs 2>/dev/null | grep -q '| 18\.'; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
fi

# Every program the integration tests drive is installed above, so one that is missing is a
# failure, not a skip (test/support/integration.ts reads CI).
export CI="${CI:-true}"

npm ci --no-audit --no-fund
# The whole suite (what `npm test` runs), in two parts: first `npm run test:unit` (the CLI build
# and every test that needs no external program), timed against its 30 s budget while the machine
# is still quiet (scripts/time-unit-tests.mjs); then the rest of the build and the integration tests.
node scripts/time-unit-tests.mjs
npm run playground
npx jest '\.integration\.test\.ts$'
# ESLint (type-aware), the Prettier check and knip (unused files, exports, dependencies).
npm run lint
# The benchmark suite in quick mode, so it cannot rot; it reports figures and asserts no times.
node dist/bench/run.js --quick --out "${TMPDIR:-/tmp}/vsftpd-lint-bench-quick.json"
