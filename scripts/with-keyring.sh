#!/usr/bin/env bash
# Runs a command with a Secret Service for keytar. Only Linux needs help, and only when none is reachable
# (CI, containers, a desktop without gnome-keyring): then a private D-Bus session with a fresh, unlocked
# gnome-keyring is started for the command, so tests never touch the user's own keyring. Elsewhere (macOS,
# Windows, a Linux desktop whose Secret Service answers) the command runs as it is. If gnome-keyring or
# dbus-run-session is missing, the command still runs: keychain tests then skip with the reason (under
# CI=true they fail instead).
set -euo pipefail

secret_service_reachable() {
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || return 1
  command -v dbus-send >/dev/null || return 1
  dbus-send --session --print-reply --reply-timeout=2000 --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

if [ "$(uname -s)" != "Linux" ] || secret_service_reachable; then
  exec "$@"
fi
if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-run-session >/dev/null; then
  echo "with-keyring: no Secret Service and no gnome-keyring/dbus-run-session to start one; running without." >&2
  exec "$@"
fi
if [ -z "${WITH_KEYRING_PRIVATE_BUS:-}" ]; then
  # A private session bus (the current one, if any, has no Secret Service or does not answer).
  WITH_KEYRING_PRIVATE_BUS=1 exec dbus-run-session -- bash "$0" "$@"
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
