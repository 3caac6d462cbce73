using Microsoft.Data.Sqlite;

namespace CoalitionDashboard.Data;

/// <summary>
/// Relative paths in configuration (the SQLite file, the data directory) are resolved against the app's
/// base directory, so <c>dotnet run</c>, the CLI verbs and a published copy agree wherever they are started from.
/// </summary>
public static class DataPaths
{
    public const string ConnectionStringName = "Coalition";
    public const string DefaultConnectionString = "Data Source=App_Data/coalition.db";

    public static string Resolve(string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path));

    public static string ResolveConnectionString(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString ?? DefaultConnectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)
            || builder.Mode == SqliteOpenMode.Memory)
        {
            return builder.ToString();
        }
        builder.DataSource = Resolve(dataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
