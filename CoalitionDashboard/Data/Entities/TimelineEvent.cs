namespace CoalitionDashboard.Data.Entities;

public sealed class TimelineEvent
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public EventKind Kind { get; set; }
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
