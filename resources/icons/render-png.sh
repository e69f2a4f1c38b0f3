#!/usr/bin/env bash
# Renders xms.svg into the PNG sizes the hicolor theme and the window use (committed, so neither the build
# nor the app needs an SVG renderer). Run after changing xms.svg; needs rsvg-convert (librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --output "xms-$size.png" xms.svg
done
