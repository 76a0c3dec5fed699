#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring) on a private D-Bus session, so keytar
# talks to a real keychain in tests and CI without touching the user's own keyring.
set -euo pipefail
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- bash "$0" "$@"
fi
HOME="$(mktemp -d)"
export HOME
mkdir -p "$HOME/.local/share/keyrings"
# The daemon prints GNOME_KEYRING_CONTROL=… lines for the environment.
eval "$(echo -n pw | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
# keytar is built against the installed Node headers (no download): keep that for any rebuild.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
exec "$@"
