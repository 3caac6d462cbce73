using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.ReadModel;

namespace CoalitionDashboard.Tests.Components.Charts;

/// <summary>A spec builds its plotly figure once per theme, so a spec shared by every open tab costs its traces once.</summary>
public sealed class ChartSpecTests
{
    private static ChartSpec Spec(Action? onBuild = null) => ChartBuilders.RankedBars("c", "Pledges by category", "pledges",
        [new CountPoint("air", "Air", 5)], _ => { onBuild?.Invoke(); return "#000"; }, "caption");

    [Fact]
    public void Figure_AskedTwiceForATheme_IsBuiltOnceAndShared()
    {
        var builds = 0;
        var spec = Spec(() => builds++);

        var first = spec.Figure(new ChartPalette(false));
        var second = spec.Figure(new ChartPalette(false));

        Assert.Same(first, second);
        Assert.Same(first.Traces, second.Traces);
        Assert.Equal(1, builds);
    }

    [Fact]
    public void Figure_OfTheOtherTheme_IsItsOwn()
    {
        var spec = Spec();

        var light = spec.Figure(new ChartPalette(false));
        var dark = spec.Figure(new ChartPalette(true));

        Assert.NotSame(light, dark);
        Assert.NotEqual(light.Layout.Font.Color, dark.Layout.Font.Color);
    }

    [Fact]
    public void Figure_OfACopyWithAnotherLayout_UsesTheNewLayout()
    {
        var spec = Spec();
        _ = spec.Figure(new ChartPalette(false));

        var copy = spec with { Layout = palette => new Plotly.Blazor.Layout { Height = 123 } };

        Assert.Equal(123, copy.Figure(new ChartPalette(false)).Layout.Height);
        Assert.NotEqual(123, spec.Figure(new ChartPalette(false)).Layout.Height);
    }
}
