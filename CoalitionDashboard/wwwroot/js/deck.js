// Keyboard control, full screen, the presenter window and the link between the two windows of a deck.
let state = null;

export function init(dotnet, slug, presenter) {
    dispose();
    const channel = "BroadcastChannel" in window ? new BroadcastChannel("deck-" + slug) : null;
    const onKey = (event) => {
        if (event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]")) {
            return;
        }
        const key = event.key;
        let action = null;
        if (key === "ArrowRight" || key === " " || key === "PageDown") action = "next";
        else if (key === "ArrowLeft" || key === "PageUp") action = "previous";
        else if (key === "Home") action = "first";
        else if (key === "End") action = "last";
        else if (key === "f" || key === "F") { toggleFullscreen(); event.preventDefault(); return; }
        else if ((key === "n" || key === "N") && !presenter) { openPresenter(); event.preventDefault(); return; }
        else if ((key === "p" || key === "P") && (event.ctrlKey || event.metaKey) && !presenter && !document.querySelector(".deck-print--copy")) {
            // Printing before the copy of every slide is there: make it, then print.
            event.preventDefault();
            dotnet.invokeMethodAsync("PreparePrint").then(() => afterCharts(() => { fit(); window.print(); }));
            return;
        }
        if (action) {
            event.preventDefault();
            dotnet.invokeMethodAsync("Move", action);
        }
    };
    document.addEventListener("keydown", onKey);
    if (channel) {
        channel.onmessage = (message) => {
            if (message.data && typeof message.data.slide === "number") {
                dotnet.invokeMethodAsync("Follow", message.data.slide);
            }
        };
    }
    state = { onKey, channel };
    fit();
    if (!presenter) {
        // The browser's own Print menu gives no time to render every slide: the copy is made then for the next
        // print, and this one says so (app.css: .deck-print-note). Ctrl+P waits for it (above).
        const beforePrint = () => {
            if (!document.querySelector(".deck-print--copy")) {
                dotnet.invokeMethodAsync("PreparePrint").catch(() => { });
                return;
            }
            fit();
            if (window.Plotly) document.querySelectorAll(".deck-print--copy .js-plotly-plot").forEach((plot) => window.Plotly.Plots.resize(plot));
        };
        window.addEventListener("beforeprint", beforePrint);
        state.beforePrint = beforePrint;
    }
    // The keys work from here on: tests and scripts wait for this mark before pressing them.
    document.documentElement.setAttribute("data-deck-ready", "true");
}

// Shows another slide's URL (and title) without fetching the page: the deck has already drawn the slide.
export function show(url, title) {
    history.pushState(history.state, "", url);
    if (title) document.title = title;
}

// Tells the other window (audience or presenter) which slide is showing.
export function announce(slide) {
    if (state && state.channel) {
        state.channel.postMessage({ slide });
    }
}

// Runs once the print copy is there and its charts drawn (or after three seconds at most).
function afterCharts(then) {
    const started = performance.now();
    const check = () => {
        const copy = document.querySelector(".deck-print--copy");
        const waiting = !copy || [...copy.querySelectorAll(".chart-panel__plot")].some((plot) => !plot.querySelector(".main-svg"));
        if (waiting && performance.now() - started < 3000) requestAnimationFrame(check);
        else then();
    };
    requestAnimationFrame(check);
}

export function dispose() {
    if (state) {
        document.documentElement.removeAttribute("data-deck-ready");
        document.removeEventListener("keydown", state.onKey);
        if (state.channel) state.channel.close();
        if (state.beforePrint) window.removeEventListener("beforeprint", state.beforePrint);
        state = null;
    }
}

function toggleFullscreen() {
    if (document.fullscreenElement) {
        document.exitFullscreen();
    } else {
        document.documentElement.requestFullscreen().catch(() => { });
    }
}

function openPresenter() {
    const url = new URL(location.href);
    url.searchParams.set("presenter", "1");
    window.open(url.toString(), "deck-presenter", "width=1280,height=800");
}

// Shrink-to-fit: a block of a slide (its text, or a widget's table or list) that reaches past the bottom of the
// slide gets smaller type (the --fit multiplier of its font sizes), step by step down to MIN_FIT, while the
// blocks that fit keep their size. A slide that still overflows is marked data-overflow, which the presenter
// view shows as a warning. Called after every render of a deck, on resize and before printing.
const MIN_FIT = 0.6;
const STEP = 0.05;

export function fit() {
    for (const body of document.querySelectorAll(".slide__body")) {
        const blocks = [...body.querySelectorAll(":scope > .slide__content > *, :scope > .slide-sources")];
        const scale = new Map(blocks.map((block) => [block, 1]));
        blocks.forEach((block) => block.style.removeProperty("--fit"));
        const limit = () => body.getBoundingClientRect().bottom - parseFloat(getComputedStyle(body).paddingBottom);
        let changed = true;
        while (changed) {
            changed = false;
            const bottom = limit();
            for (const block of blocks) {
                if (block.getBoundingClientRect().bottom > bottom + 1 && scale.get(block) > MIN_FIT + 1e-9) {
                    const next = Math.round((scale.get(block) - STEP) * 100) / 100;
                    scale.set(block, next);
                    block.style.setProperty("--fit", String(next));
                    changed = true;
                }
            }
        }
        const bottom = limit();
        const slide = body.closest(".slide");
        if (slide) {
            slide.toggleAttribute("data-overflow", blocks.some((block) => block.getBoundingClientRect().bottom > bottom + 1));
            slide.dataset.fit = String(Math.min(1, ...scale.values()));
        }
    }
}

let resizeTimer = 0;
window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(fit, 150);
});
if (document.fonts) {
    document.fonts.ready.then(fit);
}

export function print() {
    window.print();
}

// Charts are laid out for the screen; re-fit them to the printed page before printing.
export function preparePrint() {
    const prepare = () => {
        fit();
        if (window.Plotly) {
            document.querySelectorAll(".js-plotly-plot").forEach((plot) => window.Plotly.Plots.resize(plot));
        }
    };
    prepare();
    window.addEventListener("beforeprint", prepare);
    window.matchMedia("print").addEventListener("change", (query) => { if (query.matches) prepare(); });
}
