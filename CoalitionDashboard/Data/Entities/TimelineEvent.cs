namespace CoalitionDashboard.Data.Entities;

public sealed class TimelineEvent
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    /// <summary>A short name for the event where a chart labels it ("Paris summit"); null where the data gives none.</summary>
    public string? Label { get; set; }
    public EventKind Kind { get; set; }
    public EventStatus Status { get; set; }
    /// <summary>Where the coalition's membership was counted at this event: the number the sources give (null if none).</summary>
    public int? RosterCount { get; set; }
    /// <summary>True when the members at this event are the countries listed as members (the 35).</summary>
    public bool? RosterNamed { get; set; }
    public string? RosterNote { get; set; }
    public DateOnly DateStart { get; set; }
    public DateOnly? DateEnd { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public required string DateText { get; set; }
    public string? PartiesNote { get; set; }
    public string? Contested { get; set; }
    public bool IncludesCoalition { get; set; }
    public int SortOrder { get; set; }

    public List<Country> Countries { get; set; } = [];
    public List<Organisation> Organisations { get; set; } = [];
    public List<Source> Sources { get; set; } = [];
}
