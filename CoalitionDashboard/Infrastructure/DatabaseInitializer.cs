using System.Diagnostics;
using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoalitionDashboard.Infrastructure;

/// <summary>Whether the database is migrated and holds a data set; drives <c>/healthz</c>.</summary>
public sealed class DataReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady(bool ready) => _ready = ready;
}

/// <summary>
/// Runs before the server starts listening: applies the committed migrations, then imports <c>data/</c>
/// when the database is empty or the files changed. A rejected import keeps the last good data.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<CoalitionDbContext> contextFactory,
    DataImporter importer,
    Features.Dashboard.PledgeFactsStore facts,
    DataReadiness readiness,
    IOptions<SeedOptions> seedOptions,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        var migrated = stopwatch.ElapsedMilliseconds;
        if (seedOptions.Value.ImportOnStart)
        {
            await importer.ImportAsync(cancellationToken: cancellationToken);
        }
        Log.StartupPhases(logger, migrated, stopwatch.ElapsedMilliseconds - migrated);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var hasData = await db.Dataset.AnyAsync(cancellationToken);
            if (hasData)
            {
                // Built now rather than by the first visitor (a second or so for 100,000 pledges).
                var building = stopwatch.ElapsedMilliseconds;
                var built = await facts.GetAsync();
                Log.FactsBuilt(logger, built.Count, stopwatch.ElapsedMilliseconds - building);
            }
            readiness.MarkReady(hasData);
            if (!hasData)
            {
                Log.DatabaseEmpty(logger);
            }
            Log.DatabaseReady(logger, stopwatch.ElapsedMilliseconds, new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
