using System.Net;
using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CoalitionDashboard.Tests.Reliability;

/// <summary>
/// Bad luck that befalls the SQLite store: a lock left by a process killed while migrating, a damaged or read-only file,
/// the file deleted or replaced under the running app, and a data set imported by another process. Each ends with the
/// app serving the data, or saying in one message why it cannot; none with an app that does not start.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class StoreFaultTests() : StoreFolderTest("coalition-store-")
{
    [Fact]
    public async Task Start_AfterAKillDuringMigration_ClearsTheLeftLockAndServes()
    {
        // Arrange: the store as a kill -9 during the first migration leaves it: EF Core's lock row, no migration applied.
        LeaveMigrationLock(Database);

        // Act
        await using var app = DashboardAppFactory.Over(Database, TestData.RealDataDirectory);
        var health = await app.CreateClient().GetAsync("/healthz", Ct).WaitAsync(HangGuard, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0L, Scalar(Database, "SELECT COUNT(*) FROM \"__EFMigrationsLock\";"));
        await AssertServesCuratedDataAsync(app.CreateClient());
    }

    public static TheoryData<string> Damages => ["random bytes", "truncated", "damaged page", "zeroed header"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Start_OverADamagedFile_MovesItAsideAndRebuildsFromTheDataFolder(string damage)
    {
        // Arrange
        await BuildGoodStoreAsync();
        Damage(Database, damage);
        var damagedBytes = await File.ReadAllBytesAsync(Database, Ct);

        // Act
        await using var app = DashboardAppFactory.Over(Database, TestData.RealDataDirectory);
        var health = await app.CreateClient().GetAsync("/healthz", Ct).WaitAsync(HangGuard, Ct);

        // Assert: serving again, and the damaged file kept beside the new one (for a person to look at), byte for byte.
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await AssertServesCuratedDataAsync(app.CreateClient());
        var aside = Assert.Single(Directory.GetFiles(Folder, "coalition.db.damaged-*"), f => !f.EndsWith("-journal", StringComparison.Ordinal));
        Assert.Equal(damagedBytes, await File.ReadAllBytesAsync(aside, Ct));
    }

    [Fact]
    public async Task Start_OverAReadOnlyStoreWithCurrentData_ServesIt()
    {
        // Arrange
        await BuildGoodStoreAsync();

        // Act
        await using var app = DashboardAppFactory.Over(Database, TestData.RealDataDirectory, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Coalition"] = $"Data Source={Database};Mode=ReadOnly",
        });
        var health = await app.CreateClient().GetAsync("/healthz", Ct).WaitAsync(HangGuard, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await AssertServesCuratedDataAsync(app.CreateClient());
    }

    [Fact]
    public async Task Start_OverAReadOnlyStoreWithoutData_StartsAndSaysWhyItCannotServe()
    {
        // Arrange: an empty file opened read-only cannot be migrated.
        await File.WriteAllBytesAsync(Database, [], Ct);
        using var log = new CapturingLoggerProvider();

        // Act
        await using var app = DashboardAppFactory.Over(Database, TestData.RealDataDirectory, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Coalition"] = $"Data Source={Database};Mode=ReadOnly",
        }).WithLogging(log);
        var client = app.CreateClient();
        var health = await client.GetAsync("/healthz", Ct).WaitAsync(HangGuard, Ct);
        var home = await client.GetAsync("/", Ct);

        // Assert: the app is up, /healthz says it cannot serve, and the log says why in one line naming the file.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var page = await home.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
        Assert.Contains("read-only", page, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", page, StringComparison.Ordinal);
        Assert.Contains(log.Messages, m => m.Contains("read-only", StringComparison.Ordinal) && m.Contains(Database, StringComparison.Ordinal));
    }

    public static TheoryData<string> Losses => ["deleted", "replaced by an empty file", "emptied of its data"];

    [Theory]
    [MemberData(nameof(Losses))]
    public async Task Store_LostWhileTheAppRuns_IsRebuiltAndTheHealthCheckSaysSoOnlyWhenServing(string loss)
    {
        // Arrange
        await using var app = DashboardAppFactory.Over(Database, TestData.RealDataDirectory, new Dictionary<string, string?> { ["StoreCheck:IntervalSeconds"] = "0" });
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);

        // Act
        switch (loss)
        {
            case "deleted":
                File.Delete(Database);
                break;
            case "replaced by an empty file":
                File.Move(Database, Database + ".old");
                await File.WriteAllBytesAsync(Database, [], Ct);
                break;
            default:
                Execute(Database, "DELETE FROM Dataset;");
                break;
        }
        SqliteConnection.ClearAllPools(); // as the pool does in time: the app's next connections open the file now there
        var health = await client.GetAsync("/healthz", Ct).WaitAsync(HangGuard, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await AssertServesCuratedDataAsync(client, "/pledges", "/countries", "/timeline");
    }

    [Fact]
    public async Task Import_ByAnotherProcessWhileTheAppRuns_IsServedEverywhereAndKeptByTheNextStart()
    {
        // Arrange: the app runs over the real data; a person imports a changed copy from another folder.
        using var other = TestData.CopyOfRealData();
        other.ReplaceFirst(DataFiles.Pledges, "\"title\": \"", "\"title\": \"Zqx marker: ");
        await using (var app = DashboardAppFactory.Over(Database, TestData.RealDataDirectory, new Dictionary<string, string?> { ["StoreCheck:IntervalSeconds"] = "0" }))
        {
            var client = app.CreateClient();
            Assert.DoesNotContain("Zqx marker", await client.GetStringAsync("/export/pledges.csv", Ct), StringComparison.Ordinal);
            Assert.Equal(0, await RunVerbAsync("import", other.Directory));

            // Act: the next store check (every few seconds, or a probe) notices the new data generation.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);

            // Assert: pages, exports and the API all show the imported data.
            Assert.Contains("Zqx marker", await client.GetStringAsync("/export/pledges.csv", Ct), StringComparison.Ordinal);
            Assert.Contains("Zqx marker", await client.GetStringAsync("/api/pledges", Ct), StringComparison.Ordinal);
            Assert.Contains("Zqx marker", await client.GetStringAsync("/pledges", Ct), StringComparison.Ordinal);
        }

        // Act: a restart over its own data folder.
        using var log = new CapturingLoggerProvider();
        await using var restarted = DashboardAppFactory.Over(Database, TestData.RealDataDirectory).WithLogging(log);
        var csv = await restarted.CreateClient().GetStringAsync("/export/pledges.csv", Ct);

        // Assert: the import made on purpose stands, and the log says why and how to switch back.
        Assert.Contains("Zqx marker", csv, StringComparison.Ordinal);
        Assert.Contains(log.Messages, m => m.Contains("imported on purpose from " + other.Directory, StringComparison.Ordinal) && m.Contains("import --data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_AfterTheAppItselfRanOverAnotherFolder_ImportsItsOwnFolder()
    {
        // Arrange: the last start-up imported another folder (configuration, not a person's import): the present one wins.
        using var other = TestData.CopyOfRealData();
        other.ReplaceFirst(DataFiles.Pledges, "\"title\": \"", "\"title\": \"Zqx marker: ");
        await using (var first = DashboardAppFactory.Over(Database, other.Directory))
        {
            Assert.Contains("Zqx marker", await first.CreateClient().GetStringAsync("/export/pledges.csv", Ct), StringComparison.Ordinal);
        }

        // Act
        await using var second = DashboardAppFactory.Over(Database, TestData.RealDataDirectory);
        var csv = await second.CreateClient().GetStringAsync("/export/pledges.csv", Ct);

        // Assert
        Assert.DoesNotContain("Zqx marker", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportVerb_OverADamagedFileOrALeftLock_Imports()
    {
        // Arrange
        LeaveMigrationLock(Database);

        // Act
        var afterLock = await RunVerbAsync("import", TestData.RealDataDirectory).WaitAsync(HangGuard, Ct);
        Damage(Database, "random bytes");
        var afterDamage = await RunVerbAsync("import", TestData.RealDataDirectory).WaitAsync(HangGuard, Ct);

        // Assert
        Assert.Equal(0, afterLock);
        Assert.Equal(0, afterDamage);
        Assert.Equal((long)Curated.Pledges, Scalar(Database, "SELECT COUNT(*) FROM Pledges;"));
    }

    // ---- helpers ----

    private async Task BuildGoodStoreAsync()
    {
        await using var app = DashboardAppFactory.Over(Database, TestData.RealDataDirectory);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz", Ct)).StatusCode);
    }

    private async Task<int> RunVerbAsync(string verb, string dataDirectory)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await DataCommands.RunAsync([verb, "--data", dataDirectory, "--ConnectionStrings:Coalition", $"Data Source={Database}"], output, error, Ct);
        Assert.True(code == 0, $"{verb} exited {code}: {output}{error}");
        return code;
    }

    private static async Task AssertServesCuratedDataAsync(HttpClient client, params string[] pages)
    {
        var csv = await client.GetStringAsync("/export/pledges.csv", Ct);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith('P') || l.StartsWith("\"P", StringComparison.Ordinal));
        Assert.True(rows >= Curated.Pledges, $"the export lists {rows} pledge rows, the data {Curated.Pledges}");
        foreach (var page in pages.Prepend("/"))
        {
            var response = await client.GetAsync(page, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("No data has been imported yet", html, StringComparison.Ordinal);
        }
    }

    /// <summary>What a process killed during the first migration leaves: EF Core's lock row, and nothing migrated yet.</summary>
    private static void LeaveMigrationLock(string file) => Execute(file,
        "CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);"
        + "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-12-02 07:00:00+00:00');");

    private static void Damage(string file, string how)
    {
        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(file);
        switch (how)
        {
            case "random bytes":
                Random.Shared.NextBytes(bytes);
                break;
            case "truncated":
                bytes = bytes[..(bytes.Length / 3)];
                break;
            case "damaged page":
                // Garbage over the second and third pages (the schema's and the first tables' b-tree pages).
                var pageSize = (bytes[16] << 8) | bytes[17];
                new Random(7).NextBytes(bytes.AsSpan(pageSize, Math.Min(2 * pageSize, bytes.Length - pageSize)));
                break;
            default:
                Array.Clear(bytes, 0, 100);
                break;
        }
        File.WriteAllBytes(file, bytes);
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
