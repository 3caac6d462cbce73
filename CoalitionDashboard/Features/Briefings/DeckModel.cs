using CoalitionDashboard.Data;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Features.Map;

namespace CoalitionDashboard.Features.Briefings;

public sealed record DeckMeta(
    string Title, string? Subtitle, DateOnly? Date, string? Audience, string? Author, string Classification, string? Filter);

/// <summary>A problem in a deck file, with its 1-based line; shown on the slide and reported by <c>validate</c>.</summary>
public sealed record DeckProblem(int Line, string Message);

public sealed record Deck(string Slug, string FilePath, DeckMeta Meta, IReadOnlyList<Slide> Slides, IReadOnlyList<DeckProblem> Problems);

/// <summary>One slide as written: its title (the first "## " heading), its blocks, and the speaker notes.</summary>
public sealed record Slide(int Line, string? Title, IReadOnlyList<SlideBlock> Blocks, string? Notes);

public abstract record SlideBlock(int Line);

public sealed record MarkdownBlock(int Line, string Markdown) : SlideBlock(Line);

public sealed record WidgetBlock(int Line, Widget Widget) : SlideBlock(Line);

/// <summary>A block that could not be understood; the slide shows the message instead of crashing.</summary>
public sealed record ErrorBlock(int Line, string Message) : SlideBlock(Line);

/// <summary>A live widget written as <c>{{name option=value}}</c>; see data/briefings/README.md.</summary>
public abstract record Widget;

public sealed record KpisWidget : Widget;

public sealed record MapWidget(MapMetric Metric, PledgeCategory? Category, MapView View) : Widget;

public enum ChartKind { PledgesByCategory, PledgesByStatus, PledgesByCountry, PledgesByCategoryAndStatus, Timeline }

public sealed record ChartWidget(ChartKind Kind) : Widget;

public sealed record CountryWidget(string Iso3) : Widget;

public sealed record PledgesWidget(PledgeCategory? Category, PledgeStatus? Status, IReadOnlyList<string> Countries, int Limit) : Widget;

public sealed record TimelineWidget(DateOnly? From, DateOnly? To, EventKind? Kind, int Limit) : Widget;

public sealed record QuotesWidget(string? Topic, string? Country, int Limit) : Widget;

public sealed record OpenIssuesWidget(int Limit) : Widget;
