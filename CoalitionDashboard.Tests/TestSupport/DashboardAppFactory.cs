using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>
/// The real app over its own temporary SQLite file, seeded from the real data set (or a given folder).
/// Configuration is overridden, not services, so startup runs exactly as in production.
/// </summary>
public class DashboardAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly bool _ownsDatabase;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public DashboardAppFactory() : this(TestData.RealDataDirectory)
    {
    }

    protected DashboardAppFactory(string dataDirectory, string? databasePath = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataDirectory = dataDirectory;
        _ownsDatabase = databasePath is null;
        _databasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"coalition-app-{Guid.NewGuid():N}.db");
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>The app over another data folder (for example a deliberately broken copy).</summary>
    public static DashboardAppFactory WithData(string dataDirectory) => new(dataDirectory);

    /// <summary>
    /// The app over a database file the test owns (it is not deleted with the factory), with extra settings (the
    /// connection string among them, if a test wants other options than <c>Data Source</c>).
    /// </summary>
    public static DashboardAppFactory Over(string databasePath, string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(dataDirectory, databasePath, settings);

    public string DataDirectory { get; }

    private Microsoft.Extensions.Logging.ILoggerProvider? _logging;

    /// <summary>Also sends the app's log to <paramref name="provider"/> (call before the first request).</summary>
    public DashboardAppFactory WithLogging(Microsoft.Extensions.Logging.ILoggerProvider provider)
    {
        _logging = provider;
        return this;
    }

    public string DatabasePath => _databasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Coalition", $"Data Source={_databasePath}");
        builder.UseSetting("Seed:DataDirectory", DataDirectory);
        // Every test client is one address (the in-memory server's has none at all), sending far more than any person
        // would: the per-client limits are off unless a test turns them on (the rate-limit tests do, with small buckets).
        builder.UseSetting("RateLimits:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_logging is { } provider)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(provider));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDatabase)
        {
            GC.SuppressFinalize(this);
            return;
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
        GC.SuppressFinalize(this);
    }
}
