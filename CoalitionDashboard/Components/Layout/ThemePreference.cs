namespace CoalitionDashboard.Components.Layout;

/// <summary>The initial theme, read from the cookie during prerendering so the first paint is already right.</summary>
public sealed record ThemeSetting(bool? DarkMode);

public static class ThemePreference
{
    public const string CookieName = "cd-theme";

    public static bool? FromCookie(HttpContext? context) =>
        context?.Request.Cookies[CookieName] switch
        {
            "dark" => true,
            "light" => false,
            _ => null,
        };
}
