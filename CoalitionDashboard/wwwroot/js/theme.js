// Persists the light/dark choice in a cookie so the server renders the next visit in the same theme, and applies
// it at once: /theme.css keys MudBlazor's dark palette on html[data-theme=dark].
export function saveTheme(mode) {
    const theme = mode === "dark" ? "dark" : "light";
    document.cookie = `cd-theme=${theme}; path=/; max-age=31536000; SameSite=Lax`;
    document.documentElement.dataset.theme = theme;
}

// What the server cannot know while it prerenders: whether the screen is wide enough for the navigation drawer to
// stay open, and whether the system prefers dark mode (for visitors who have not chosen a theme).
export function screenInfo() {
    return {
        wide: window.matchMedia("(min-width: 960px)").matches,
        prefersDark: window.matchMedia("(prefers-color-scheme: dark)").matches,
    };
}
