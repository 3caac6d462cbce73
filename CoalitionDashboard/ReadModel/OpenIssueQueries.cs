using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Entities;
using CoalitionDashboard.ReadModel.Filtering;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// Open issues, all or those of one country or organisation.
/// Every result is kept in the <see cref="QueryCache"/> until the next import.
/// </summary>
public sealed class OpenIssueQueries(IDbContextFactory<CoalitionDbContext> contextFactory, QueryCache cache)
{
    public Task<IReadOnlyList<OpenIssueRow>> GetOpenIssuesAsync(string? iso3 = null, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("issues", iso3), () => LoadGetOpenIssuesAsync(iso3));

    /// <summary>The open issues that name the organisation or one of its pledges.</summary>
    public Task<IReadOnlyList<OpenIssueRow>> GetOpenIssuesOfOrganisationAsync(string id, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("organisation-issues", id), () => LoadGetOpenIssuesAsync(iso3: null, organisation: id));

    private async Task<IReadOnlyList<OpenIssueRow>> LoadGetOpenIssuesAsync(string? iso3 = null, string? organisation = null)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<OpenIssue> issues = db.OpenIssues;
        if (iso3 is not null)
        {
            issues = issues.Where(o => o.Countries.Any(c => c.Iso3 == iso3) || o.Pledges.Any(p => p.Countries.Any(c => c.Iso3 == iso3)));
        }
        if (organisation is not null)
        {
            issues = issues.Where(o => o.Organisations.Any(c => c.Id == organisation) || o.Pledges.Any(p => p.Organisations.Any(c => c.Id == organisation)));
        }
        return await issues.OrderBy(o => o.Order)
            .Select(o => new OpenIssueRow(
                o.Id, o.Order, o.Title, o.Description,
                o.Countries.OrderBy(c => c.SortOrder).Select(c => c.Iso3).ToList(),
                o.Organisations.OrderBy(c => c.SortOrder).Select(c => c.Id).ToList(),
                o.Pledges.OrderBy(p => p.SortOrder).Select(p => p.Id).ToList(),
                o.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(ReadProjections.Source).ToList()))
            .AsSplitQuery().ToListAsync(cancellationToken);
    }
}
