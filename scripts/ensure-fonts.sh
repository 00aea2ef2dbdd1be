#!/usr/bin/env bash
# The PDF documents (附件1–3) embed a CJK font; Debian's fonts-wqy-microhei provides one. It is a
# TrueType collection: api/Complaints.Api/Documents/DocumentFonts.cs uses its first face (Documents:FontPath).
set -euo pipefail
font=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
[ -f "$font" ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-wqy-microhei >/dev/null
