using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace CoalitionDashboard.Components.Shared;

/// <summary>
/// MudBlazor's Material icons as inline SVG markup: one markup frame and one string shared by every page and circuit,
/// instead of a MudIcon component per icon. Decorative: hidden from assistive technology (the button or link carries
/// the name).
/// </summary>
public static class Svg
{
    private static readonly ConcurrentDictionary<string, MarkupString> Icons = new(StringComparer.Ordinal);

    /// <param name="icon">An icon of <see cref="MudBlazor.Icons"/> (the inner markup of a 24×24 SVG).</param>
    public static MarkupString Icon(string icon) =>
        Icons.GetOrAdd(icon, static i => new MarkupString($"<svg class=\"icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">{i}</svg>"));
}
