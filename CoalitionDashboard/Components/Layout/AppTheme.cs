using MudBlazor;

namespace CoalitionDashboard.Components.Layout;

/// <summary>The dashboard's one theme; colours chosen for contrast on projectors and in print.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#7a5800",
            AppbarBackground = "#12355e",
            AppbarText = "#ffffff",
            Background = "#f6f7f9",
            DrawerBackground = "#ffffff",
            TextSecondary = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8",
            PrimaryContrastText = "#0b1a2e",
            Secondary = "#f0c36b",
            SecondaryContrastText = "#1f1400",
            AppbarBackground = "#0f1b2d",
            Background = "#121417",
            Surface = "#1c1f24",
            DrawerBackground = "#181b20",
            TextSecondary = "rgba(255,255,255,0.72)",
            // MudBlazor's dark zebra (white at 20 %) outweighs the text; a faint stripe still guides the eye along a row.
            TableStriped = "rgba(255,255,255,0.045)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
