using CoalitionDashboard.Data;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.Features.Map;
using Plotly.Blazor.Traces;

namespace CoalitionDashboard.Tests.Features.Map;

public sealed class MapBuilderTests
{
    private static readonly ChartPalette s_light = new(false);

    private static CountryRow Country(string iso3, string name, int pledges, TroopsPosition? troops = null, CoalitionRole role = CoalitionRole.Member,
        PledgeStatus? status = null) =>
        new(iso3, name, true, true, false, role, role == CoalitionRole.NonMember ? null : Attendance.Confirmed, null, true, null, null, pledges,
            new Standing(new DateOnly(2026, 1, 6), troops, status, [], []), [], new Dictionary<PledgeStatus, int>(), null);

    private static readonly CountryRow[] s_rows =
    [
        Country("FRA", "France", 6, TroopsPosition.Offered, status: PledgeStatus.SignedDeclarationOfIntent),
        Country("DEU", "Germany", 2, TroopsPosition.OutsideUkraine, status: PledgeStatus.Announced),
        Country("POL", "Poland", 1, TroopsPosition.Declined, status: PledgeStatus.Announced),
        Country("ALB", "Albania", 0),
        Country("UKR", "Ukraine", 3, null),
        Country("HUN", "Hungary", 0, role: CoalitionRole.NonMember),
        Country("RUS", "Russia", 0, role: CoalitionRole.NonMember),
    ];

    private static MapModel Build(MapMetric metric) =>
        MapBuilder.Build(s_rows, metric, null, MapView.Europe, new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, int>(), "caption");

    [Fact]
    public void Forces_EachCountryGetsTheColourOfItsPosition()
    {
        var model = Build(MapMetric.Forces);

        var byIso = model.Entries.ToDictionary(e => e.Iso3);
        Assert.Equal(ChartColors.Of(TroopsPosition.Offered), byIso["FRA"].Color);
        Assert.Equal(ChartColors.Of(TroopsPosition.OutsideUkraine), byIso["DEU"].Color);
        Assert.Equal(ChartColors.Of(TroopsPosition.Declined), byIso["POL"].Color);
        Assert.Equal("No position on forces on record", byIso["ALB"].Value);
        Assert.Equal(MapBuilder.NoPosition, byIso["ALB"].Color);
    }

    [Fact]
    public void Forces_Ukraine_IsTheHostNotAContributor()
    {
        var ukraine = Build(MapMetric.Forces).Entries.Single(e => e.Iso3 == "UKR");

        Assert.Equal("Ukraine (host country)", ukraine.Value);
    }

    [Fact]
    public void NonMembersAndRussia_AreDrawnAsSeparateTraces_NotAsParticipants()
    {
        var traces = Build(MapMetric.Pledges).Spec.Traces(s_light).Cast<Choropleth>().ToList();

        Assert.Equal(3, traces.Count);
        Assert.Equal(["FRA", "DEU", "POL", "ALB", "UKR"], traces[0].Locations.Cast<string>());
        Assert.Equal(["HUN"], traces[1].Locations.Cast<string>());
        Assert.Equal(["RUS"], traces[2].Locations.Cast<string>());
        Assert.NotEqual(s_light.NonMember, s_light.Adversary);
    }

    [Fact]
    public void Choropleth_LeavesLocationModeUnset_SoPlotlyUsesIso3()
    {
        // Plotly.Blazor 7.2 serialises LocationModeEnum.ISO3 as "iso-3", which plotly.js ignores: nothing would be drawn.
        var traces = Build(MapMetric.Status).Spec.Traces(s_light).Cast<Choropleth>();

        Assert.All(traces, t => Assert.Null(t.LocationMode));
    }

    [Fact]
    public void Status_CategoricalScale_HasOneFlatStepPerClass()
    {
        var model = Build(MapMetric.Status);
        var main = model.Spec.Traces(s_light).Cast<Choropleth>().First();

        var stops = ((IEnumerable<object>)main.ColorScale).Cast<object[]>().ToList();
        Assert.Equal(model.Legend.Count * 2, stops.Count);
        Assert.Equal(model.Legend.Count - 0.5m, main.ZMax);
        Assert.Equal((int)PledgeStatus.SignedDeclarationOfIntent, model.Entries.Single(e => e.Iso3 == "FRA").Rank);
    }

    [Fact]
    public void Config_ServesMapOutlinesLocally()
    {
        var config = ChartConfig.For(Build(MapMetric.Forces).Spec, "topojson/v-0123456789ab/");

        Assert.Equal("topojson/v-0123456789ab/", config.TopoJsonUrl);
    }
}
