namespace CoalitionDashboard.Data.Entities;

public sealed class Organisation
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public bool Attended { get; set; }
    public string? Notes { get; set; }
    public int SortOrder { get; set; }

    public List<Representative> Representatives { get; set; } = [];
    public List<Source> Sources { get; set; } = [];
    public List<Pledge> Pledges { get; set; } = [];
    public List<TimelineEvent> Events { get; set; } = [];
    public List<OpenIssue> OpenIssues { get; set; } = [];
}
