using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>A migrated SQLite database in a temporary file, with the app's real data services over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestDatabase(string path, ServiceProvider services)
    {
        FilePath = path;
        _services = services;
    }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    public DataImporter Importer => _services.GetRequiredService<DataImporter>();

    public IDbContextFactory<CoalitionDbContext> ContextFactory => _services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<TestDatabase> CreateAsync(string dataDirectory)
    {
        var path = Path.Combine(Path.GetTempPath(), $"coalition-test-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Coalition"] = $"Data Source={path}",
            ["Seed:DataDirectory"] = dataDirectory,
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddDashboardData(configuration)
            .AddScoped<CoalitionDashboard.Features.Api.ApiQueries>()
            .BuildServiceProvider();
        await using (var db = await services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        return new TestDatabase(path, services);
    }

    public async Task<CoalitionDbContext> OpenAsync() => await ContextFactory.CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(FilePath + suffix);
        }
    }
}
