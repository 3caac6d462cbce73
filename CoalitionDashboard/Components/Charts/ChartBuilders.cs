using System.Globalization;
using System.Net;
using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace CoalitionDashboard.Components.Charts;

/// <summary>
/// Pure functions from read models to chart specifications. Every chart carries its title and a caption
/// with the filter and the source, so a PNG saved from Plotly's toolbar stands on its own in a deck.
/// Data-derived text is HTML-encoded: plotly renders titles and hover text as (limited) HTML.
/// </summary>
public static class ChartBuilders
{
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

    /// <summary>A ranked horizontal bar chart of counts (pledges by category, by status, …).</summary>
    public static ChartSpec RankedBars(string id, string title, string valueLabel, IReadOnlyList<CountPoint> points, Func<string, string> colorOf, string caption)
    {
        var height = Math.Max(220, 70 + points.Count * 34) + 60;
        return new ChartSpec(
            id, title,
            $"{title}: bar chart. " + string.Join("; ", points.Select(p => $"{p.Label} {p.Count}")),
            _ =>
            [
                new Bar
                {
                    Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
                    Y = points.Select(p => (object)Encode(p.Label)).ToList(),
                    X = points.Select(p => (object)p.Count).ToList(),
                    CustomData = points.Select(p => (object)p.Key).ToList(),
                    TextArray = points.Select(p => p.Count.ToString(CultureInfo.InvariantCulture)).ToList(),
                    TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside,
                    Marker = new Plotly.Blazor.Traces.BarLib.Marker { ColorArray = points.Select(p => (object)colorOf(p.Key)).ToList() },
                    HoverTemplate = $"%{{y}}: %{{x}} {Encode(valueLabel)}<extra></extra>",
                    ClipOnAxis = false,
                },
            ],
            palette =>
            {
                var layout = BaseLayout(palette, title, caption, height);
                HorizontalCountAxes(layout, palette, Encode(valueLabel), points.Count == 0 ? 0 : points.Max(p => p.Count));
                CentreCaption(layout, points.Select(p => p.Label));
                layout.ShowLegend = false;
                return layout;
            },
            new ChartTable(["", valueLabel], points.Select(p => (IReadOnlyList<string>)[p.Label, p.Count.ToString(CultureInfo.InvariantCulture)]).ToList()),
            Key(id, caption, points.Select(p => $"{p.Key}={p.Count}")),
            height);
    }

    /// <summary>
    /// Pledges per country stacked by status (coalition-wide pledges are not a country's and are left out): one row per
    /// country, largest first, every name written out (columns with slanted names dropped every second one at 1366 px
    /// and left a phone no room); the chart grows with the number of countries.
    /// </summary>
    /// <param name="top">At most this many countries, those with the most pledges (a slide has room for about a dozen rows).</param>
    public static ChartSpec StatusByCountry(string id, IReadOnlyList<CountryRow> rows, string caption, int? top = null)
    {
        var all = rows.Where(r => r.Pledges > 0).OrderByDescending(r => r.Pledges).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var countries = top is { } n ? all.Take(n).ToList() : all;
        // Short enough for a phone's width: plotly does not wrap a title.
        var title = countries.Count < all.Count ? $"Pledges by country: the {countries.Count} with most, of {all.Count}" : "Pledges by country and status";
        var statuses = Enum.GetValues<PledgeStatus>().Where(s => countries.Any(c => c.ByStatus.ContainsKey(s))).ToList();
        var height = 200 + 22 * Math.Max(countries.Count, 4);
        return new ChartSpec(
            id, title,
            $"{title}: stacked bar chart of {countries.Count} countries. " + string.Join("; ", countries.Select(c => $"{c.Name} {c.Pledges}")),
            _ => statuses.Select(status => (ITrace)new Bar
            {
                Name = Encode(Vocabulary.Label(status)),
                Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
                Y = countries.Select(c => (object)Encode(c.Name)).ToList(),
                X = countries.Select(c => (object)c.ByStatus.GetValueOrDefault(status)).ToList(),
                CustomData = countries.Select(c => (object)c.Iso3).ToList(),
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = ChartColors.Of(status) },
                HoverTemplate = $"%{{y}}<br>{Encode(Vocabulary.Label(status))}: %{{x}}<extra></extra>",
            }).ToList(),
            palette =>
            {
                var layout = BaseLayout(palette, title, caption, height);
                layout.BarMode = BarModeEnum.Stack;
                HorizontalCountAxes(layout, palette, "Pledges and positions", countries.Count == 0 ? 0 : countries.Max(c => c.Pledges));
                // Every country's name, however many rows (plotly would otherwise thin out crowded labels).
                layout.YAxis[0].DTick = 1;
                CentreCaption(layout, countries.Select(c => c.Name));
                LegendAboveTheBars(layout, palette);
                return layout;
            },
            new ChartTable(
                ["Country", .. statuses.Select(Vocabulary.Label), "Total"],
                countries.Select(c => (IReadOnlyList<string>)[c.Name, .. statuses.Select(s => c.ByStatus.GetValueOrDefault(s).ToString(CultureInfo.InvariantCulture)), c.Pledges.ToString(CultureInfo.InvariantCulture)]).ToList()),
            Key(id, caption, countries.Select(c => $"{c.Iso3}:{string.Join(',', c.ByStatus.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}{kv.Value}"))}")),
            height);
    }

    /// <summary>
    /// Pledges per main category, each bar split by status and every segment labelled with its count: the same
    /// breakdown a sunburst gives, read off at a glance. A pledge counts once, in its main category.
    /// </summary>
    public static ChartSpec CategoryByStatus(string id, IReadOnlyList<CategoryStatusCount> counts, string caption)
    {
        const string title = "Pledges by main category and status";
        var categories = counts.GroupBy(c => c.Category)
            .Select(g => (Category: g.Key, Total: g.Sum(c => c.Count), ByStatus: g.ToDictionary(c => c.Status, c => c.Count)))
            .OrderByDescending(g => g.Total).ThenBy(g => g.Category).ToList();
        var statuses = counts.Select(c => c.Status).Distinct().Order().ToList();
        // The bars, and room above them for the legend's rows (one per status where the chart is narrow).
        var height = Math.Max(220, 90 + categories.Count * 38) + 60 + statuses.Count * 19;
        return new ChartSpec(
            id, title,
            $"{title}: stacked bar chart. " + string.Join("; ", categories.Select(c =>
                $"{Vocabulary.Label(c.Category)} {c.Total} ({string.Join(", ", c.ByStatus.OrderBy(kv => kv.Key).Select(kv => $"{Vocabulary.Label(kv.Key)} {kv.Value}"))})")),
            _ => statuses.Select(status => (ITrace)new Bar
            {
                Name = Encode(Vocabulary.Label(status)),
                Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
                Y = categories.Select(c => (object)Encode(Vocabulary.Label(c.Category))).ToList(),
                // A category without pledges of this status gets no segment (and no "0" label).
                X = categories.Select(c => c.ByStatus.TryGetValue(status, out var n) ? (object)n : null!).ToList(),
                CustomData = categories.Select(c => (object)Slug.Of(c.Category)).ToList(),
                TextArray = categories.Select(c => c.ByStatus.TryGetValue(status, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "").ToList(),
                TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Inside,
                InsideTextAnchor = Plotly.Blazor.Traces.BarLib.InsideTextAnchorEnum.Middle,
                TextAngle = 0,
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = ChartColors.Of(status) },
                HoverTemplate = $"%{{y}}<br>{Encode(Vocabulary.Label(status))}: %{{x}}<extra></extra>",
            }).ToList(),
            palette =>
            {
                var layout = BaseLayout(palette, title, caption, height);
                layout.BarMode = BarModeEnum.Stack;
                HorizontalCountAxes(layout, palette, "Pledges and positions", categories.Count == 0 ? 0 : categories.Max(c => c.Total));
                CentreCaption(layout, categories.Select(c => Vocabulary.Label(c.Category)));
                LegendAboveTheBars(layout, palette);
                return layout;
            },
            new ChartTable(
                ["Main category", .. statuses.Select(Vocabulary.Label), "Total"],
                categories.Select(c => (IReadOnlyList<string>)[Vocabulary.Label(c.Category), .. statuses.Select(s => c.ByStatus.GetValueOrDefault(s).ToString(CultureInfo.InvariantCulture)), c.Total.ToString(CultureInfo.InvariantCulture)]).ToList()),
            Key(id, caption, counts.Select(c => $"{c.Category}|{c.Status}|{c.Count}")),
            height);
    }

    /// <summary>Events on a date axis, one row per kind of event.</summary>
    /// <remarks>Most events cluster in 2025–26, so the chart opens on that period; the range slider below
    /// shows the whole span back to the 2022 invasion and can be dragged.</remarks>
    public static ChartSpec Timeline(string id, IReadOnlyList<EventRow> events, DateOnly? asOf, string caption)
    {
        // Short enough for a phone's width: plotly does not wrap a title.
        var title = events.Count > 0 ? $"Events, {events.Min(e => e.Start).Year}–{events.Max(e => e.End ?? e.Start).Year}" : "Events";
        var kinds = Enum.GetValues<EventKind>().Where(k => events.Any(e => e.Kind == k)).ToList();
        const int height = 520;
        var end = (asOf ?? (events.Count > 0 ? events.Max(e => e.End ?? e.Start) : DateOnly.FromDateTime(DateTime.UtcNow))).AddDays(20);
        var recent = events.Where(e => e.Start >= end.AddMonths(-15)).ToList();
        var start = recent.Count >= 2 && recent.Count < events.Count ? recent.Min(e => e.Start).AddDays(-20) : (events.Count > 0 ? events.Min(e => e.Start).AddDays(-30) : end.AddYears(-1));
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ChartSpec(
            id, title,
            $"{title}: {events.Count} events on a date axis. " + string.Join("; ", events.Select(e => $"{DateDisplay.Format(e.DateText)} {e.Title}")),
            _ => kinds.Select(kind =>
                {
                    var own = events.Where(e => e.Kind == kind).ToList();
                    return (ITrace)new Scatter
                    {
                        Name = Encode(Vocabulary.Label(kind)),
                        Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                        X = own.Select(e => (object)Day(e.Start)).ToList(),
                        Y = own.Select(_ => (object)Encode(Vocabulary.Label(kind))).ToList(),
                        TextArray = own.Select(e => Encode(e.Title + Vocabulary.Qualifier(e.Status))).ToList(),
                        CustomData = own.Select(e => (object)e.Id).ToList(),
                        Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = ChartColors.Of(kind), Size = 13, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Width = 1, Color = "#ffffff" } },
                        HoverTemplate = "%{x|%d %b %Y}<br>%{text}<extra></extra>",
                        // A dot on the edge of the range is drawn whole, not cut in half.
                        ClipOnAxis = false,
                    };
                }).ToList(),
            palette =>
            {
                // The caption goes below the range slider (the slider takes the band under the date axis).
                var layout = BaseLayout(palette, title, caption, height, captionShift: -100);
                layout.Margin = new Margin { L = 10, R = 40, T = 56, B = 130 + CaptionExtra(caption) };
                layout.XAxis =
                [
                    new XAxis
                    {
                        Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date,
                        GridColor = palette.Grid,
                        AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True,
                        Range = [Day(start), Day(end)],
                        RangeSlider = new Plotly.Blazor.LayoutLib.XAxisLib.RangeSlider { Visible = true, Thickness = 0.1m, BgColor = palette.Land },
                    },
                ];
                layout.YAxis = [new YAxis { AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True, GridColor = palette.Grid, FixedRange = true }];
                CentreCaption(layout, kinds.Select(Vocabulary.Label));
                layout.ShowLegend = false;
                // The events a reader should find without hovering carry a label in the data, written beside their dot
                // (annotations: plotly leaves them out of the range slider and hides them outside the range shown),
                // above and below in turn along each lane so that neighbours do not run into each other; near either
                // end of the range a label runs inwards.
                var span = Math.Max(1, end.DayNumber - start.DayNumber);
                foreach (var (e, above) in events.Where(e => e.Label is not null).GroupBy(e => e.Kind)
                             .SelectMany(g => g.OrderBy(e => e.Start).Select((e, i) => (e, i % 2 == 0))))
                {
                    var at = (e.Start.DayNumber - start.DayNumber) / (double)span;
                    layout.Annotations.Add(new Annotation
                    {
                        Text = Encode(e.Label!),
                        XRef = "x",
                        YRef = "y",
                        X = Day(e.Start),
                        Y = Encode(Vocabulary.Label(e.Kind)),
                        ShowArrow = false,
                        YShift = above ? 14 : -14,
                        XAnchor = at > 0.9 ? Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Right
                            : at < 0.1 ? Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left : Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Center,
                        YAnchor = above ? Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom : Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Top,
                        Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = palette.Text, Size = 11 },
                    });
                }
                return layout;
            },
            new ChartTable(["Date", "Event", "Kind"], events.Select(e => (IReadOnlyList<string>)[DateDisplay.Format(e.DateText)!, e.Title, Vocabulary.Label(e.Kind)]).ToList()),
            Key(id, caption, events.Select(e => e.Id + e.Label)),
            height);
    }

    /// <summary>
    /// The statuses in rows above the bars, under the title (plotly makes room for them): beside the bars they would
    /// leave a phone's plot no width.
    /// </summary>
    private static void LegendAboveTheBars(Plotly.Blazor.Layout layout, ChartPalette palette)
    {
        layout.Legend = [new Legend
        {
            Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
            TraceOrder = Plotly.Blazor.LayoutLib.LegendLib.TraceOrderFlag.Normal,
            X = 0, XAnchor = Plotly.Blazor.LayoutLib.LegendLib.XAnchorEnum.Left,
            Y = 1, YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom,
            Font = new Plotly.Blazor.LayoutLib.LegendLib.Font { Color = palette.Text, Size = 11 },
        }];
        layout.Title.Y = 0.995m;
        layout.Title.YRef = Plotly.Blazor.LayoutLib.TitleLib.YRefEnum.Container;
        layout.Title.YAnchor = Plotly.Blazor.LayoutLib.TitleLib.YAnchorEnum.Top;
    }

    /// <summary>Counts along x from zero, categories down y in the order given (largest first).</summary>
    private static void HorizontalCountAxes(Plotly.Blazor.Layout layout, ChartPalette palette, string valueTitle, int max)
    {
        var (dtick, format) = CountTicks(max);
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = valueTitle }, GridColor = palette.Grid, ZeroLineColor = palette.Grid, RangeMode = Plotly.Blazor.LayoutLib.XAxisLib.RangeModeEnum.ToZero, AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True,
            DTick = dtick, TickFormat = format }];
        layout.YAxis = [new YAxis { AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed, AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True, GridColor = palette.Grid }];
    }

    /// <summary>
    /// Ticks of a count axis are whole numbers: one per unit up to 6 (plotly would put ticks at 0.5), plotly's own
    /// steps above (1, 2, 5…: never a half at that range), printed without decimals.
    /// </summary>
    internal static (object? DTick, string Format) CountTicks(int max) => (max <= 6 ? 1 : null, ",d");

    /// <summary>The caption's lines: each of its lines wrapped at <see cref="CaptionLineLength"/> characters, so that it fits
    /// a phone's chart (about 330 px of 11 px text); a line breaks after a "·" where it can, else at a space.</summary>
    internal static IReadOnlyList<string> CaptionLines(string caption) => caption.Split('\n').SelectMany(Wrap).ToList();

    private const int CaptionLineLength = 50;

    private static IEnumerable<string> Wrap(string line)
    {
        while (line.Length > CaptionLineLength)
        {
            var cut = line.LastIndexOf(" · ", CaptionLineLength, StringComparison.Ordinal);
            var skip = 3;
            if (cut <= 0)
            {
                cut = line.LastIndexOf(' ', CaptionLineLength);
                skip = 1;
            }
            if (cut <= 0)
            {
                break;
            }
            yield return line[..cut];
            line = line[(cut + skip)..];
        }
        yield return line;
    }

    /// <summary>
    /// Plotly centres a paper-referenced annotation on the plot area, which starts after the axis labels on the left: the
    /// caption is moved left by half their estimated width (about 6.6 px a character at 13 px), so that it is centred on the
    /// whole figure and does not run off a phone's right edge.
    /// </summary>
    private static void CentreCaption(Plotly.Blazor.Layout layout, IEnumerable<string> leftLabels)
    {
        var widest = leftLabels.Select(l => l.Length).DefaultIfEmpty(0).Max();
        layout.Annotations[0].XShift = -(int)Math.Round(Math.Min(widest * 6.6 + 8, 260) / 2);
    }

    /// <summary>The room a caption needs below its chart beyond the two lines every layout leaves (px).</summary>
    internal static int CaptionExtra(string caption) => Math.Max(0, CaptionLines(caption).Count - 2) * 14;

    internal static Plotly.Blazor.Layout BaseLayout(ChartPalette palette, string title, string caption, int height, int captionShift = -62) => new()
    {
        Title = new Title
        {
            Text = $"<b>{Encode(title)}</b>",
            X = 0,
            XAnchor = Plotly.Blazor.LayoutLib.TitleLib.XAnchorEnum.Left,
            Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Color = palette.Text, Size = 16, Family = FontFamily },
        },
        Font = new Font { Color = palette.Text, Family = FontFamily, Size = 13 },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        AutoSize = true,
        Height = height + CaptionExtra(caption),
        Margin = new Margin { L = 10, R = 30, T = 56, B = 96 + CaptionExtra(caption) },
        Annotations =
        [
            new Annotation
            {
                Text = string.Join("<br>", CaptionLines(caption).Select(Encode)),
                ShowArrow = false,
                XRef = "paper",
                YRef = "paper",
                X = 0.5m,
                Y = 0,
                XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Center,
                YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Top,
                YShift = captionShift,
                Align = Plotly.Blazor.LayoutLib.AnnotationLib.AlignEnum.Center,
                Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = palette.MutedText, Size = 11 },
            },
        ],
    };

    /// <summary>
    /// Text for plotly's labels, which read a small tag set (&lt;b&gt;, &lt;br&gt;...) and decode only a few named entities:
    /// the characters that could open a tag or an entity are escaped; quotes stay as they are (plotly would show
    /// <c>&amp;quot;</c> literally).
    /// </summary>
    public static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Key(string id, string caption, IEnumerable<string> parts) => id + "|" + caption + "|" + string.Join(";", parts);
}
