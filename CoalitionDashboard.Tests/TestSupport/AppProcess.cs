using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>
/// The app started as a real process (<c>dotnet CoalitionDashboard.dll</c>) on a loopback port, for tests that
/// stop and restart the server and for the benchmarks, which measure the published app as users run it.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the app wrote (for failure messages).</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output.TakeLast(40));
            }
        }
    }

    /// <summary>The app's own build output (it has the static web assets manifest): .../CoalitionDashboard/bin/&lt;Configuration&gt;/net10.0/</summary>
    public static string BuildOutputDirectory
    {
        get
        {
            var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var separator = Path.DirectorySeparatorChar;
            return testOutput.Replace($"{separator}CoalitionDashboard.Tests{separator}", $"{separator}CoalitionDashboard{separator}", StringComparison.Ordinal);
        }
    }

    /// <summary>Starts the app in <paramref name="appDirectory"/> over the SQLite file <paramref name="database"/>.</summary>
    public static AppProcess Start(string appDirectory, string database, int? port = null, string? dataDirectory = null,
        string environment = "Production", IReadOnlyDictionary<string, string>? settings = null)
    {
        var chosenPort = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(appDirectory, "CoalitionDashboard.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{chosenPort}");
        if (dataDirectory is not null)
        {
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(dataDirectory);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ConnectionStrings__Coalition"] = $"Data Source={database}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(Process.Start(start)!, chosenPort);
        app._process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200)
            {
                _output.RemoveRange(0, 100);
            }
        }
    }

    /// <summary>Waits until <c>/healthz</c> answers 200 (polling every <paramref name="pollInterval"/>); returns false on timeout or exit.</summary>
    public async Task<bool> WaitUntilHealthyAsync(TimeSpan timeout, TimeSpan? pollInterval = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync(new Uri(BaseAddress, "healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(200));
        }
        return false;
    }

    /// <summary>kill -9: the process ends at once, with no chance to finish or clean up what it was doing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Deletes a SQLite file and its journal files.</summary>
    public static void DeleteDatabase(string database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
    }
}
