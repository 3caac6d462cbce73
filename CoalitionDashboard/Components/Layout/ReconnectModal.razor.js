// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

// A deck on a projector must never show the audience an error dialog: while the circuit is gone the slide
// stays on screen, and once the server answers again the page reloads on the same slide (it is in the URL).
const isDeck = location.pathname.startsWith("/briefings/");
let reloadScheduled = false;

function reloadWhenServerIsBack() {
    if (reloadScheduled) {
        return;
    }
    reloadScheduled = true;
    const attempt = async () => {
        try {
            const response = await fetch("healthz", { cache: "no-store" });
            if (response.ok) {
                location.reload();
                return;
            }
        } catch {
            // Still down (laptop asleep, network gone): try again.
        }
        setTimeout(attempt, 1500);
    };
    attempt();
}

function handleReconnectStateChanged(event) {
    // What the reconnection is doing (show, retrying, failed, rejected, hide), for tests and diagnostics to wait on.
    document.documentElement.dataset.reconnectState = event.detail.state;
    if (isDeck) {
        if (event.detail.state === "failed" || event.detail.state === "rejected") {
            reloadWhenServerIsBack();
        }
        return;
    }
    // The pages are rendered on the server: while the circuit is away only the islands (filter bar, charts, grids)
    // wait for it, and the text and links keep working. No dialog covers the page while Blazor reconnects; when it
    // cannot, the islands resume on a new circuit (or, failing that, the page reloads itself).
    if (event.detail.state === "show" || event.detail.state === "retrying") {
        return;
    }
    if (event.detail.state === "hide") {
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        if (document.visibilityState === "visible") {
            retry();
        } else {
            document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        }
    } else if (event.detail.state === "rejected") {
        resumeOrReload();
    }
}

async function resumeOrReload() {
    try {
        if (await Blazor.resumeCircuit()) {
            return;
        }
    } catch {
        // The server is not reachable yet: the reload below waits for it.
    }
    reloadWhenServerIsBack();
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available.
            // We'll reload the page so the user can continue using the app as quickly as possible.
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                location.reload();
            } else {
                reconnectModal.close();
            }
        }
    } catch (err) {
        // The server is not reachable: try again when it is (a laptop waking, a network coming back).
        if (isDeck || document.visibilityState !== "visible") {
            document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        } else {
            reloadWhenServerIsBack();
        }
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
