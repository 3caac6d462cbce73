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
    // The keys work from here on: tests and scripts wait for this mark before pressing them.
    document.documentElement.setAttribute("data-deck-ready", "true");
}

// Tells the other window (audience or presenter) which slide is showing.
export function announce(slide) {
    if (state && state.channel) {
        state.channel.postMessage({ slide });
    }
}

export function dispose() {
    if (state) {
        document.documentElement.removeAttribute("data-deck-ready");
        document.removeEventListener("keydown", state.onKey);
        if (state.channel) state.channel.close();
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

export function print() {
    window.print();
}

// Charts are laid out for the screen; re-fit them to the printed page before printing.
export function preparePrint() {
    const fit = () => {
        if (window.Plotly) {
            document.querySelectorAll(".js-plotly-plot").forEach((plot) => window.Plotly.Plots.resize(plot));
        }
    };
    window.addEventListener("beforeprint", fit);
    window.matchMedia("print").addEventListener("change", (query) => { if (query.matches) fit(); });
}
