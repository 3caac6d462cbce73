namespace CoalitionDashboard.Data.Entities;

public sealed class Quote
{
    public required string Id { get; set; }
    public required string Speaker { get; set; }
    public string? Office { get; set; }
    public string? CountryIso3 { get; set; }
    public Country? Country { get; set; }
    public string? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateOnly? Date { get; set; }
    public string? DateText { get; set; }
    public required string Text { get; set; }
    public string? Original { get; set; }
    public bool Translated { get; set; }
    public bool Direct { get; set; }
    public string? Context { get; set; }
    public required string Topic { get; set; }
    public string? Attribution { get; set; }
    public int SortOrder { get; set; }

    public List<Source> Sources { get; set; } = [];
}
