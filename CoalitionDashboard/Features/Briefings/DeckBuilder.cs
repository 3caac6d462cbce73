using CoalitionDashboard.Data;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;
using CoalitionDashboard.Features.Map;

namespace CoalitionDashboard.Features.Briefings;

/// <summary>
/// Loads every widget of a deck for one filter (through the shared, cached queries), numbers the sources in
/// order of first use, and adds the title slide and the closing "Sources" slides.
/// </summary>
public sealed class DeckBuilder(DashboardQueries queries)
{
    private const int SourcesPerSlide = 24;

    public async Task<DeckViewModel> BuildAsync(Deck deck, FilterContext filter)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var registry = new List<SourceLink>();
        IReadOnlyList<int> Number(IEnumerable<SourceLink> sources)
        {
            var result = new SortedSet<int>();
            foreach (var source in sources)
            {
                if (!numbers.TryGetValue(source.Id, out var n))
                {
                    registry.Add(source);
                    n = numbers[source.Id] = registry.Count;
                }
                result.Add(n);
            }
            return result.ToList();
        }

        var slides = new List<SlideView>
        {
            new(1, SlideKind.Title, deck.Meta.Title, [], null, [], []),
        };
        foreach (var slide in deck.Slides)
        {
            var blocks = new List<(SlideBlock, WidgetModel?)>();
            var used = new List<SourceLink>();
            foreach (var block in slide.Blocks)
            {
                if (block is WidgetBlock widget)
                {
                    var (model, sources) = await LoadAsync(widget.Widget, filter);
                    // Element ids must be unique when every slide is on one page (print).
                    var id = $"slide{slides.Count + 1}-line{widget.Line}";
                    model = model switch
                    {
                        ChartWidgetModel chart => new ChartWidgetModel(chart.Spec with { Id = id, Layout = ForProjector(chart.Spec.Layout) }),
                        MapWidgetModel map => new MapWidgetModel(map.Map with { Spec = map.Map.Spec with { Id = id, Layout = ForProjector(map.Map.Spec.Layout) } }),
                        _ => model,
                    };
                    blocks.Add((block, model));
                    used.AddRange(sources);
                }
                else
                {
                    blocks.Add((block, null));
                }
            }
            slides.Add(new SlideView(slides.Count + 1, SlideKind.Content, slide.Title ?? "", blocks, slide.Notes, Number(used), []));
        }

        var pages = Math.Max(1, (registry.Count + SourcesPerSlide - 1) / SourcesPerSlide);
        for (var page = 0; page < pages; page++)
        {
            var list = registry.Skip(page * SourcesPerSlide).Take(SourcesPerSlide)
                .Select((s, i) => (page * SourcesPerSlide + i + 1, s)).ToList();
            var title = pages == 1 ? "Sources" : $"Sources ({page + 1} of {pages})";
            slides.Add(new SlideView(slides.Count + 1, SlideKind.Sources, title, [], null, [], list));
        }
        return new DeckViewModel(deck, filter, slides, filter.Errors);
    }

    /// <summary>Larger chart text, readable from the back of a room.</summary>
    private static Func<ChartPalette, Plotly.Blazor.Layout> ForProjector(Func<ChartPalette, Plotly.Blazor.Layout> layout) => palette =>
    {
        var result = layout(palette);
        // On a slide the chart takes its height from the slide (CSS, in container units), so it keeps its
        // share of the slide on any screen and on the printed page.
        result.Height = null;
        // The slide footer already names the filter, the data-as-of date and the sources: no caption under the chart.
        result.Annotations = null;
        if (result.Margin is { } margin)
        {
            margin.B = Math.Min(margin.B ?? 0, 12);
        }
        result.Font.Size = 17;
        if (result.Title?.Font is { } titleFont)
        {
            titleFont.Size = 20;
        }
        return result;
    };

    private async Task<(WidgetModel Model, IEnumerable<SourceLink> Sources)> LoadAsync(Widget widget, FilterContext context)
    {
        var filter = context.Filter;
        var caption = ChartCaption.For(context);
        switch (widget)
        {
            case KpisWidget:
            {
                var rows = await queries.Countries.GetCountryRowsAsync(filter);
                var pledges = await queries.Pledges.GetPledgesAsync(filter);
                return (new KpisModel(CountryQueries.ComputeKpis(rows, await queries.Pledges.GetPledgeStatsAsync(filter), context.Reference, filter)), pledges.SelectMany(p => p.Sources));
            }
            case MapWidget map:
            {
                var pledges = await queries.Pledges.GetPledgesAsync(filter);
                var model = await MapData.BuildAsync(queries, context, map.Metric, map.Category ?? PledgeCategory.GroundForces, map.View, height: 380);
                return (new MapWidgetModel(model), pledges.SelectMany(p => p.Sources));
            }
            case ChartWidget chart:
                return await LoadChartAsync(chart.Kind, context, caption);
            case CountryWidget country:
            {
                var profile = await queries.Countries.GetCountryProfileAsync(country.Iso3);
                if (profile is null)
                {
                    return (new WidgetErrorModel($"country: no country with the code {country.Iso3} is in the data set"), []);
                }
                var pledges = await queries.Pledges.GetPledgesOfCountryAsync(country.Iso3, filter);
                var standing = (await queries.Pledges.GetStandingsAsync(filter))[country.Iso3];
                return (new CountryCardModel(profile, pledges, standing), profile.Sources.Concat(pledges.SelectMany(p => p.Sources)));
            }
            case PledgesWidget table:
            {
                var widgetFilter = filter.With(
                    countries: table.Countries.Count > 0 ? table.Countries : null,
                    category: table.Category is { } c ? c : new Optional<PledgeCategory?>(filter.Category, true),
                    status: table.Status is { } s ? s : new Optional<PledgeStatus?>(filter.Status, true));
                var rows = await queries.Pledges.GetPledgesAsync(widgetFilter);
                var shown = rows.Take(table.Limit).ToList();
                var standings = await queries.Pledges.GetStandingsAsync(filter);
                var superseded = shown.Select(p => (p.Id, Note: StandingText.Superseded(p, standings, context.Reference.NameOf)))
                    .Where(x => x.Note is not null).ToDictionary(x => x.Id, x => x.Note!, StringComparer.Ordinal);
                return (new PledgeTableModel(shown, rows.Count, superseded), shown.SelectMany(p => p.Sources));
            }
            case TimelineWidget timeline:
            {
                var coalitionInScope = filter.Countries.Count == 0 || filter.Countries.Any(c => context.Reference.Find(c)?.Role == CoalitionRole.Member);
                var events = (await queries.Events.GetEventsAsync(filter, coalitionInScope))
                    .Where(e => timeline.From is null || (e.End ?? e.Start) >= timeline.From)
                    .Where(e => timeline.To is null || e.Start <= timeline.To)
                    .Where(e => timeline.Kind is null || e.Kind == timeline.Kind)
                    .ToList();
                var shown = events.Take(timeline.Limit).ToList();
                return (new EventsModel(shown, events.Count), shown.SelectMany(e => e.Sources));
            }
            case QuotesWidget quotes:
            {
                var quoteFilter = quotes.Country is { } code ? filter.With(countries: [code]) : filter;
                var rows = (await queries.Quotes.GetQuotesAsync(quoteFilter))
                    .Where(q => quotes.Topic is null || q.Topic == quotes.Topic)
                    .Take(quotes.Limit).ToList();
                var lookedFor = "quotes" + (quotes.Topic is { } topic ? $" on {topic}" : "") + (quotes.Country is { } who ? $" by or about {context.Reference.NameOf(who)}" : "");
                return (new QuotesModel(rows, lookedFor), rows.SelectMany(q => q.Sources));
            }
            case OpenIssuesWidget issues:
            {
                var rows = (await queries.OpenIssues.GetOpenIssuesAsync()).Take(issues.Limit).ToList();
                return (new IssuesModel(rows), rows.SelectMany(i => i.Sources));
            }
            default:
                return (new WidgetErrorModel("unsupported widget"), []);
        }
    }

    private async Task<(WidgetModel, IEnumerable<SourceLink>)> LoadChartAsync(ChartKind kind, FilterContext context, string caption)
    {
        var filter = context.Filter;
        if (kind == ChartKind.Timeline)
        {
            var coalitionInScope = filter.Countries.Count == 0 || filter.Countries.Any(c => context.Reference.Find(c)?.Role == CoalitionRole.Member);
            var events = await queries.Events.GetEventsAsync(filter, coalitionInScope);
            return (new ChartWidgetModel(ChartBuilders.Timeline("slide-timeline", events, context.Filter.AsOf ?? context.Reference.AsOf, caption) with { Height = 360 }), events.SelectMany(e => e.Sources));
        }
        var pledges = await queries.Pledges.GetPledgesAsync(filter);
        ChartSpec spec = kind switch
        {
            ChartKind.PledgesByCategory => ChartBuilders.RankedBars("slide-by-category", "Pledges by category", "pledges", await queries.Pledges.CountByCategoryAsync(filter),
                key => Slug.TryParse<PledgeCategory>(key, out var c) ? ChartColors.Of(c) : "#888", caption),
            ChartKind.PledgesByStatus => ChartBuilders.RankedBars("slide-by-status", "Pledges by status (strongest first)", "pledges", await queries.Pledges.CountByStatusAsync(filter),
                key => Slug.TryParse<PledgeStatus>(key, out var s) ? ChartColors.Of(s) : "#888", caption),
            ChartKind.PledgesByCountry => ChartBuilders.StatusByCountry("slide-by-country", await queries.Countries.GetCountryRowsAsync(filter), caption, top: 12),
            _ => ChartBuilders.CategoryByStatus("slide-by-category-and-status", await queries.Pledges.CountByMainCategoryAndStatusAsync(filter), caption),
        };
        return (new ChartWidgetModel(spec with { Height = Math.Min(spec.Height, 370) }), pledges.SelectMany(p => p.Sources));
    }
}
