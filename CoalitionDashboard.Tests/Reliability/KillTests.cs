using System.Diagnostics;
using CoalitionDashboard.Tests.Performance.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CoalitionDashboard.Tests.Reliability;

/// <summary>
/// kill -9 of the real app (its first start: migration, then import) and of the <c>import</c> verb, at a spread of
/// moments, then a normal start: the app always comes up over a whole data set, the old one or the new, never a mix.
/// The moments are fixed (not random) so a failure can be repeated; what each kill hit is reported in the test output.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class KillTests() : StoreFolderTest("coalition-kill-")
{
    /// <summary>
    /// When to kill: <c>start</c> waits the given time after the process started; <c>transaction</c> waits it after the
    /// first write transaction began (SQLite's rollback journal appeared beside the database): the migration's, on a
    /// first start, or the import's, for the verb.
    /// </summary>
    public static TheoryData<string, int> FirstStartKills => new()
    {
        { "start", 150 }, { "start", 600 }, { "start", 1200 },
        { "transaction", 0 }, { "transaction", 15 }, { "transaction", 60 }, { "transaction", 250 },
    };

    [Theory]
    [MemberData(nameof(FirstStartKills))]
    public async Task KillDuringTheFirstStart_ThenStart_ServesTheWholeDataSet(string after, int milliseconds)
    {
        // Arrange and act: the first start (migration, then import) killed at the given moment.
        string hit;
        using (var first = AppProcess.Start(AppProcess.BuildOutputDirectory, Database, dataDirectory: TestData.RealDataDirectory))
        {
            hit = await WaitForMomentAsync(after, milliseconds, () => first.HasExited);
            first.Kill();
        }

        // Act
        using var second = AppProcess.Start(AppProcess.BuildOutputDirectory, Database, dataDirectory: TestData.RealDataDirectory);
        var healthy = await second.WaitUntilHealthyAsync(HangGuard);

        // Assert
        Assert.True(healthy, "the start after the kill did not become healthy:\n" + second.RecentOutput);
        Assert.Equal(Curated.Pledges, PledgeCount(Database));
        TestContext.Current.TestOutputHelper?.WriteLine($"first start killed {milliseconds} ms after {after} ({hit}); files after the restart: {Leftovers()}");
    }

    public static TheoryData<string, int> ImportKills => new()
    {
        { "start", 300 }, { "start", 900 },
        { "transaction", 0 }, { "transaction", 40 }, { "transaction", 150 }, { "transaction", 400 },
    };

    [Theory]
    [MemberData(nameof(ImportKills))]
    public async Task KillOfTheImportVerb_ThenStart_ServesTheOldOrTheNewDataSetWhole(string after, int milliseconds)
    {
        // Arrange: a store with the real data, and a larger generated data set to import over it (an import of about two seconds).
        using (var app = AppProcess.Start(AppProcess.BuildOutputDirectory, Database, dataDirectory: TestData.RealDataDirectory))
        {
            Assert.True(await app.WaitUntilHealthyAsync(HangGuard), app.RecentOutput);
        }
        var synthetic = new SyntheticDataSet(Countries: 60, Pledges: 20_000, Events: 2_000, Sources: 1_000, Quotes: 300, OpenIssues: 20);
        var other = synthetic.WriteTo(Path.Combine(Folder, "generated"));

        // Act: the verb killed at the given moment.
        var verb = StartVerb(other);
        var hit = await WaitForMomentAsync(after, milliseconds, () => verb.HasExited);
        var finished = verb.HasExited;
        verb.Kill(entireProcessTree: true);
        await verb.WaitForExitAsync(Ct);

        using var app2 = AppProcess.Start(AppProcess.BuildOutputDirectory, Database, dataDirectory: TestData.RealDataDirectory);
        var healthy = await app2.WaitUntilHealthyAsync(HangGuard);

        // Assert: healthy over one whole data set: the curated one, or the generated one if the import committed.
        Assert.True(healthy, "the start after the kill did not become healthy:\n" + app2.RecentOutput);
        var pledges = PledgeCount(Database);
        Assert.True(pledges == Curated.Pledges || pledges == synthetic.Pledges, $"the store holds {pledges} pledges: neither data set whole");
        Assert.Equal("ok", IntegrityCheck(Database));
        TestContext.Current.TestOutputHelper?.WriteLine($"import killed {milliseconds} ms after {after} ({hit}; finished before: {finished}): {pledges} pledges after restart");
    }

    /// <returns>What was seen: whether the journal appeared (the transaction began) before the kill.</returns>
    private async Task<string> WaitForMomentAsync(string after, int milliseconds, Func<bool> exited)
    {
        if (after == "transaction")
        {
            var deadline = DateTime.UtcNow + HangGuard;
            while (!File.Exists(Database + "-journal") && !exited() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(2, Ct);
            }
            if (!File.Exists(Database + "-journal") && exited())
            {
                return "the process ended before a transaction was seen";
            }
        }
        await Task.Delay(milliseconds, Ct);
        return File.Exists(Database + "-journal") ? "a transaction was open at the kill" : "no transaction open at the kill";
    }

    private Process StartVerb(string dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppProcess.BuildOutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppProcess.BuildOutputDirectory, "CoalitionDashboard.dll"), "import", "--data", dataDirectory })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__Coalition"] = $"Data Source={Database}";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private string Leftovers() => string.Join(", ", Directory.GetFiles(Folder).Select(Path.GetFileName));

    private static long PledgeCount(string database) => Scalar(database, "SELECT COUNT(*) FROM Pledges;");

    private static string IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static long Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
