namespace CoalitionDashboard.Infrastructure;

/// <summary>Source-generated log messages for start-up, migration and import.</summary>
public static partial class Log
{
    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Database ready in {Elapsed} ms ({Database})")]
    public static partial void DatabaseReady(ILogger logger, long elapsed, string database);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Migrations applied in {Migrate} ms; data checked and imported in {Import} ms")]
    public static partial void StartupPhases(ILogger logger, long migrate, long import);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "The database holds no data yet; /healthz answers 503 until a valid data set is imported")]
    public static partial void DatabaseEmpty(ILogger logger);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Pledge facts of {Pledges} pledges built in {Milliseconds} ms")]
    public static partial void FactsBuilt(ILogger logger, int pledges, long milliseconds);

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Cleared a migration lock in {Database} taken at {Taken} by a process that ended while migrating")]
    public static partial void StaleMigrationLockCleared(ILogger logger, string database, string taken);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Another process is migrating the database (it holds {LockFile}); waiting for it")]
    public static partial void WaitingForMigrationLock(ILogger logger, string lockFile);

    [LoggerMessage(EventId = 112, Level = LogLevel.Error, Message = "The database {Database} is damaged ({Damage}); moved it aside to {Aside} and building a new one from the data folder")]
    public static partial void StoreMovedAside(ILogger logger, string database, string damage, string aside);

    [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "{Message}")]
    public static partial void StoreReadOnly(ILogger logger, string message);

    [LoggerMessage(EventId = 114, Level = LogLevel.Critical, Message = "The database {Database} cannot be used ({Kind}: {Message}); the app starts anyway and /healthz answers 503")]
    public static partial void StoreUnusable(ILogger logger, string database, string kind, string message);

    [LoggerMessage(EventId = 115, Level = LogLevel.Warning, Message = "The database {Database} changed under the running app ({What}); rebuilding it")]
    public static partial void StoreLost(ILogger logger, string database, string what);

    [LoggerMessage(EventId = 116, Level = LogLevel.Information, Message = "Another process imported a new data set (content {Hash}, from {From}, by {ImportedBy}); now serving it")]
    public static partial void GenerationChanged(ILogger logger, string hash, string from, string importedBy);

    [LoggerMessage(EventId = 117, Level = LogLevel.Error, Message = "The store check failed: {Message}")]
    public static partial void StoreCheckFailed(ILogger logger, string message);
}
