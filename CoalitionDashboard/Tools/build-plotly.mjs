#!/usr/bin/env node
// Builds the app's own plotly.js bundle: plotly's core (which includes the scatter trace) plus only the trace
// types the dashboard draws. The full plotly.js that Plotly.Blazor ships is 4.8 MB (1.1 MB compressed); this
// bundle is under a quarter of that (about 310 KB compressed), which is what keeps the first visit to a page with
// a chart small. Three cuts beyond the trace types, each checked below as it is made:
//   - the core registers only the layout components the charts use (COMPONENTS_LEFT_OUT are not: plotly asks its
//     registry for a component's methods and gets a no-op for one that is not registered);
//   - d3-geo-projection (the exotic projections) is left out: the maps use Mercator and Natural Earth, which
//     d3-geo itself provides (plots/geo/geo.js looks in d3-geo first; 'natural earth' is the one name it looks up
//     in d3-geo-projection, which only renames d3-geo's geoNaturalEarth1, so the stand-in module does the same);
//     another projection type would fail to draw;
//   - terser minifies esbuild's output a second time (7% smaller).
//
// Usage, from the repository root (needs Node.js and npm with access to the npm registry):
//
//   node CoalitionDashboard/Tools/build-plotly.mjs
//
// It installs plotly.js and esbuild into a temporary directory (nothing is installed into the repository),
// bundles the entry below with esbuild and writes
//
//   CoalitionDashboard/wwwroot/lib/plotly/plotly-dashboard.min.js            the bundle
//   CoalitionDashboard/wwwroot/lib/plotly/plotly-dashboard.min.js.LEGAL.txt  the licence comments of what is in it
//
// Plotly.Blazor loads plotly.js itself, from ./_content/Plotly.Blazor/plotly-<version>.min.js; the app answers
// that address with this bundle (Infrastructure/PlotlyBundle.cs), so PLOTLY_VERSION must stay the version that
// Plotly.Blazor was built against (7.2.0 ships plotly.js 3.7.0).
//
// Adding a chart of a new trace type (pie, heatmap, scattergeo...) or a layout component (sliders, images,
// updatemenus...): add it to TRACES or take it out of COMPONENTS_LEFT_OUT, run this script, commit both files. The browser test ChartTests checks that every trace type drawn on any page is in the bundle.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PLOTLY_VERSION = '3.7.0';
const ESBUILD_VERSION = '0.28.2';
const TERSER_VERSION = '5.51.4';
// Trace modules registered on top of plotly's core (plotly.js/lib/<name>.js). Scatter is part of the core.
const TRACES = ['bar', 'choropleth'];
// Components plotly's src/core.js registers that no chart of the dashboard uses (3D annotations, dropdown menus,
// sliders, images, range-selector buttons; the timeline's range slider stays).
const COMPONENTS_LEFT_OUT = ['annotations3d', 'updatemenus', 'sliders', 'images', 'rangeselector'];

const scriptDirectory = path.dirname(fileURLToPath(import.meta.url));
const outputDirectory = path.resolve(scriptDirectory, '..', 'wwwroot', 'lib', 'plotly');
const outputFile = path.join(outputDirectory, 'plotly-dashboard.min.js');

const temporaryDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'plotly-bundle-'));
try {
    console.log(`npm install plotly.js@${PLOTLY_VERSION} esbuild@${ESBUILD_VERSION} into ${temporaryDirectory}`);
    fs.writeFileSync(path.join(temporaryDirectory, 'package.json'), JSON.stringify({ name: 'plotly-bundle', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `plotly.js@${PLOTLY_VERSION}`, `esbuild@${ESBUILD_VERSION}`, `terser@${TERSER_VERSION}`], {
        cwd: temporaryDirectory,
        stdio: 'inherit',
    });
    // esbuild's own binary comes as an optional dependency, which --ignore-scripts leaves in place.
    const require = createRequire(path.join(temporaryDirectory, 'package.json'));
    const esbuild = require('esbuild');

    // plotly's core, less the components no chart uses: a copy of src/core.js next to it (so its relative
    // requires resolve), each left-out registration line removed, and refused if one is not found.
    const plotlySource = path.join(temporaryDirectory, 'node_modules', 'plotly.js', 'src');
    let core = fs.readFileSync(path.join(plotlySource, 'core.js'), 'utf8');
    for (const component of COMPONENTS_LEFT_OUT) {
        const line = `    require('./components/${component}'),\n`;
        if (!core.includes(line)) {
            throw new Error(`plotly.js ${PLOTLY_VERSION} src/core.js does not register ./components/${component} as expected`);
        }
        core = core.replace(line, '');
    }
    fs.writeFileSync(path.join(plotlySource, 'core-dashboard.js'), core);

    const entry = path.join(temporaryDirectory, 'entry.js');
    fs.writeFileSync(entry, [
        "'use strict';",
        "var Plotly = require('plotly.js/src/core-dashboard');",
        `Plotly.register([${TRACES.map(t => `require('plotly.js/lib/${t}')`).join(', ')}]);`,
        'module.exports = Plotly;',
        '',
    ].join('\n'));

    // plotly.js requires maplibre's stylesheet only when a 'map' subplot is registered, which this bundle never
    // does: resolve it to nothing instead of emitting a 64 KB CSS file next to the bundle.
    // d3-geo-projection is resolved to a stand-in that has only its alias of a d3-geo projection (see the top).
    const leftOut = {
        name: 'left-out-modules',
        setup(build) {
            build.onResolve({ filter: /maplibre-gl\.css$/ }, args => ({ path: args.path, namespace: 'empty' }));
            build.onResolve({ filter: /^d3-geo-projection$/ }, args => ({ path: args.path, namespace: 'projections' }));
            build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
            build.onLoad({ filter: /.*/, namespace: 'projections' }, args => ({
                contents: "var d3Geo = require('d3-geo'); module.exports = { geoNaturalEarth: d3Geo.geoNaturalEarth1 };",
                loader: 'js',
                resolveDir: path.join(temporaryDirectory, 'node_modules', 'plotly.js', 'src', 'plots', 'geo'),
            }));
        },
    };

    fs.mkdirSync(outputDirectory, { recursive: true });
    await esbuild.build({
        absWorkingDir: temporaryDirectory,
        entryPoints: [entry],
        outfile: outputFile,
        bundle: true,
        minify: true,
        format: 'iife',
        globalName: 'Plotly',
        target: 'es2016',
        // The same settings as plotly.js's own esbuild-config.js.
        define: { global: 'window', 'define.amd': 'false' },
        alias: { stream: 'stream-browserify' },
        legalComments: 'external',
        banner: { js: `/*! plotly.js ${PLOTLY_VERSION} (MIT, Plotly, Inc.): core + ${TRACES.join(', ')}. Built by CoalitionDashboard/Tools/build-plotly.mjs; licences in plotly-dashboard.min.js.LEGAL.txt */` },
        plugins: [leftOut],
        logLevel: 'info',
    });
    // A second minification; terser keeps the /*! banner.
    const { minify } = require('terser');
    const minified = await minify(fs.readFileSync(outputFile, 'utf8'), {
        compress: { passes: 2 },
        mangle: true,
        format: { comments: /^!/ },
    });
    fs.writeFileSync(outputFile, minified.code);
    // plotly.js's own licence first, then the licence comments esbuild collected from the bundled modules.
    const legal = outputFile + '.LEGAL.txt';
    const collected = fs.existsSync(legal) ? fs.readFileSync(legal, 'utf8') : '';
    const plotlyLicence = fs.readFileSync(path.join(temporaryDirectory, 'node_modules', 'plotly.js', 'LICENSE'), 'utf8');
    fs.writeFileSync(legal, `plotly.js ${PLOTLY_VERSION}:\n\n${plotlyLicence.trim()}\n\n${collected}`);
    console.log(`${path.relative(process.cwd(), outputFile)}  ${fs.statSync(outputFile).size.toLocaleString('en-US')} bytes`);
} finally {
    fs.rmSync(temporaryDirectory, { recursive: true, force: true });
}
