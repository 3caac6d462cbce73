using System.Diagnostics;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Performance.Infrastructure;

/// <summary>
/// The app as it is deployed: <c>dotnet publish -c Release</c> once per test run into a temporary folder (or the
/// folder named by <c>COALITION_BENCH_PUBLISH_DIR</c>, published beforehand), then started as a real process.
/// </summary>
public static class PublishedApp
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _directory;

    /// <summary>The settings every benchmarked instance runs with: production, quiet logs, the benchmark endpoints on.</summary>
    public static IReadOnlyDictionary<string, string> BenchmarkSettings { get; } = new Dictionary<string, string>
    {
        ["Benchmark__Enabled"] = "true",
        ["Logging__LogLevel__Default"] = "Warning",
        ["DOTNET_gcServer"] = "0",
    };

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CoalitionDashboard.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException($"no CoalitionDashboard.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The publish folder, publishing first when needed.</summary>
    public static async Task<string> DirectoryAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_directory is not null)
            {
                return _directory;
            }
            if (Environment.GetEnvironmentVariable("COALITION_BENCH_PUBLISH_DIR") is { Length: > 0 } given)
            {
                Assert.True(File.Exists(Path.Combine(given, "CoalitionDashboard.dll")), $"COALITION_BENCH_PUBLISH_DIR={given} holds no published app");
                BenchmarkReport.AddContext($"app: published beforehand in {given}");
                return _directory = given;
            }

            var output = Path.Combine(Path.GetTempPath(), "coalition-bench", "publish");
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "publish", "CoalitionDashboard/CoalitionDashboard.csproj", "-c", "Release", "-o", output, "--nologo" })
            {
                start.ArgumentList.Add(arg);
            }
            using var publish = Process.Start(start)!;
            var stdout = publish.StandardOutput.ReadToEndAsync();
            var stderr = publish.StandardError.ReadToEndAsync();
            await publish.WaitForExitAsync();
            Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
            BenchmarkReport.AddContext($"app: `dotnet publish -c Release` of this checkout, started as `dotnet CoalitionDashboard.dll` on 127.0.0.1, environment Production");
            return _directory = output;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Starts the published app over a new database (seeded from its own data/ unless <paramref name="dataDirectory"/> is given) and waits until healthy.</summary>
    public static async Task<RunningApp> StartAsync(string? dataDirectory = null, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var directory = await DirectoryAsync();
        var database = Path.Combine(Path.GetTempPath(), "coalition-bench", $"bench-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var settings = new Dictionary<string, string>(BenchmarkSettings);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        var app = AppProcess.Start(directory, database, dataDirectory: dataDirectory, settings: settings);
        var running = new RunningApp(app, database);
        if (!await app.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3)))
        {
            var output = app.RecentOutput;
            running.Dispose();
            Assert.Fail($"the published app did not become healthy: {output}");
        }
        return running;
    }
}

/// <summary>A started published app and its database; disposing stops it and deletes the database.</summary>
public sealed class RunningApp(AppProcess process, string database) : IDisposable
{
    public AppProcess Process { get; } = process;

    public string Database { get; } = database;

    public Uri BaseAddress => Process.BaseAddress;

    public void Dispose()
    {
        Process.Dispose();
        AppProcess.DeleteDatabase(Database);
    }
}
