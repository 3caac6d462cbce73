using CoalitionDashboard.Data;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Features.Map;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Features.Briefings;

/// <summary>"Brief this view": a deck built on the fly for the filter of the page the user was on.</summary>
public static class AdHocDeck
{
    public const string Slug = "view";

    private const int MaxCountrySlides = 6;

    public static Deck For(FilterContext context)
    {
        var filter = context.Filter;
        var slides = new List<Slide>
        {
            Content("Headline figures", new KpisWidget()),
            Content("Forces on Ukrainian soil", new MapWidget(MapMetric.Forces, null, MapView.Europe)),
            Content("Pledges by category and status", new ChartWidget(ChartKind.PledgesByCategory), new ChartWidget(ChartKind.PledgesByStatus)),
            Content("Pledges and positions", new PledgesWidget(null, null, [], 10)),
        };
        foreach (var code in filter.Countries.Take(MaxCountrySlides))
        {
            slides.Add(Content(context.Reference.NameOf(code), new CountryWidget(code), new QuotesWidget(null, code, 2)));
        }
        slides.Add(Content("Timeline", new TimelineWidget(null, null, null, 10)));
        if (filter.Countries.Count == 0)
        {
            slides.Add(Content("What was said", new QuotesWidget(null, null, 4)));
        }
        slides.Add(Content("Open issues", new OpenIssuesWidget(6)));

        var meta = new DeckMeta(
            "Briefing: " + context.Describe(),
            "Generated from a dashboard view: every map, chart and table is drawn from the current data",
            // Dated by the data it shows (the view's date, or the latest fact covered), never by the day it was opened.
            context.Reference.ViewDate(filter) is { } day && day != DateOnly.MaxValue ? day : DateOnly.FromDateTime(DateTime.UtcNow),
            null, "Coalition dashboard",
            "UNCLASSIFIED – GENERATED FROM OPEN SOURCES", null);
        return new Deck(Slug, "", meta, slides, []);
    }

    private static Slide Content(string title, params Widget[] widgets) =>
        new(1, title, widgets.Select((w, i) => (SlideBlock)new WidgetBlock(i + 1, w)).ToList(), null);
}
