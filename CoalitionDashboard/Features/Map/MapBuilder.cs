using System.Globalization;
using CoalitionDashboard.Data;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.ReadModel;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace CoalitionDashboard.Features.Map;

public enum MapMetric { Pledges, Status, Forces, Category }

public enum MapView { World, Europe }

/// <summary>One country's colour class on the map, also listed beside it (small states are hard to click).</summary>
public sealed record MapEntry(string Iso3, string Name, string Value, string Color, int Rank);

/// <param name="View">Europe or the world: the page sizes the map's height to its width by the view's shape.</param>
public sealed record MapModel(ChartSpec Spec, IReadOnlyList<MapEntry> Entries, IReadOnlyList<(string Label, string Color)> Legend, MapView View = MapView.Europe);

/// <summary>
/// The choropleth of the participants. Plotly.Blazor 7.2 writes <c>LocationModeEnum.ISO3</c> as "iso-3", which
/// plotly.js ignores (nothing is drawn), so the location mode is left unset: plotly.js defaults to ISO-3.
/// Categorical metrics use a stepped colour scale over class indexes.
/// </summary>
public static class MapBuilder
{
    public const string Disclaimer =
        "Boundaries: plotly.js's UN-based world map. Ukraine is shown within its internationally recognised borders, including Crimea; " +
        "boundaries do not imply any judgement on the legal status of a territory.";

    /// <summary>Sand, not grey: "no position found" must not look like "not in the coalition".</summary>
    public const string NoPosition = "#e3d5b3";

    public static string Slug(MapMetric metric) => metric.ToString().ToLowerInvariant();

    public static string Label(MapMetric metric, PledgeCategory? category) => metric switch
    {
        MapMetric.Pledges => "Number of pledges and positions",
        MapMetric.Status => "Strongest commitment status",
        MapMetric.Forces => "Forces on Ukrainian soil",
        _ => $"Pledges in category: {(category is { } c ? Vocabulary.Label(c) : "any")}",
    };

    /// <summary>How many pledge titles a country's hover text lists (the rest are counted).</summary>
    public const int TitlesPerCountry = 6;

    /// <param name="pledgeTitles">Per country, the titles of its first <see cref="TitlesPerCountry"/> pledges.</param>
    public static MapModel Build(
        IReadOnlyList<CountryRow> rows, MapMetric metric, PledgeCategory? category, MapView view,
        IReadOnlyDictionary<string, IReadOnlyList<string>> pledgeTitles, IReadOnlyDictionary<string, int> categoryCounts, string caption, int? height = null)
    {
        var participants = rows.Where(r => r.Role != CoalitionRole.NonMember).ToList();
        var context = rows.Where(r => r.Role == CoalitionRole.NonMember).ToList();
        var (entries, legend) = Classify(participants, metric, categoryCounts);
        var title = Label(metric, category);
        var isCount = metric is MapMetric.Pledges or MapMetric.Category;
        var maxCount = Math.Max(1, entries.Count == 0 ? 1 : entries.Max(e => e.Rank));
        // The Europe view is about as tall as it is wide, so its width follows the height.
        var chartHeight = height ?? (view == MapView.Europe ? 600 : 540);

        string Hover(CountryRow row, string value)
        {
            var lines = new List<string> { $"<b>{ChartBuilders.Encode(row.Name)}</b>", ChartBuilders.Encode(value) };
            if (metric is MapMetric.Status or MapMetric.Forces && row.Role != CoalitionRole.NonMember)
            {
                lines.AddRange(StandingText.Lines(row.Standing).Select(line => "<i>" + ChartBuilders.Encode(line) + "</i>"));
            }
            lines.Add(row.Representative is { } name
                ? ChartBuilders.Encode($"{name}{(row.RepresentativeNameConfirmed ? "" : " (name inferred)")}, {row.Office}")
                : row.Role == CoalitionRole.NonMember ? "Not in the coalition" : "Representative not identified");
            if (pledgeTitles.TryGetValue(row.Iso3, out var titles) && titles.Count > 0)
            {
                lines.AddRange(titles.Take(TitlesPerCountry).Select(t => "• " + ChartBuilders.Encode(t)));
                if (row.Pledges > TitlesPerCountry)
                {
                    lines.Add($"… and {row.Pledges - TitlesPerCountry} more");
                }
            }
            lines.Add("<i>Click for the country profile</i>");
            return string.Join("<br>", lines);
        }

        IList<ITrace> Traces(ChartPalette palette)
        {
            var traces = new List<ITrace>();
            var byIso = participants.ToDictionary(r => r.Iso3);
            if (entries.Count > 0)
            {
                var scale = isCount ? Sequential(palette) : Stepped(legend.Select(l => l.Color).ToList());
                traces.Add(new Choropleth
                {
                    Name = ChartBuilders.Encode(title),
                    Locations = entries.Select(e => (object)e.Iso3).ToList(),
                    Z = entries.Select(e => (object)e.Rank).ToList(),
                    CustomData = entries.Select(e => (object)e.Iso3).ToList(),
                    HoverTextArray = entries.Select(e => Hover(byIso[e.Iso3], e.Value)).ToList(),
                    HoverTemplate = "%{hovertext}<extra></extra>",
                    ColorScale = scale,
                    ZMin = isCount ? 0 : -0.5m,
                    ZMax = isCount ? maxCount : legend.Count - 0.5m,
                    ShowScale = isCount,
                    ColorBar = isCount ? new Plotly.Blazor.Traces.ChoroplethLib.ColorBar
                    {
                        Title = new Plotly.Blazor.Traces.ChoroplethLib.ColorBarLib.Title { Text = "Pledges" },
                        Thickness = 14,
                        Len = 0.6m,
                        TickFont = new Plotly.Blazor.Traces.ChoroplethLib.ColorBarLib.TickFont { Color = palette.Text },
                    } : null,
                    Marker = new Plotly.Blazor.Traces.ChoroplethLib.Marker { Line = new Plotly.Blazor.Traces.ChoroplethLib.MarkerLib.Line { Color = palette.Border, Width = 0.6m } },
                });
            }
            var others = context.Where(c => c.Iso3 != "RUS").ToList();
            if (others.Count > 0)
            {
                traces.Add(Flat("Not in the coalition", others, palette.NonMember, palette, r => Hover(r, "Not in the coalition")));
            }
            var russia = context.Where(c => c.Iso3 == "RUS").ToList();
            if (russia.Count > 0)
            {
                traces.Add(Flat("Russia", russia, palette.Adversary, palette, r => Hover(r, "Russia: rejects any Western force in Ukraine")));
            }
            return traces;
        }

        Layout Layout(ChartPalette palette)
        {
            var layout = ChartBuilders.BaseLayout(palette, title, caption, chartHeight, captionShift: -6);
            layout.Margin = new Margin { L = 0, R = 0, T = 40, B = 44 + ChartBuilders.CaptionExtra(caption) };
            // The map's height follows its width (app.css, by the view's shape, up to the chart's height): a fixed
            // height leaves bands of empty card above and below the map on a phone. Slides size it themselves.
            layout.Height = null;
            var europe = view == MapView.Europe;
            layout.Geo =
            [
                new Geo
                {
                    // The Europe view draws europe_110m.json: the countries of plotly's UN-based world map that reach
                    // into the view (Tools/extract-topojson.mjs), a quarter of the world's points. It has no ocean
                    // outline: the ocean is the background.
                    Scope = europe ? Plotly.Blazor.LayoutLib.GeoLib.ScopeEnum.Europe : Plotly.Blazor.LayoutLib.GeoLib.ScopeEnum.World,
                    Resolution = Plotly.Blazor.LayoutLib.GeoLib.ResolutionEnum._110,
                    ShowFrame = false,
                    ShowCoastlines = false,
                    ShowLand = true,
                    LandColor = palette.Land,
                    ShowOcean = !europe,
                    OceanColor = palette.Ocean,
                    ShowCountries = true,
                    CountryColor = palette.Border,
                    CountryWidth = 0.4m,
                    BgColor = europe ? palette.Ocean : "rgba(0,0,0,0)",
                    Projection = new Plotly.Blazor.LayoutLib.GeoLib.Projection
                    {
                        Type = europe ? Plotly.Blazor.LayoutLib.GeoLib.ProjectionLib.TypeEnum.Mercator : Plotly.Blazor.LayoutLib.GeoLib.ProjectionLib.TypeEnum.NaturalEarth,
                    },
                    Domain = new Plotly.Blazor.LayoutLib.GeoLib.Domain { X = [0m, 1m], Y = [0m, 1m] },
                    LonAxis = europe ? new Plotly.Blazor.LayoutLib.GeoLib.LonAxis { Range = [-26m, 50m] } : null,
                    LaTaxis = europe ? new Plotly.Blazor.LayoutLib.GeoLib.LaTaxis { Range = [34m, 70m] } : null,
                },
            ];
            layout.ShowLegend = false;
            return layout;
        }

        var description = $"{title}: map of {participants.Count} participants. " + string.Join("; ", entries.Select(e => $"{e.Name}: {e.Value}"));
        var table = new ChartTable(["Country", title], entries.Select(e => (IReadOnlyList<string>)[e.Name, e.Value])
            .Concat(context.Select(c => (IReadOnlyList<string>)[c.Name, "Not in the coalition"])).ToList());
        var key = $"map|{metric}|{category}|{view}|{caption}|" + string.Join(";", entries.Select(e => $"{e.Iso3}{e.Rank}")) + "|" + string.Join(",", context.Select(c => c.Iso3))
            + "|" + string.Join(";", participants.Select(r => r.Standing.AsOf.DayNumber + string.Join(",", r.Standing.Basis)));
        return new MapModel(new ChartSpec("map", title, description, Traces, Layout, table, key, chartHeight, ModeBar: true), entries, legend, view);
    }

    private static (List<MapEntry> Entries, List<(string Label, string Color)> Legend) Classify(
        IReadOnlyList<CountryRow> participants, MapMetric metric, IReadOnlyDictionary<string, int> categoryCounts)
    {
        switch (metric)
        {
            case MapMetric.Status:
            {
                var classes = Enum.GetValues<PledgeStatus>().Select(s => (Label: Vocabulary.Label(s), Color: ChartColors.Of(s))).ToList();
                classes.Add(("No commitment on record", NoPosition));
                var entries = participants.Select(r =>
                {
                    var index = r.StrongestStatus is { } s ? (int)s : classes.Count - 1;
                    return new MapEntry(r.Iso3, r.Name, classes[index].Label, classes[index].Color, index);
                }).ToList();
                return (entries, classes);
            }
            case MapMetric.Forces:
            {
                var order = new[] { TroopsPosition.Offered, TroopsPosition.Possible, TroopsPosition.OutsideUkraine, TroopsPosition.Declined };
                var classes = order.Select(t => (Label: Vocabulary.Label(t), Color: ChartColors.Of(t))).ToList();
                classes.Add(("No position on forces on record", NoPosition));
                classes.Add(("Ukraine (host country)", "#ffd500"));
                var entries = participants.Select(r =>
                {
                    var index = r.Iso3 == CountryQueries.HostCountry ? classes.Count - 1 : r.Troops is { } t ? Array.IndexOf(order, t) : classes.Count - 2;
                    return new MapEntry(r.Iso3, r.Name, classes[index].Label, classes[index].Color, index);
                }).ToList();
                return (entries, classes);
            }
            case MapMetric.Category:
            {
                var entries = participants.Select(r =>
                {
                    var count = categoryCounts.GetValueOrDefault(r.Iso3);
                    return new MapEntry(r.Iso3, r.Name, Count(count), "", count);
                }).ToList();
                return (entries, []);
            }
            default:
            {
                var entries = participants.Select(r => new MapEntry(r.Iso3, r.Name, Count(r.Pledges), "", r.Pledges)).ToList();
                return (entries, []);
            }
        }
    }

    private static string Count(int count) => count switch
    {
        0 => "No public pledge found",
        1 => "1 pledge or position",
        _ => count.ToString(CultureInfo.InvariantCulture) + " pledges and positions",
    };

    private static Choropleth Flat(string name, IReadOnlyList<CountryRow> rows, string color, ChartPalette palette, Func<CountryRow, string> hover) => new()
    {
        Name = name,
        Locations = rows.Select(r => (object)r.Iso3).ToList(),
        Z = rows.Select(_ => (object)0).ToList(),
        CustomData = rows.Select(r => (object)r.Iso3).ToList(),
        HoverTextArray = rows.Select(hover).ToList(),
        HoverTemplate = "%{hovertext}<extra></extra>",
        ColorScale = new object[] { new object[] { 0, color }, new object[] { 1, color } },
        ShowScale = false,
        Marker = new Plotly.Blazor.Traces.ChoroplethLib.Marker { Line = new Plotly.Blazor.Traces.ChoroplethLib.MarkerLib.Line { Color = palette.Border, Width = 0.6m } },
    };

    private static object Sequential(ChartPalette palette) => palette.Dark
        ? new object[] { new object[] { 0, "#2b3a4f" }, new object[] { 0.5, "#3f7fbf" }, new object[] { 1, "#a8d1ff" } }
        : new object[] { new object[] { 0, "#deebf7" }, new object[] { 0.5, "#6baed6" }, new object[] { 1, "#08306b" } };

    /// <summary>A colour scale with flat steps, one per class index 0..n-1 (z from -0.5 to n-0.5).</summary>
    internal static object Stepped(IReadOnlyList<string> colors)
    {
        var stops = new List<object>();
        for (var i = 0; i < colors.Count; i++)
        {
            stops.Add(new object[] { (double)i / colors.Count, colors[i] });
            stops.Add(new object[] { (double)(i + 1) / colors.Count, colors[i] });
        }
        return stops;
    }
}
