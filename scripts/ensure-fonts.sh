#!/usr/bin/env bash
# The PDF documents (附件1–3) embed a CJK font; Debian's fonts-wqy-microhei provides one. It is a
# TrueType collection: api/Complaints.Api/Documents/DocumentFonts.cs uses its first face (Documents:FontPath).
set -euo pipefail
font=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
[ -f "$font" ] && exit 0
source "$(dirname "$0")/apt.sh"
apt_install fonts-wqy-microhei >/dev/null
