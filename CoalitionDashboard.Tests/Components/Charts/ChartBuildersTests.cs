using CoalitionDashboard.Data;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.ReadModel;
using Plotly.Blazor.Traces;

namespace CoalitionDashboard.Tests.Components.Charts;

public sealed class ChartBuildersTests
{
    private static readonly ChartPalette s_light = new(false);

    private static CountryRow Country(string iso3, string name, int pledges, PledgeStatus? status = null, TroopsPosition? troops = null,
        CoalitionRole role = CoalitionRole.Member) =>
        new(iso3, name, true, true, false, role, Attendance.Confirmed, "Someone", true, "PM", RepresentativeLevel.Leader, pledges, new Standing(new DateOnly(2026, 1, 6), troops, status, [], []), [],
            status is { } s ? new Dictionary<PledgeStatus, int> { [s] = pledges } : new Dictionary<PledgeStatus, int>(), null);

    [Fact]
    public void RankedBars_Points_TableAndTraceCarryTheSameCounts()
    {
        var points = new List<CountPoint> { new("ground-forces", "Ground forces", 17), new("air", "Air", 5) };

        var spec = ChartBuilders.RankedBars("c", "Pledges by category", "pledges", points, _ => "#000", "caption");

        var bar = Assert.IsType<Bar>(Assert.Single(spec.Traces(s_light)));
        Assert.Equal([17, 5], bar.X.Cast<int>());
        Assert.Equal(["Ground forces", "17"], spec.Table.Rows[0]);
        Assert.Contains("Ground forces 17", spec.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void RankedBars_HostileLabel_IsHtmlEncodedForPlotly()
    {
        var spec = ChartBuilders.RankedBars("c", "t", "pledges", [new("x", "<img src=x onerror=alert(1)>", 1)], _ => "#000", "caption");

        var bar = Assert.IsType<Bar>(Assert.Single(spec.Traces(s_light)));
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt;", bar.Y[0]);
    }

    [Fact]
    public void RankedBars_QuotesInALabel_StayQuotes()
    {
        // plotly decodes &amp; &lt; &gt; but shows &quot; and &#39; as typed: a hover label must not carry them.
        var spec = ChartBuilders.RankedBars("c", "t", "pledges", [new("x", "\"Reassurance\" force & Türkiye's <navy>", 1)], _ => "#000", "caption");

        var bar = Assert.IsType<Bar>(Assert.Single(spec.Traces(s_light)));
        Assert.Equal("\"Reassurance\" force &amp; Türkiye's &lt;navy&gt;", bar.Y[0]);
    }

    [Fact]
    public void StatusByCountry_CountriesWithoutPledges_AreLeftOut()
    {
        var rows = new[] { Country("FRA", "France", 6, PledgeStatus.Announced), Country("ALB", "Albania", 0) };

        var spec = ChartBuilders.StatusByCountry("c", rows, "caption");

        var bar = Assert.IsType<Bar>(Assert.Single(spec.Traces(s_light)));
        Assert.Equal(["France"], bar.X.Cast<string>());
        Assert.Single(spec.Table.Rows);
    }

    [Fact]
    public void CategoryByStatus_EachSegmentIsLabelledWithItsCount_AndAbsentStatusesGetNoSegment()
    {
        var counts = new[]
        {
            new CategoryStatusCount(PledgeCategory.Air, PledgeStatus.SignedDeclarationOfIntent, 2),
            new CategoryStatusCount(PledgeCategory.GroundForces, PledgeStatus.SignedDeclarationOfIntent, 3),
            new CategoryStatusCount(PledgeCategory.GroundForces, PledgeStatus.AdoptedJointDeclaration, 4),
        };

        var spec = ChartBuilders.CategoryByStatus("c", counts, "caption");

        // One trace per status; categories ordered by their total (ground forces 7 before air 2)
        var bars = spec.Traces(s_light).Cast<Bar>().ToList();
        Assert.Equal(2, bars.Count);
        Assert.All(bars, b => Assert.Equal([Vocabulary.Label(PledgeCategory.GroundForces), Vocabulary.Label(PledgeCategory.Air)], b.Y.Cast<string>()));
        var adopted = bars.Single(b => b.Name == Vocabulary.Label(PledgeStatus.AdoptedJointDeclaration));
        Assert.Equal(["4", ""], adopted.TextArray);
        Assert.Null(adopted.X[1]);
        Assert.Equal([Vocabulary.Label(PledgeCategory.GroundForces), "3", "4", "7"], spec.Table.Rows[0]);
        Assert.Contains("Ground forces 7", spec.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Key_ChangesWithTheData_SoTheChartRedraws()
    {
        var a = ChartBuilders.RankedBars("c", "t", "pledges", [new("air", "Air", 1)], _ => "#000", "caption");
        var b = ChartBuilders.RankedBars("c", "t", "pledges", [new("air", "Air", 2)], _ => "#000", "caption");
        var c = ChartBuilders.RankedBars("c", "t", "pledges", [new("air", "Air", 1)], _ => "#000", "caption");

        Assert.NotEqual(a.Key, b.Key);
        Assert.Equal(a.Key, c.Key);
    }

    [Fact]
    public void Layout_Caption_IsPrintedUnderTheChartWithTitle()
    {
        var spec = ChartBuilders.RankedBars("c", "Pledges by category", "pledges", [new("air", "Air", 1)], _ => "#000", "Filter: France\nSource: x");

        var layout = spec.Layout(s_light);

        Assert.Contains("Pledges by category", layout.Title.Text, StringComparison.Ordinal);
        Assert.Equal("Filter: France<br>Source: x", Assert.Single(layout.Annotations).Text);
    }

    [Fact]
    public void Layout_DarkPalette_ChangesTextColour()
    {
        var spec = ChartBuilders.RankedBars("c", "t", "pledges", [new("air", "Air", 1)], _ => "#000", "caption");

        Assert.NotEqual(spec.Layout(new ChartPalette(false)).Font.Color, spec.Layout(new ChartPalette(true)).Font.Color);
    }
}
