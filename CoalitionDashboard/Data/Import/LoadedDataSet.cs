using CoalitionDashboard.Data.Entities;

namespace CoalitionDashboard.Data.Import;

/// <summary>The whole curated data set, parsed, validated and linked, ready to be written in one transaction.</summary>
public sealed class LoadedDataSet
{
    public required DatasetInfo Info { get; init; }
    public required IReadOnlyList<Source> Sources { get; init; }
    public required IReadOnlyList<Country> Countries { get; init; }
    public required IReadOnlyList<Organisation> Organisations { get; init; }
    public required IReadOnlyList<Pledge> Pledges { get; init; }
    public required IReadOnlyList<TimelineEvent> Events { get; init; }
    public required IReadOnlyList<Quote> Quotes { get; init; }
    public required IReadOnlyList<OpenIssue> OpenIssues { get; init; }
}

/// <summary>The outcome of reading a data directory: the data set when it is valid, and every problem found.</summary>
public sealed record DataSetLoadResult(LoadedDataSet? DataSet, IReadOnlyList<DataProblem> Problems, string ContentHash)
{
    public bool IsValid => DataSet is not null && Problems.Count == 0;
}
