// Persists the light/dark choice in a cookie so the server prerenders the next visit in the same theme.
export function saveTheme(mode) {
    document.cookie = `cd-theme=${mode === "dark" ? "dark" : "light"}; path=/; max-age=31536000; SameSite=Lax`;
    document.documentElement.dataset.theme = mode;
}
