// The shell's own behaviour, for pages rendered on the server without a circuit: the navigation drawer, the theme
// toggle, and inputs that navigate when they change. Blazor's enhanced navigation replaces the page's markup on
// every navigation, so the visitor's drawer choice is applied again after each one.

const wide = window.matchMedia("(min-width: 960px)");
const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
const drawerKey = "cd-drawer";

function layout() {
    return document.querySelector("[data-testid=app-layout]");
}

function drawerOpen(app) {
    if (app.classList.contains("app--drawer-open")) return true;
    if (app.classList.contains("app--drawer-closed")) return false;
    return wide.matches;
}

function setDrawer(app, open) {
    app.classList.remove("app--drawer-auto", "app--drawer-open", "app--drawer-closed");
    app.classList.add(open ? "app--drawer-open" : "app--drawer-closed");
    syncDrawerButton(app);
}

function syncDrawerButton(app) {
    const button = app.querySelector("[data-shell=drawer]");
    if (button) button.setAttribute("aria-expanded", drawerOpen(app) ? "true" : "false");
}

// A choice made on a wide screen holds for the session; on a narrow screen the drawer closes after each navigation.
function restoreDrawer() {
    const app = layout();
    if (!app) return;
    const saved = sessionStorage.getItem(drawerKey);
    if (wide.matches && (saved === "open" || saved === "closed")) {
        setDrawer(app, saved === "open");
    } else {
        syncDrawerButton(app);
    }
}

function toggleDrawer() {
    const app = layout();
    if (!app) return;
    const open = !drawerOpen(app);
    setDrawer(app, open);
    if (wide.matches) sessionStorage.setItem(drawerKey, open ? "open" : "closed");
}

function effectiveDark() {
    const chosen = document.documentElement.dataset.theme;
    return chosen ? chosen === "dark" : systemDark.matches;
}

// The cookie makes the server render the next page (and the charts' colours) in the chosen theme; the attribute
// switches the CSS at once, and the page is fetched again so the charts follow.
function toggleTheme() {
    const theme = effectiveDark() ? "light" : "dark";
    document.cookie = `cd-theme=${theme}; path=/; max-age=31536000; SameSite=Lax`;
    document.documentElement.dataset.theme = theme;
    syncThemeButton();
    navigate(location.href, true);
}

// The switch says what it does: to the other theme than the one shown.
function syncThemeButton() {
    const button = document.querySelector("[data-shell=theme]");
    if (!button) return;
    const label = effectiveDark() ? "Switch to light theme" : "Switch to dark theme";
    button.setAttribute("aria-label", label);
    button.setAttribute("title", label);
}

function navigate(url, replace) {
    if (window.Blazor && typeof window.Blazor.navigateTo === "function") {
        window.Blazor.navigateTo(url, { replaceHistoryEntry: !!replace });
    } else {
        location.assign(url);
    }
}

// <input data-nav-on-change data-href="...{value}..." data-href-empty="..."> navigates to the URL with the new value;
// <select data-nav-on-change data-href="{value}"> has URLs as its options' values.
function onChange(event) {
    const input = event.target.closest("[data-nav-on-change]");
    if (!input) return;
    if (input.hasAttribute("data-date-field") && !checkDay(input)) return;
    const value = input.value.trim();
    const template = input.dataset.href || "";
    const latest = input.dataset.latestFrom;
    let url;
    if (template === "{value}") {
        url = value;
    } else if (!value || (latest && value >= latest)) {
        url = input.dataset.hrefEmpty;
    } else {
        url = template.replace("{value}", encodeURIComponent(value));
    }
    if (url) navigate(url, false);
}

// <input data-date-field data-min data-max>: a day typed as YYYY-MM-DD, a real day, not before data-min (a later day
// than data-max is the latest data). Anything else is refused where it was typed, with the reason, and nothing changes.
function checkDay(input) {
    const value = input.value.trim();
    let problem = "";
    if (value) {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        const date = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
        if (!date || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
            problem = `"${value}" is not a day: write it as year-month-day, for example ${input.dataset.max || "2026-01-06"}.`;
        } else if (input.dataset.min && value < input.dataset.min) {
            problem = `The records start on ${input.dataset.min}: choose that day or a later one.`;
        }
    }
    input.setCustomValidity(problem);
    if (problem) input.reportValidity();
    return !problem;
}

// A calendar button opens the browser's own date picker on the typed day, from a date input that is never seen (made
// next to the field on first use); the day picked goes into the typed field, as if it had been typed there.
function pickDay(id) {
    const field = document.getElementById(id);
    if (!field) return;
    let proxy = field.parentElement.querySelector(":scope > input.date-proxy");
    if (!proxy) {
        proxy = document.createElement("input");
        proxy.type = "date";
        proxy.className = "date-proxy";
        proxy.tabIndex = -1;
        proxy.setAttribute("aria-hidden", "true");
        if (field.dataset.min) proxy.min = field.dataset.min;
        if (field.dataset.max) proxy.max = field.dataset.max;
        proxy.addEventListener("change", () => {
            if (!proxy.value) return;
            field.value = proxy.value;
            field.dispatchEvent(new Event("input", { bubbles: true }));
            field.dispatchEvent(new Event("change", { bubbles: true }));
        });
        field.parentElement.style.position ||= "relative";
        field.parentElement.appendChild(proxy);
    }
    proxy.value = /^\d{4}-\d{2}-\d{2}$/.test(field.value.trim()) ? field.value.trim() : "";
    try {
        proxy.showPicker();
    } catch {
        field.focus();
    }
}

document.addEventListener("click", event => {
    const button = event.target.closest?.("[data-date-picker-for]");
    if (button) pickDay(button.dataset.datePickerFor);
});

// Charts draw when they come near the viewport (ChartPanel's Lazy): plotly.js is fetched and run only then.
const waiting = new Map();
const chartObserver = "IntersectionObserver" in window
    ? new IntersectionObserver(entries => {
        for (const entry of entries) {
            if (entry.isIntersecting) drawNow(entry.target);
        }
    }, { rootMargin: "300px 0px" })
    : null;

function drawNow(element) {
    const chart = waiting.get(element);
    waiting.delete(element);
    chartObserver?.unobserve(element);
    chart?.invokeMethodAsync("Draw").catch(() => { });
}

function drawWhenVisible(element, chart) {
    if (!chartObserver || !element) {
        chart.invokeMethodAsync("Draw").catch(() => { });
        return;
    }
    waiting.set(element, chart);
    chartObserver.observe(element);
}

// Printing draws every chart (those not drawn yet appear as soon as plotly has drawn them).
window.addEventListener("beforeprint", () => [...waiting.keys()].forEach(drawNow));

// Saving a chart (the panel's PNG and SVG buttons): on the page's own opaque background (a transparent image saved
// from the dark theme would lose its light text on a white slide), with room around the title, filter and source.
async function saveChart(area, format, filename, width, height) {
    const gd = area?.querySelector(".js-plotly-plot");
    if (!gd || !window.Plotly) return false;
    const background = opaqueBackground(area);
    const margin = Object.assign({}, gd.layout.margin);
    margin.l = Math.max(margin.l ?? 0, 40);
    margin.r = Math.max(margin.r ?? 0, 40);
    margin.t = Math.max(margin.t ?? 0, 70);
    margin.b = Math.max(margin.b ?? 0, 110);
    const layout = Object.assign({}, gd.layout, { paper_bgcolor: background, plot_bgcolor: background, margin, width, height, autosize: false });
    const url = await window.Plotly.toImage(
        { data: gd.data, layout, config: { topojsonURL: gd._context?.topojsonURL, staticPlot: true } },
        { format, width, height, scale: format === "png" ? 2 : 1 });
    const link = document.createElement("a");
    link.href = url;
    link.download = `${filename}.${format}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return true;
}

function opaqueBackground(element) {
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        const alpha = colour.match(/rgba\([^)]*,\s*([\d.]+)\)/);
        if (colour && colour !== "transparent" && (!alpha || Number(alpha[1]) >= 0.99)) return colour;
    }
    return effectiveDark() ? "#1c1f24" : "#ffffff";
}

// For charts: the theme the page shows, drawing when in view, and saving.
// The address without a navigation (a grid's sort order): Blazor's own history state is kept.
function replaceUrl(url) {
    history.replaceState(history.state, "", new URL(url, document.baseURI).href);
}

window.coalitionShell = { effectiveDark, drawWhenVisible, saveChart, pickDay, replaceUrl, currentUrl: () => location.href };

// In a table marked data-row-links, a click anywhere on a row follows the row's link (a[data-row-link]): the country,
// source or pledge it is about. Clicks on the row's own links and buttons, and selecting text, do what they always do.
document.addEventListener("click", event => {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const row = event.target.closest?.("[data-row-links] tbody tr");
    if (!row || event.target.closest("a, button, input, select, textarea, label, summary")) return;
    if (String(window.getSelection?.() ?? "").length > 0) return;
    row.querySelector("a[data-row-link]")?.click();
});

document.addEventListener("click", event => {
    const skip = event.target.closest?.(".skip-link");
    if (skip) {
        // The skip link moves the keyboard's focus (not only the scroll position) to the content.
        event.preventDefault();
        document.getElementById("main")?.focus();
        return;
    }
    const target = event.target.closest("[data-shell]");
    if (!target) return;
    switch (target.dataset.shell) {
        case "drawer":
        case "scrim":
            toggleDrawer();
            break;
        case "theme":
            toggleTheme();
            break;
    }
});
document.addEventListener("change", onChange);

// html[data-interactive] while every interactive island on the page has been rendered by the circuit (each carries
// a [data-island] mark, "ready" once it is live); an enhanced navigation brings new, prerendered islands.
function checkIslands() {
    const pending = document.querySelector("[data-island]:not([data-island=ready])");
    const root = document.documentElement;
    if (pending && root.dataset.interactive) {
        delete root.dataset.interactive;
    } else if (!pending && root.dataset.interactive !== "true") {
        root.dataset.interactive = "true";
    }
}
new MutationObserver(checkIslands).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-island"] });

// After following a link to another page, focus goes to its heading (a screen reader announces the new page), as
// Blazor's FocusOnNavigate would; but not on the first load (the keyboard starts at the skip link) and not after a
// filter change (the focus stays in the filter bar, where the person is working).
let focusHeading = false;
document.addEventListener("click", event => {
    const link = event.target.closest?.("a[href]");
    focusHeading = !!link && !link.closest(".filter-bar") && !link.hash;
}, true);

function focusNewPage() {
    if (!focusHeading) return;
    focusHeading = false;
    const heading = document.querySelector("main h1");
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
}

function ready() {
    focusNewPage();
    restoreDrawer();
    syncThemeButton();
    checkIslands();
    // The shell's buttons work from here on: tests (and anyone scripting the page) wait for this mark.
    document.documentElement.dataset.shellReady = "true";
}

ready();
if (window.Blazor && typeof window.Blazor.addEventListener === "function") {
    window.Blazor.addEventListener("enhancedload", ready);
} else {
    // blazor.web.js runs before this module, but guard against a page without it.
    window.addEventListener("load", () => window.Blazor?.addEventListener?.("enhancedload", ready));
}
