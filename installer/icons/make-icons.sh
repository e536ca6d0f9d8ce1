#!/usr/bin/env bash
# Regenerates the app icon in the three formats jpackage wants (Linux .png, Windows .ico, macOS .icns) from
# ImageMagick primitives, so the icon has no binary source to keep. Run from this folder; commit the results.
set -euo pipefail
cd "$(dirname "$0")"
font=$(fc-match -f '%{file}' 'DejaVu Sans:bold')

convert -size 512x512 xc:none \
  \( -size 512x512 gradient:'#14808a'-'#0b3d5c' \) \
  \( -size 512x512 xc:none -fill white -draw 'roundrectangle 16,16 495,495 96,96' \) \
  -delete 0 -compose DstIn -composite \
  -fill white -font "$font" -pointsize 230 -gravity center -annotate +0-18 'iW' \
  -fill '#f2b134' -draw 'roundrectangle 150,372 362,396 12,12' \
  -depth 8 -strip big.png
convert big.png -resize 256x256 -depth 8 -strip intowork-recruiter.png
convert big.png -define icon:auto-resize=256,64,48,32,16 intowork-recruiter.ico

# ICNS with PNG payloads (ic08 = 256 px, ic09 = 512 px), which macOS reads since 10.7; ImageMagick 6 cannot
# write ICNS.
python3 - <<'PY'
import struct
def entry(kind, path):
    data = open(path, "rb").read()
    return kind + struct.pack(">I", len(data) + 8) + data
body = entry(b"ic08", "intowork-recruiter.png") + entry(b"ic09", "big.png")
open("intowork-recruiter.icns", "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
rm big.png
