#!/usr/bin/env bash
# Installs Debian packages for the scripts that need them on a fresh machine. Sourced.
#   apt_install PKG...   apt-get update + install, with sudo when not root
# test.sh starts the S3 server (which may install Ceph) while it installs Redis: two apt-gets at once fail on
# dpkg's lock ("Could not get lock /var/lib/dpkg/lock-frontend"). Ours queue on one lock file; another
# program's apt-get (an unattended upgrade) is waited for by apt itself, up to ten minutes.
apt_install() {
  local sudo="" lock=/var/tmp/complaints-apt.lock
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  flock "$lock" $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq &&
    flock "$lock" $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@"
}
