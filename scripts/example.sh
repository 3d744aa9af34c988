#!/bin/sh
# Installs vsftpd-lint from this checkout and lints the bundled example config.
# Exit status 1 is expected: the example has errors, which is what it demonstrates.
set -eu
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm run build
node dist/vsftpd-lint.js fixtures/examples/edited-vsftpd.conf
