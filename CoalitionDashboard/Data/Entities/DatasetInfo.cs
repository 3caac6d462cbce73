namespace CoalitionDashboard.Data.Entities;

/// <summary>The single row describing the imported data set and the import that produced it.</summary>
public sealed class DatasetInfo
{
    public int Id { get; set; } = 1;
    public required string Title { get; set; }
    public DateOnly AsOf { get; set; }
    public DateOnly SummitDate { get; set; }
    public string? Description { get; set; }
    /// <summary>SHA-256 over the data files' names and bytes; a change triggers a re-import.</summary>
    public required string ContentHash { get; set; }
    public DateTime ImportedAtUtc { get; set; }
}
