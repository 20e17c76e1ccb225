#!/usr/bin/env bash
# Brings the pages' front-end files from npm (exact versions of package.json, pinned by
# package-lock.json) into src/main/resources/static/vendor, with their licences and a VERSIONS
# file. The output is committed: a build never runs this, so `mvn verify` needs no Node for the
# pages. Run it by hand after changing a version in package.json (npm install updates the lock):
#   api/src/main/web/vendor.sh
# Only built files are copied (CSS, the ECharts bundle, Latin font files), never sources.
set -euo pipefail
hier="$(cd "$(dirname "$0")" && pwd)"
doel="$hier/../resources/static/vendor"
cd "$hier"
npm ci --ignore-scripts --no-audit --no-fund
nm="$hier/node_modules"

rm -rf "$doel"
mkdir -p "$doel"

# kopieer PAKKET DOELMAP BESTAND...: the named files of one package, its licence files and its version.
kopieer() {
    local pakket="$1" map="$2"
    shift 2
    mkdir -p "$doel/$map"
    for bestand in "$@"; do
        mkdir -p "$(dirname "$doel/$map/$bestand")"
        cp "$nm/$pakket/$bestand" "$doel/$map/$bestand"
    done
    for licentie in "$nm/$pakket"/LICENSE* "$nm/$pakket"/NOTICE*; do
        [ -f "$licentie" ] && cp "$licentie" "$doel/$map/"
    done
    local versie licentienaam
    versie="$(node -p "require('$nm/$pakket/package.json').version")"
    licentienaam="$(node -p "require('$nm/$pakket/package.json').license")"
    printf '%s\t%s\t%s\t%s\n' "$pakket" "$versie" "$licentienaam" "vendor/$map" >> "$doel/VERSIONS"
}

printf 'package\tversion\tlicence\tfiles\n' > "$doel/VERSIONS"
# NL Design System: Utrecht's component CSS, themed by the example ("voorbeeld") tokens under the
# class voorbeeld-theme (Utrecht's own tokens are its brand, not for other municipalities).
kopieer @utrecht/component-library-css utrecht dist/index.css
kopieer @nl-design-system-unstable/voorbeeld-design-tokens voorbeeld-design-tokens dist/theme.css
# The steps of a zaak (MijnZaken).
kopieer @gemeente-denhaag/process-steps denhaag-process-steps dist/index.css
# Noto Sans, the voorbeeld theme's font: Latin and Latin Extended only (Dutch), normal and italic;
# the @font-face rules are in static/css/klantreis.css (the package's own name differs from the theme's).
kopieer @fontsource-variable/noto-sans noto-sans \
    files/noto-sans-latin-wght-normal.woff2 files/noto-sans-latin-wght-italic.woff2 \
    files/noto-sans-latin-ext-wght-normal.woff2 files/noto-sans-latin-ext-wght-italic.woff2
# Charts (the Sankey of the analysis pages); Apache-2.0, its NOTICE goes along.
kopieer echarts echarts dist/echarts.min.js
echo "vendored into $doel:"
cat "$doel/VERSIONS"
