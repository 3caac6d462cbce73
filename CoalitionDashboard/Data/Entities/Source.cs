namespace CoalitionDashboard.Data.Entities;

public sealed class Source
{
    public required string Id { get; set; }
    public required string Outlet { get; set; }
    public string? Title { get; set; }
    public DateOnly? Date { get; set; }
    public string? DateText { get; set; }
    public string? Url { get; set; }
    public string? SeedFile { get; set; }
    public Reliability Reliability { get; set; }
    public string? Language { get; set; }
    public string? Note { get; set; }
    public int SortOrder { get; set; }

    public List<Country> Countries { get; set; } = [];
    public List<Organisation> Organisations { get; set; } = [];
    public List<Pledge> Pledges { get; set; } = [];
    public List<TimelineEvent> Events { get; set; } = [];
    public List<Quote> Quotes { get; set; } = [];
    public List<OpenIssue> OpenIssues { get; set; } = [];
}
