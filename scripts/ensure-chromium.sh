#!/usr/bin/env bash
# The browser tests of the H5 page drive Debian's Chromium (no browser download) with a CJK font.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then exit 0; fi
source "$(dirname "$0")/apt.sh"
apt_install chromium fonts-wqy-microhei >/dev/null
