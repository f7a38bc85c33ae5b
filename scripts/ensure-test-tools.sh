#!/usr/bin/env bash
# Before `npm test`: the browser tests need Debian's chromium, the manifest test needs xmllint, the print test
# needs poppler's pdfinfo/pdftotext (with LibreOffice, which .ci/run installs).
# As root with apt-get (CI, fresh machines here) they are installed; otherwise this says how.
set -u
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# A CJK font, so that the screenshots the browser test takes show Chinese rather than boxes.
fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk' || [ -d /usr/share/fonts/truetype/wqy ] || missing+=(fonts-wqy-zenhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the browser, manifest and print tests (apt-get)…"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
fi
echo "The tests need: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
exit 1
