using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoalitionDashboard.Data.Import;

/// <summary>
/// <c>Kept</c>: the database holds data a person imported on purpose from another folder (with the <c>import</c> verb),
/// which a start-up does not replace.
/// </summary>
public enum ImportStatus { Imported, Unchanged, Rejected, Kept }

/// <param name="Read">Time spent reading and checking the files.</param>
/// <param name="Written">Time spent writing the database (zero when nothing was written).</param>
public sealed record ImportOutcome(ImportStatus Status, IReadOnlyList<DataProblem> Problems, DataSetCounts? Counts, TimeSpan Read = default, TimeSpan Written = default);

public sealed record DataSetCounts(int Sources, int Countries, int Members, int Organisations, int Pledges, int Events, int Quotes, int OpenIssues)
{
    public override string ToString() =>
        $"{Members} members ({Countries} countries in all), {Organisations} organisations, {Pledges} pledges, {Events} events, {Quotes} quotes, {OpenIssues} open issues, {Sources} sources";
}

/// <summary>
/// Imports the curated data set into the database: parse and validate every file first, then replace the
/// whole content in one transaction. Invalid data leaves the database exactly as it was.
/// </summary>
public sealed class DataImporter(
    IDbContextFactory<CoalitionDbContext> contextFactory,
    DataGeneration generation,
    IOptions<SeedOptions> seedOptions,
    TimeProvider timeProvider,
    ILogger<DataImporter> logger)
{
    /// <summary>Recorded in <see cref="Entities.DatasetInfo.ImportedBy"/> by the app's own start-up import.</summary>
    public const string ByStartUp = "start-up";

    /// <summary>Recorded in <see cref="Entities.DatasetInfo.ImportedBy"/> by the <c>import</c> verb: a person's choice.</summary>
    public const string ByCommand = "import";

    public string DataDirectory => seedOptions.Value.DataDirectory;

    /// <summary>
    /// The start-up import: imports the app's data folder when the database is empty or the files changed since the
    /// last import (or always, with <paramref name="force"/>), except over data a person imported from another folder
    /// with the <c>import</c> verb, which it keeps (and says so in the log).
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        var directory = DataDirectory;
        if (!force)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var current = await db.Dataset.OrderBy(d => d.Id)
                .Select(d => new { d.ContentHash, d.SourceDirectory, d.ImportedBy, d.ImportedAtUtc }).FirstOrDefaultAsync(cancellationToken);
            if (current is { SourceDirectory: { } from } && !SameFolder(from, directory))
            {
                if (current.ImportedBy == ByCommand)
                {
                    ImportLog.DataKept(logger, from, current.ImportedAtUtc, directory);
                    return new ImportOutcome(ImportStatus.Kept, [], null);
                }
                ImportLog.DataFolderChanged(logger, from, directory);
            }
            else if (current is not null && Directory.Exists(directory) && current.ContentHash == DataFiles.ComputeHash(directory))
            {
                ImportLog.DataUnchanged(logger, directory);
                return new ImportOutcome(ImportStatus.Unchanged, [], null);
            }
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = DataSetLoader.Load(directory, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        return await ImportAsync(result, System.Diagnostics.Stopwatch.GetElapsedTime(started), ByStartUp, cancellationToken);
    }

    /// <summary>Imports a data set read and checked already (by the <c>import</c> verb, which also checks the decks).</summary>
    /// <param name="importedBy"><see cref="ByStartUp"/> or <see cref="ByCommand"/>.</param>
    public async Task<ImportOutcome> ImportAsync(DataSetLoadResult result, TimeSpan read, string importedBy, CancellationToken cancellationToken = default)
    {
        var directory = DataDirectory;
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems)
            {
                ImportLog.DataProblem(logger, problem.Format());
            }
            ImportLog.ImportRejected(logger, directory, result.Problems.Count);
            return new ImportOutcome(ImportStatus.Rejected, result.Problems, null, read);
        }

        var dataSet = result.DataSet!;
        var writing = System.Diagnostics.Stopwatch.GetTimestamp();
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            dataSet.Info.SourceDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
            dataSet.Info.ImportedBy = importedBy;
            await WriteAsync(db, dataSet, cancellationToken);
        }
        var written = System.Diagnostics.Stopwatch.GetElapsedTime(writing);
        // Every cache keys on the generation: from here on, pages, facts and exports read the new data.
        generation.Publish(DataGeneration.StampOf(dataSet.Info.ContentHash, dataSet.Info.ImportedAtUtc));
        var counts = CountsOf(dataSet);
        ImportLog.DataImported(logger, directory, counts.ToString(), (long)read.TotalMilliseconds, (long)written.TotalMilliseconds);
        return new ImportOutcome(ImportStatus.Imported, [], counts, read, written);
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    public static DataSetCounts CountsOf(LoadedDataSet dataSet) => new(
        dataSet.Sources.Count,
        dataSet.Countries.Count,
        dataSet.Countries.Count(c => c.Role == CoalitionRole.Member),
        dataSet.Organisations.Count,
        dataSet.Pledges.Count,
        dataSet.Events.Count,
        dataSet.Quotes.Count,
        dataSet.OpenIssues.Count);

    private async Task WriteAsync(CoalitionDbContext db, LoadedDataSet dataSet, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Foreign keys are checked at commit, so the tables can be emptied in any order.
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON;", cancellationToken);
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct();
        foreach (var table in tables)
        {
            await db.Database.ExecuteSqlRawAsync(string.Concat("DELETE FROM \"", table, "\";"), cancellationToken);
        }

        // Whole milliseconds: the stamp read back from the file is then the stamp written.
        var now = timeProvider.GetUtcNow().UtcDateTime;
        dataSet.Info.ImportedAtUtc = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        await BulkWriter.WriteAsync(db, dataSet, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
