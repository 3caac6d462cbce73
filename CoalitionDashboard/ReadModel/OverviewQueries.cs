using CoalitionDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.ReadModel;

public sealed record DatasetSummary(
    string Title, DateOnly AsOf, DateOnly SummitDate, string? Description, DateTime ImportedAtUtc,
    int Members, int Leaders, int Partners, int Pledges, int CoalitionWidePledges, int Events, int Quotes, int OpenIssues,
    int Sources, int OfficialSources);

/// <summary>Aggregates for the overview, computed in SQL and shared until the next import.</summary>
public sealed class OverviewQueries(IDbContextFactory<CoalitionDbContext> contextFactory, ReadModel.QueryCache cache)
{
    public async Task<DatasetSummary?> GetSummaryAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetAsync("summary", async () => new Summary(await LoadSummaryAsync()))).Value;

    private sealed record Summary(DatasetSummary? Value);

    private async Task<DatasetSummary?> LoadSummaryAsync()
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        var cancellationToken = CancellationToken.None;
        return await db.Dataset.OrderBy(d => d.Id).Select(d => new DatasetSummary(
                d.Title, d.AsOf, d.SummitDate, d.Description, d.ImportedAtUtc,
                db.Countries.Count(c => c.Role == CoalitionRole.Member),
                db.Countries.Count(c => c.Role == CoalitionRole.Member && c.Representatives.Any(r => r.Level == RepresentativeLevel.Leader)),
                db.Countries.Count(c => c.Role == CoalitionRole.Partner),
                db.Pledges.Count(),
                db.Pledges.Count(p => p.IsCoalitionWide),
                db.Events.Count(),
                db.Quotes.Count(),
                db.OpenIssues.Count(),
                db.Sources.Count(),
                db.Sources.Count(s => s.Reliability == Reliability.A)))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
