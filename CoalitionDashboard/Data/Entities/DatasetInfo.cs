namespace CoalitionDashboard.Data.Entities;

/// <summary>The single row describing the imported data set and the import that produced it.</summary>
public sealed class DatasetInfo
{
    public int Id { get; set; } = 1;
    public required string Title { get; set; }
    /// <summary>The latest fact the data covers.</summary>
    public DateOnly AsOf { get; set; }
    /// <summary>When a person last checked the sources for news (on or after <see cref="AsOf"/>).</summary>
    public DateOnly ReviewedOn { get; set; }
    /// <summary>Markdown: where the data's coverage ends.</summary>
    public string? Coverage { get; set; }
    public DateOnly SummitDate { get; set; }
    public string? Description { get; set; }
    /// <summary>SHA-256 over the data files' names and bytes; a change triggers a re-import.</summary>
    public required string ContentHash { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    /// <summary>The folder the data was imported from (absolute): a start-up never silently replaces data a person imported from elsewhere.</summary>
    public string? SourceDirectory { get; set; }
    /// <summary>Who imported it: <c>start-up</c> (the app, from its own data folder) or <c>import</c> (the command-line verb).</summary>
    public string? ImportedBy { get; set; }
}
