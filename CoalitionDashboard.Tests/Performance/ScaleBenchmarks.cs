using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.Performance.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Performance;

/// <summary>
/// Figure 6 of the performance issue: a synthetic data set in the data/ format (200 countries and entities,
/// 100,000 pledges, 20,000 events, with sources), imported by the published app's <c>import</c> verb; then, with the
/// app serving it, the filtered aggregates behind the overview and the pledges page (timed inside the app, uncached,
/// by the benchmark-mode endpoint <c>/_bench/queries</c>) and the server render time of both pages.
/// </summary>
[Collection(BenchmarkCollection.Name)]
[Trait("Category", Bench.Category)]
public sealed partial class ScaleBenchmarks(ITestOutputHelper output)
{
    private const string Group = "6 scale: 100,000 pledges, 20,000 events, 200 countries";

    /// <summary>The filters the queries and pages are measured under: none, one country, a bloc, a category, a status and a date range.</summary>
    private static readonly string[] Filters = ["", "country=XAB", "country=XAB,XAC,XBA", "bloc=eu", "category=air", "status=announced", "from=2025-01-01&to=2025-12-31", "asof=2025-06-30", "minReliability=B"];

    [Fact]
    public async Task Scale_SyntheticDataSet_ImportAggregatesAndPages()
    {
        Bench.RequireEnabled();
        var app = await PublishedApp.DirectoryAsync();
        var data = Path.Combine(Path.GetTempPath(), "coalition-bench", "synthetic");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
        var generation = Stopwatch.StartNew();
        var set = new SyntheticDataSet();
        set.WriteTo(data);
        var size = Directory.EnumerateFiles(data).Sum(f => new FileInfo(f).Length);
        BenchmarkReport.AddContext($"scale data set: {set.Countries} countries, {set.Pledges:N0} pledges, {set.Events:N0} events, {set.Sources:N0} sources, " +
            $"{set.Quotes:N0} quotes, {set.OpenIssues} open issues; {size / 1024.0 / 1024.0:0.0} MB of JSON generated in {generation.Elapsed.TotalSeconds:0.0} s");

        // Import: the published app's verb on an empty database, as an operator would run it.
        var wall = new List<double>();
        var read = new List<double>();
        var written = new List<double>();
        var peak = new List<double>();
        string? database = null;
        for (var run = 0; run < Bench.Runs(3); run++)
        {
            if (database is not null)
            {
                AppProcess.DeleteDatabase(database);
            }
            database = Path.Combine(Path.GetTempPath(), "coalition-bench", $"scale-{Guid.NewGuid():N}.db");
            var (seconds, text) = await RunImportAsync(app, data, database);
            var phases = ImportPhases().Match(text);
            Assert.True(phases.Success, $"the import verb did not report its phases:\n{text}");
            wall.Add(seconds);
            read.Add(double.Parse(phases.Groups["read"].Value, CultureInfo.InvariantCulture) / 1000);
            written.Add(double.Parse(phases.Groups["written"].Value, CultureInfo.InvariantCulture) / 1000);
            peak.Add(double.Parse(phases.Groups["peak"].Value, CultureInfo.InvariantCulture));
            output.WriteLine($"run {run}: {text.Trim()}");
        }
        BenchmarkReport.Add(Figure.Of(Group, "import of the data set (import verb, empty database)", wall, "s", Budget.AtMost, 15,
            "wall time of `CoalitionDashboard import --data DIR`: process start, migrations, read, check, write"), output);
        BenchmarkReport.Add(Figure.Of(Group, "import: reading and checking the files", read, "s"), output);
        BenchmarkReport.Add(Figure.Of(Group, "import: writing the database", written, "s"), output);
        BenchmarkReport.Add(Figure.Of(Group, "import: peak memory of the import verb", peak, "MB",
            note: "Process.PeakWorkingSet64 (VmHWM on Linux) at the end of `import`: files read as streams, so it grows with the records kept"), output);

        // Queries and pages, with the app serving the imported database (no page cache: every request renders).
        using var process = AppProcess.Start(app, database!, dataDirectory: data, settings: new Dictionary<string, string>(PublishedApp.BenchmarkSettings)
        {
            ["PageCache__Enabled"] = "false",
        });
        try
        {
            var starting = Stopwatch.StartNew();
            Assert.True(await process.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(20)), process.RecentOutput);
            BenchmarkReport.Add(Figure.Of(Group, "app start on the imported database, until /healthz 200", [starting.Elapsed.TotalSeconds], "s",
                note: "migrations checked, data unchanged (no import), pledge facts built"), output);
            using var http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            await MeasureQueriesAsync(http);
            await MeasurePagesAsync(http);
        }
        finally
        {
            process.Dispose();
            AppProcess.DeleteDatabase(database!);
        }
    }

    private async Task MeasureQueriesAsync(HttpClient http)
    {
        var timings = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        // One unmeasured pass: the first query of each shape compiles it.
        await http.PostAsync("_bench/queries", null);
        for (var run = 0; run < Bench.Runs(5); run++)
        {
            foreach (var filter in Filters)
            {
                using var response = await http.PostAsync("_bench/queries?" + filter, null);
                response.EnsureSuccessStatusCode();
                var result = await response.Content.ReadFromJsonAsync<JsonElement>();
                foreach (var query in result.GetProperty("queries").EnumerateArray())
                {
                    var name = query.GetProperty("name").GetString()!;
                    kinds[name] = query.GetProperty("kind").GetString()!;
                    (timings.TryGetValue(name, out var list) ? list : timings[name] = []).Add(query.GetProperty("milliseconds").GetDouble());
                }
            }
        }
        foreach (var (name, samples) in timings)
        {
            var aggregate = kinds[name] == "aggregate";
            BenchmarkReport.Add(new Figure(Group, $"query ({kinds[name]}): {name}, p95 over {Filters.Length} filters", Stats.Percentile(samples, 95), "ms", samples,
                aggregate ? Budget.AtMost : Budget.None, aggregate ? 50 : null, $"median {Stats.Median(samples):0.0} ms; uncached, timed inside the app"), output);
        }
    }

    private async Task MeasurePagesAsync(HttpClient http)
    {
        foreach (var page in new[] { "/", "/pledges" })
        {
            var cold = new List<double>();
            var warm = new List<double>();
            await http.GetAsync(page);
            for (var run = 0; run < Bench.Runs(5); run++)
            {
                foreach (var filter in Filters)
                {
                    var url = page + (filter.Length > 0 ? "?" + filter : "");
                    // Cold: the first view of a filter after an import (every query and fragment is a cache miss).
                    (await http.PostAsync("_bench/clear-cache", null)).EnsureSuccessStatusCode();
                    cold.Add(await TimeAsync(http, url));
                    // Warm: the next visitor of the same view (its results are shared).
                    warm.Add(await TimeAsync(http, url));
                }
            }
            var home = page == "/";
            BenchmarkReport.Add(new Figure(Group, $"{page} server render, first view of a filter (cold caches), p95", Stats.Percentile(cold, 95), "ms", cold,
                home ? Budget.AtMost : Budget.None, home ? 300 : null, $"median {Stats.Median(cold):0} ms; {Filters.Length} filters, full response body"), output);
            BenchmarkReport.Add(new Figure(Group, $"{page} server render, next view of the same filter, p95", Stats.Percentile(warm, 95), "ms", warm,
                Note: $"median {Stats.Median(warm):0} ms; query results shared, page output cache off"), output);
        }
    }

    private static async Task<double> TimeAsync(HttpClient http, string url)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        stopwatch.Stop();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static async Task<(double Seconds, string Output)> RunImportAsync(string app, string data, string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(app, "CoalitionDashboard.dll"), "import", "--data", data })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__Coalition"] = $"Data Source={database}";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        stopwatch.Stop();
        var text = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"import failed ({process.ExitCode}):\n{text}");
        return (stopwatch.Elapsed.TotalSeconds, text);
    }

    [GeneratedRegex(@"read and checked in (?<read>\d+) ms, written in (?<written>\d+) ms; peak memory (?<peak>\d+) MB")]
    private static partial Regex ImportPhases();
}
