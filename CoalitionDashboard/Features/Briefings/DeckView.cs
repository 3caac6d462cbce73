using CoalitionDashboard.Data;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Features.Map;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Features.Briefings;

/// <summary>What one widget shows, loaded for the deck's filter.</summary>
public abstract record WidgetModel;

public sealed record KpisModel(Kpis Kpis) : WidgetModel;

public sealed record MapWidgetModel(MapModel Map) : WidgetModel;

public sealed record ChartWidgetModel(ChartSpec Spec) : WidgetModel;

public sealed record CountryCardModel(CountryProfile Profile, IReadOnlyList<PledgeRow> Pledges, Standing Standing) : WidgetModel;

/// <param name="Superseded">Per pledge id, for whom it no longer stands ("superseded by P24 for Italy").</param>
public sealed record PledgeTableModel(IReadOnlyList<PledgeRow> Rows, int Total, IReadOnlyDictionary<string, string> Superseded) : WidgetModel;

public sealed record EventsModel(IReadOnlyList<EventRow> Events, int Total) : WidgetModel;

/// <param name="LookedFor">What the slide looked for ("quotes by or about France"), said when none is on record.</param>
public sealed record QuotesModel(IReadOnlyList<QuoteRow> Quotes, string LookedFor = "quotes") : WidgetModel;

public sealed record IssuesModel(IReadOnlyList<OpenIssueRow> Issues) : WidgetModel;

public sealed record WidgetErrorModel(string Message) : WidgetModel;

public enum SlideKind { Title, Content, Sources }

/// <summary>A slide ready to show: its blocks with their loaded data, and the numbers of the sources it rests on.</summary>
public sealed record SlideView(
    int Number, SlideKind Kind, string Title, IReadOnlyList<(SlideBlock Block, WidgetModel? Model)> Blocks, string? Notes,
    IReadOnlyList<int> SourceNumbers, IReadOnlyList<(int Number, SourceLink Source)> SourceList);

public sealed record DeckViewModel(Deck Deck, FilterContext Filter, IReadOnlyList<SlideView> Slides, IReadOnlyList<string> FilterErrors)
{
    public int Count => Slides.Count;

    public SlideView At(int number) => Slides[Math.Clamp(number, 1, Slides.Count) - 1];
}
