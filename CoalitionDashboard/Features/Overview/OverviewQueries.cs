using CoalitionDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.Features.Overview;

public sealed record DatasetSummary(
    string Title, DateOnly AsOf, DateOnly SummitDate, string? Description, DateTime ImportedAtUtc,
    int Members, int Leaders, int Partners, int Pledges, int CoalitionWidePledges, int Events, int Quotes, int OpenIssues,
    int Sources, int OfficialSources);

public sealed record MemberRow(string Iso3, string Name, Attendance? Attendance, RepresentativeLevel? Level, string? Representative, bool NameConfirmed, int Pledges);

/// <summary>Aggregates for the overview, computed in SQL (one query for the figures, one for the roster).</summary>
public sealed class OverviewQueries(IDbContextFactory<CoalitionDbContext> contextFactory)
{
    public async Task<DatasetSummary?> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
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

    public async Task<IReadOnlyList<MemberRow>> GetMembersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Countries.Where(c => c.Role == CoalitionRole.Member).OrderBy(c => c.SortOrder)
            .Select(c => new MemberRow(
                c.Iso3, c.Name, c.Attendance,
                c.Representatives.OrderBy(r => r.SortOrder).Select(r => (RepresentativeLevel?)r.Level).FirstOrDefault(),
                c.Representatives.OrderBy(r => r.SortOrder).Select(r => r.Name).FirstOrDefault(),
                c.Representatives.OrderBy(r => r.SortOrder).Select(r => r.NameConfirmed).FirstOrDefault(),
                c.Pledges.Count))
            .ToListAsync(cancellationToken);
    }
}
