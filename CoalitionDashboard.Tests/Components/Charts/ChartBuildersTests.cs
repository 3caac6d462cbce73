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
        Assert.Equal(["France"], bar.Y.Cast<string>());
        Assert.Single(spec.Table.Rows);
    }

    private static EventRow Event(string id, string date, EventKind kind, string? label) =>
        new(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, date, "Title " + id, "Summary", kind, true, [], [], null, null, [], Label: label);

    [Fact]
    public void Timeline_EventsWithALabel_AreLabelledBesideTheirDot_InTurnAboveAndBelow_AndNoOthers()
    {
        var events = new[]
        {
            Event("T1", "2026-01-06", EventKind.Summit, "Paris summit"), Event("T2", "2026-02-13", EventKind.Summit, "Munich meeting"),
            Event("T3", "2026-02-20", EventKind.Statement, null), Event("T4", "2026-02-28", EventKind.War, "Strikes on Iran"),
        };

        var layout = ChartBuilders.Timeline("t", events, null, "caption").Layout(s_light);

        // The first annotation is the caption; then one per labelled event.
        var labels = layout.Annotations.Skip(1).ToList();
        Assert.Equal(["Paris summit", "Munich meeting", "Strikes on Iran"], labels.Select(a => a.Text));
        Assert.Equal(["2026-01-06", "2026-02-13", "2026-02-28"], labels.Select(a => a.X as string));
        Assert.Equal(["Summit", "Summit", "War"], labels.Select(a => a.Y as string));
        Assert.True(labels[0].YShift > 0 && labels[1].YShift < 0, "neighbours in a lane take turns above and below their dots");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(40)]
    public void CountTicks_AreWholeNumbers(int max)
    {
        var (dtick, format) = ChartBuilders.CountTicks(max);

        Assert.Equal(",d", format);
        // Below 7, one tick per unit; from 7, plotly's own steps, which at that range are 1, 2, 5, 10…, never 0.5.
        Assert.Equal(max <= 6 ? 1 : null, dtick);
    }

    [Fact]
    public void StatusByCountry_WritesEveryCountrysName_OneRowEach_AndGrowsWithThem()
    {
        var few = Enumerable.Range(0, 5).Select(i => Country($"X{i:00}", $"Country {i}", 10 - i, PledgeStatus.Announced)).ToList();
        var many = Enumerable.Range(0, 30).Select(i => Country($"Y{i:00}", $"Country {i}", 40 - i, PledgeStatus.Announced)).ToList();

        var small = ChartBuilders.StatusByCountry("c", few, "caption");
        var large = ChartBuilders.StatusByCountry("c", many, "caption");

        var layout = large.Layout(s_light);
        Assert.Equal(1m, Convert.ToDecimal(layout.YAxis[0].DTick, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed, layout.YAxis[0].AutoRange);
        Assert.Equal(30, Assert.IsType<Bar>(Assert.Single(large.Traces(s_light))).Y.Count);
        Assert.True(large.Height >= small.Height + 25 * 18, $"30 rows in {large.Height} px, 5 in {small.Height} px");
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
