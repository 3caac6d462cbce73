namespace CoalitionDashboard.Data.Entities;

public sealed class Country
{
    public required string Iso3 { get; set; }
    public required string Name { get; set; }
    public bool IsEu { get; set; }
    public bool IsNato { get; set; }
    public bool IsG7 { get; set; }
    public CoalitionRole Role { get; set; }
    public Attendance? Attendance { get; set; }
    public string? AttendanceNote { get; set; }
    public string? Notes { get; set; }
    public string? Contested { get; set; }
    public int SortOrder { get; set; }

    public List<Representative> Representatives { get; set; } = [];
    public List<Source> Sources { get; set; } = [];
    public List<Pledge> Pledges { get; set; } = [];
    public List<TimelineEvent> Events { get; set; } = [];
    public List<OpenIssue> OpenIssues { get; set; } = [];
}
