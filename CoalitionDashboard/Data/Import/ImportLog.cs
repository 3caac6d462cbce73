using Microsoft.Extensions.Logging;

namespace CoalitionDashboard.Data.Import;

/// <summary>What the importer logs (events 100–103, 108, 109); the store's and the host's messages are in Infrastructure.Log.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Data in {Directory} unchanged since the last import; nothing to do")]
    public static partial void DataUnchanged(ILogger logger, string directory);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Imported data from {Directory}: {Counts} (read and checked in {ReadMs} ms, written in {WrittenMs} ms)")]
    public static partial void DataImported(ILogger logger, string directory, string counts, long readMs, long writtenMs);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Data problem: {Problem}")]
    public static partial void DataProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Data in {Directory} rejected ({Count} problems); the database keeps the last good data")]
    public static partial void ImportRejected(ILogger logger, string directory, int count);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "The database holds data imported on purpose from {From} (with the import verb, {ImportedAtUtc:u}); start-up keeps it rather than import {Directory}. Run `import --data {Directory}` to switch back")]
    public static partial void DataKept(ILogger logger, string from, DateTime importedAtUtc, string directory);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "The data folder changed from {From} to {Directory} since the last start-up import; importing {Directory}")]
    public static partial void DataFolderChanged(ILogger logger, string from, string directory);
}
