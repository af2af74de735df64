#!/bin/sh
# Copy the live page's front-end libraries and map data from node_modules (after `npm ci`, which
# package-lock.json pins) into the query service's static folder, each with its licence.
# Used by `make vendor` and by deploy/Dockerfile; the page loads nothing else from elsewhere.
#   sh deploy/vendor-assets.sh NODE_MODULES_DIR VENDOR_DIR
set -eu
modules=$1
vendor=$2

rm -rf "$vendor"
mkdir -p "$vendor/leaflet" "$vendor/leaflet.markercluster" "$vendor/uplot" \
         "$vendor/topojson-client" "$vendor/world-atlas"
# Leaflet (BSD-2-Clause): the map; its images are the default marker icons its CSS names.
cp -R "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" \
      "$modules/leaflet/dist/images" "$modules/leaflet/LICENSE" "$vendor/leaflet/"
# Leaflet.markercluster (MIT): clustered markers.
cp "$modules/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$modules/leaflet.markercluster/dist/MarkerCluster.css" \
   "$modules/leaflet.markercluster/dist/MarkerCluster.Default.css" \
   "$modules/leaflet.markercluster/MIT-LICENCE.txt" "$vendor/leaflet.markercluster/"
# uPlot (MIT): the counts timeline.
cp "$modules/uplot/dist/uPlot.iife.min.js" "$modules/uplot/dist/uPlot.min.css" \
   "$modules/uplot/LICENSE" "$vendor/uplot/"
# topojson-client (ISC): turns the TopoJSON outlines into GeoJSON in the page.
cp "$modules/topojson-client/dist/topojson-client.min.js" "$modules/topojson-client/LICENSE" \
   "$vendor/topojson-client/"
# world-atlas (ISC): Natural Earth's (public domain) 1:50m country outlines as TopoJSON.
cp "$modules/world-atlas/countries-50m.json" "$modules/world-atlas/LICENSE" "$vendor/world-atlas/"
