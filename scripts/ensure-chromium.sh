#!/usr/bin/env bash
# The browser tests of the H5 page drive Debian's Chromium (no browser download) with a CJK font.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then exit 0; fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium fonts-wqy-microhei >/dev/null
