namespace CoalitionDashboard.Infrastructure;

/// <summary>Source-generated log messages for start-up, migration and import.</summary>
public static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Data in {Directory} unchanged since the last import; nothing to do")]
    public static partial void DataUnchanged(ILogger logger, string directory);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Imported data from {Directory}: {Counts} (read and checked in {ReadMs} ms, written in {WrittenMs} ms)")]
    public static partial void DataImported(ILogger logger, string directory, string counts, long readMs, long writtenMs);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Data problem: {Problem}")]
    public static partial void DataProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Data in {Directory} rejected ({Count} problems); the database keeps the last good data")]
    public static partial void ImportRejected(ILogger logger, string directory, int count);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Database ready in {Elapsed} ms ({Database})")]
    public static partial void DatabaseReady(ILogger logger, long elapsed, string database);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Migrations applied in {Migrate} ms; data checked and imported in {Import} ms")]
    public static partial void StartupPhases(ILogger logger, long migrate, long import);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "The database holds no data yet; /healthz answers 503 until a valid data set is imported")]
    public static partial void DatabaseEmpty(ILogger logger);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Pledge facts of {Pledges} pledges built in {Milliseconds} ms")]
    public static partial void FactsBuilt(ILogger logger, int pledges, long milliseconds);
}
