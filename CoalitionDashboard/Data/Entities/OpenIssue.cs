namespace CoalitionDashboard.Data.Entities;

public sealed class OpenIssue
{
    public required string Id { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }

    public List<Country> Countries { get; set; } = [];
    public List<Organisation> Organisations { get; set; } = [];
    public List<Pledge> Pledges { get; set; } = [];
    public List<Source> Sources { get; set; } = [];
}
