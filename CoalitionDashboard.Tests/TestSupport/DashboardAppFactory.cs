using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>
/// The real app over its own temporary SQLite file, seeded from the real data set (or a given folder).
/// Configuration is overridden, not services, so startup runs exactly as in production.
/// </summary>
public class DashboardAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"coalition-app-{Guid.NewGuid():N}.db");

    public DashboardAppFactory() : this(TestData.RealDataDirectory)
    {
    }

    protected DashboardAppFactory(string dataDirectory) => DataDirectory = dataDirectory;

    /// <summary>The app over another data folder (for example a deliberately broken copy).</summary>
    public static DashboardAppFactory WithData(string dataDirectory) => new(dataDirectory);

    public string DataDirectory { get; }

    public string DatabasePath => _databasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Coalition", $"Data Source={_databasePath}");
        builder.UseSetting("Seed:DataDirectory", DataDirectory);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
        GC.SuppressFinalize(this);
    }
}
