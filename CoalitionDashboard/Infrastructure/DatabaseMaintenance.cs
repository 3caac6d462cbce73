using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// Keeps the SQLite store usable whatever happened to it. The database holds nothing that <c>data/</c> does not, so
/// every fault ends in a store rebuilt from the data folder or in one clear message, never in an app that cannot start:
/// <list type="bullet">
/// <item>a migration lock left by a process killed while migrating is recognised (no living process holds the lock
/// file beside the database) and cleared;</item>
/// <item>a damaged file (not a database, a damaged page, truncated) is moved aside under a name given in the log, and
/// a new store is built;</item>
/// <item>a read-only store is served as it is when it holds current data, and named in one message otherwise;</item>
/// <item>a store deleted, emptied or replaced while the app runs is noticed by the next check, and a data set imported
/// by another process (the <c>import</c> verb) becomes the app's new data generation.</item>
/// </list>
/// </summary>
public sealed class DatabaseMaintenance(
    IDbContextFactory<CoalitionDbContext> contextFactory,
    DataImporter importer,
    ReadModel.PledgeFactsStore facts,
    DataGeneration generation,
    DataReadiness readiness,
    IOptions<SeedOptions> seedOptions,
    TimeProvider timeProvider,
    ILogger<DatabaseMaintenance> logger)
{
    /// <summary>How long a start waits for another process that holds the migration lock file (a migration takes about a second).</summary>
    public static readonly TimeSpan MigrationLockWait = TimeSpan.FromMinutes(2);

    /// <summary>How long after a rebuild the checks wait before they try another.</summary>
    public static readonly TimeSpan RebuildBackOff = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _lastRebuild = DateTimeOffset.MinValue;

    /// <summary>The database file, or null for an in-memory database.</summary>
    public string? DatabaseFile { get; } = FileOf(contextFactory);

    private readonly bool _readOnly = new SqliteConnectionStringBuilder(CreateContextConnectionString(contextFactory)).Mode == SqliteOpenMode.ReadOnly;

    /// <summary>
    /// Start-up (and recovery): repairs what can be repaired, migrates, imports the data folder when it changed, and
    /// publishes the data generation the store holds. Never throws: what cannot be done is logged and reported by
    /// <c>/healthz</c>, and the app starts anyway.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await PrepareCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// For the <c>import</c> verb: the same repairs and migration as a start-up, without importing. Throws
    /// <see cref="StoreUnusableException"/> with a message for a person when the store cannot be written.
    /// </summary>
    public async Task PrepareForImportAsync(CancellationToken cancellationToken)
    {
        await RepairAsync(cancellationToken);
        try
        {
            await MigrateAsync(cancellationToken);
        }
        catch (SqliteException e) when (IsReadOnly(e))
        {
            throw new StoreUnusableException($"the database {DatabaseFile} is read-only ({e.Message}): nothing was imported; make it writable or set ConnectionStrings:Coalition to another file");
        }
    }

    /// <summary>
    /// The running app's look at its store (every few seconds and on each <c>/healthz</c>): rebuilds a store that was
    /// deleted, emptied or damaged, and takes up a data set another process imported.
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            return; // A preparation or another check is running; it reports.
        }
        try
        {
            var seen = await ReadStampAsync(cancellationToken);
            switch (seen.Kind)
            {
                case StoreKind.Current when seen.Stamp == generation.Stamp:
                    if (!readiness.IsReady)
                    {
                        ReportServing(seen);
                    }
                    break;
                case StoreKind.Current:
                    // Another process (the import verb) wrote a new data set: connections in the pool may still see the
                    // file that was there before, so they go, and every cache moves to the new generation.
                    SqliteConnection.ClearAllPools();
                    generation.Publish(seen.Stamp);
                    Log.GenerationChanged(logger, seen.Hash ?? "-", seen.SourceDirectory ?? "-", seen.ImportedBy ?? "-");
                    await BuildFactsAsync();
                    ReportServing(seen);
                    break;
                case StoreKind.Empty when readiness.IsReady || generation.Stamp is not null:
                case StoreKind.Missing:
                case StoreKind.NoTables:
                case StoreKind.Damaged:
                    // A rebuild that failed is not retried on every check (the log would fill with the same message).
                    if (timeProvider.GetUtcNow() - _lastRebuild < RebuildBackOff)
                    {
                        readiness.Report(false, seen.Describe());
                        break;
                    }
                    _lastRebuild = timeProvider.GetUtcNow();
                    Log.StoreLost(logger, DatabaseFile ?? "(memory)", seen.Describe());
                    SqliteConnection.ClearAllPools();
                    await PrepareCoreAsync(cancellationToken);
                    break;
                default:
                    readiness.Report(false, seen.Describe());
                    break;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StoreCheckFailed(logger, e.Message);
            readiness.Report(false, "the store check failed: " + e.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task PrepareCoreAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await RepairAsync(cancellationToken);
            try
            {
                await MigrateAsync(cancellationToken);
            }
            catch (SqliteException e) when (IsReadOnly(e))
            {
                // A read-only store can still be served as it is, if it holds current data.
                var seen = await ReadStampAsync(cancellationToken);
                var message = $"the database {DatabaseFile} is read-only ({e.Message}): migrations and imports are skipped";
                Log.StoreReadOnly(logger, message);
                if (seen.Kind == StoreKind.Current && !(await PendingMigrationsAsync(cancellationToken)))
                {
                    await PublishAsync(seen);
                }
                else
                {
                    readiness.Report(false, "the database is read-only and holds no current data: make it writable or set ConnectionStrings:Coalition to another file", usable: false);
                }
                return;
            }
            var migrated = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (seedOptions.Value.ImportOnStart)
            {
                await importer.ImportAsync(cancellationToken: cancellationToken);
            }
            Log.StartupPhases(logger, (long)migrated.TotalMilliseconds, (long)(System.Diagnostics.Stopwatch.GetElapsedTime(started) - migrated).TotalMilliseconds);
            var stamp = await ReadStampAsync(cancellationToken);
            if (stamp.Kind == StoreKind.Current)
            {
                await PublishAsync(stamp);
            }
            else
            {
                Log.DatabaseEmpty(logger);
                readiness.Report(false, "database not seeded: no valid data set has been imported yet");
            }
            Log.DatabaseReady(logger, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, DatabaseFile ?? "(memory)");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever it is (a file the process may not open, a full disk), the app still starts and says what is wrong.
            Log.StoreUnusable(logger, DatabaseFile ?? "(memory)", e.GetType().Name, e.Message);
            readiness.Report(false, "the database cannot be used: " + e.Message, usable: false);
        }
    }

    private async Task PublishAsync(StoreStamp stamp)
    {
        generation.Publish(stamp.Stamp);
        await BuildFactsAsync();
        ReportServing(stamp);
    }

    /// <summary>Built now rather than by the first visitor (a second or so for 100,000 pledges).</summary>
    private async Task BuildFactsAsync()
    {
        var building = System.Diagnostics.Stopwatch.GetTimestamp();
        var built = await facts.GetAsync();
        Log.FactsBuilt(logger, built.Count, (long)System.Diagnostics.Stopwatch.GetElapsedTime(building).TotalMilliseconds);
    }

    private void ReportServing(StoreStamp stamp) =>
        readiness.Report(true, $"serving data generation {generation.Number}: content {stamp.Hash?[..Math.Min(12, stamp.Hash.Length)]}, imported by {stamp.ImportedBy ?? "an earlier version"} at {stamp.ImportedAtUtc:yyyy-MM-dd HH:mm:ss} UTC");

    // ---- Damaged files ----

    /// <summary>A file that is not a database, or fails SQLite's quick check, is moved aside (the log names where) so a new one can be built.</summary>
    private async Task RepairAsync(CancellationToken cancellationToken)
    {
        if (DatabaseFile is not { } file || !File.Exists(file))
        {
            return;
        }
        var damage = await FindDamageAsync(file, cancellationToken);
        if (damage is null)
        {
            return;
        }
        SqliteConnection.ClearAllPools();
        var aside = $"{file}.damaged-{timeProvider.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            if (File.Exists(file + suffix))
            {
                File.Move(file + suffix, aside + suffix, overwrite: true);
            }
        }
        Log.StoreMovedAside(logger, file, damage, aside);
    }

    private async Task<string?> FindDamageAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = OpenDirect(file);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check;";
            var findings = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken) && findings.Count < 3)
            {
                findings.Add(reader.GetString(0));
            }
            return findings is ["ok"] ? null : "SQLite's quick check reports: " + string.Join("; ", findings);
        }
        catch (SqliteException e) when (IsDamage(e))
        {
            return e.Message;
        }
    }

    // ---- Migrations ----

    /// <summary>
    /// EF Core marks a migration in progress with a row in <c>__EFMigrationsLock</c>; a process killed while migrating
    /// leaves the row, and every later migration would wait for it for ever. Every process of this app takes an
    /// operating-system lock on a file beside the database before it migrates, which the system releases when the process
    /// ends however it ends: holding that lock, a row left in the table belongs to nobody alive, and is cleared.
    /// </summary>
    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var fileLock = DatabaseFile is { } file ? await MigrationLockFile.AcquireAsync(file + ".migrate-lock", MigrationLockWait, logger, cancellationToken) : null;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await ClearStaleMigrationLockAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private async Task ClearStaleMigrationLockAsync(CoalitionDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock';";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }
            command.CommandText = "SELECT Timestamp FROM \"__EFMigrationsLock\";";
            var taken = await command.ExecuteScalarAsync(cancellationToken);
            if (taken is null)
            {
                return;
            }
            command.CommandText = "DELETE FROM \"__EFMigrationsLock\";";
            await command.ExecuteNonQueryAsync(cancellationToken);
            Log.StaleMigrationLockCleared(logger, DatabaseFile ?? "(memory)", Convert.ToString(taken, System.Globalization.CultureInfo.InvariantCulture) ?? "?");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<bool> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
    }

    // ---- What the store holds ----

    private enum StoreKind { Current, Empty, NoTables, Missing, Damaged, Unreadable }

    private sealed record StoreStamp(StoreKind Kind, string? Stamp = null, string? Hash = null, DateTime ImportedAtUtc = default,
        string? SourceDirectory = null, string? ImportedBy = null, string? Problem = null)
    {
        public string Describe() => Kind switch
        {
            StoreKind.Current => "current",
            StoreKind.Empty => "the database holds no data set",
            StoreKind.NoTables => "the database has no tables (deleted or replaced by an empty file?)",
            StoreKind.Missing => "the database file is missing",
            StoreKind.Damaged => "the database file is damaged: " + Problem,
            _ => "the database cannot be read: " + Problem,
        };
    }

    /// <summary>Reads the data set's stamp on a connection of its own (not from the pool, which may hold a file since deleted or replaced).</summary>
    private async Task<StoreStamp> ReadStampAsync(CancellationToken cancellationToken)
    {
        if (DatabaseFile is { } file && !File.Exists(file))
        {
            return new StoreStamp(StoreKind.Missing);
        }
        try
        {
            await using var connection = DatabaseFile is { } path ? OpenDirect(path) : new SqliteConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'Dataset';";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return new StoreStamp(StoreKind.NoTables);
            }
            command.CommandText = "SELECT ContentHash, ImportedAtUtc, SourceDirectory, ImportedBy FROM Dataset ORDER BY Id LIMIT 1;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return new StoreStamp(StoreKind.Empty);
            }
            var hash = reader.GetString(0);
            var importedAt = reader.GetDateTime(1);
            return new StoreStamp(StoreKind.Current, DataGeneration.StampOf(hash, importedAt), hash, importedAt,
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }
        catch (SqliteException e) when (IsDamage(e))
        {
            return new StoreStamp(StoreKind.Damaged, Problem: e.Message);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1 && e.Message.Contains("no such column", StringComparison.OrdinalIgnoreCase))
        {
            // A store of an older version, before its migration: it has tables, and the preparation migrates it.
            return new StoreStamp(StoreKind.NoTables);
        }
        catch (SqliteException e)
        {
            return new StoreStamp(StoreKind.Unreadable, Problem: e.Message);
        }
    }

    private string ConnectionString => CreateContextConnectionString(contextFactory);

    private static string CreateContextConnectionString(IDbContextFactory<CoalitionDbContext> factory)
    {
        using var db = factory.CreateDbContext();
        return db.Database.GetConnectionString() ?? "";
    }

    private static string? FileOf(IDbContextFactory<CoalitionDbContext> factory)
    {
        var builder = new SqliteConnectionStringBuilder(CreateContextConnectionString(factory));
        return string.IsNullOrEmpty(builder.DataSource) || builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.Ordinal)
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>
    /// A connection of its own to the file. Read-write (unless the store is configured read-only) though it only reads:
    /// the first reader after a process was killed mid-transaction must roll back the journal that process left.
    /// Never "create": a missing file is reported, not made.
    /// </summary>
    private SqliteConnection OpenDirect(string file) =>
        new(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = _readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());

    /// <summary>SQLITE_CORRUPT (11) and SQLITE_NOTADB (26).</summary>
    private static bool IsDamage(SqliteException e) => e.SqliteErrorCode is 11 or 26;

    /// <summary>SQLITE_READONLY (8), or SQLITE_CANTOPEN (14) for a file that cannot be opened for writing.</summary>
    private static bool IsReadOnly(SqliteException e) => e.SqliteErrorCode is 8 or 14;
}

/// <summary>The store cannot be written (read-only): the message is for a person.</summary>
public sealed class StoreUnusableException(string message) : Exception(message);

/// <summary>An operating-system lock on a file (released by the system when the process ends, even by kill -9).</summary>
internal sealed class MigrationLockFile : IAsyncDisposable
{
    private readonly FileStream _stream;

    private MigrationLockFile(FileStream stream) => _stream = stream;

    /// <returns>The lock, or null when the file cannot be created at all (a read-only folder: nothing to guard there).</returns>
    public static async Task<MigrationLockFile?> AcquireAsync(string path, TimeSpan wait, ILogger logger, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        var told = false;
        while (true)
        {
            try
            {
                // The file stays (deleting it on close would let two processes lock two different files of one name).
                return new MigrationLockFile(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!told)
                {
                    Log.WaitingForMigrationLock(logger, path);
                    told = true;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
