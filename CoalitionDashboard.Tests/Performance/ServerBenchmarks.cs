using System.Diagnostics;
using CoalitionDashboard.Tests.Performance.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Performance;

/// <summary>
/// Figures 1 and 2 of the performance issue: cold start of the published app on an empty database, and the
/// throughput and latency of the prerendered pages against a static file served by the same process.
/// </summary>
[Collection(BenchmarkCollection.Name)]
[Trait("Category", Bench.Category)]
public sealed class ServerBenchmarks(ITestOutputHelper output)
{
    private const int Connections = 32;

    [Fact]
    public async Task ColdStart_EmptyDatabase_UntilHealthy()
    {
        Bench.RequireEnabled();
        var directory = await PublishedApp.DirectoryAsync();
        // One unmeasured start, so every measured one finds the files in the OS cache.
        using (await PublishedApp.StartAsync())
        {
        }

        var samples = new List<double>();
        for (var run = 0; run < Bench.Runs(5); run++)
        {
            var database = Path.Combine(Path.GetTempPath(), "coalition-bench", $"cold-{Guid.NewGuid():N}.db");
            var stopwatch = Stopwatch.StartNew();
            using var app = AppProcess.Start(directory, database, settings: PublishedApp.BenchmarkSettings);
            var healthy = await app.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(20));
            stopwatch.Stop();
            Assert.True(healthy, app.RecentOutput);
            samples.Add(stopwatch.Elapsed.TotalSeconds);
            app.Dispose();
            AppProcess.DeleteDatabase(database);
        }
        BenchmarkReport.Add(Figure.Of("1 cold start", "published app, empty database → /healthz 200", samples, "s", Budget.AtMost, 3,
            "process start, migrations, import of data/, first 200 (polled every 20 ms)"), output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Throughput_PrerenderedPages_AgainstAStaticFile(bool pageCache)
    {
        Bench.RequireEnabled();
        // Without the page cache every request renders the page: the cost the cache saves, and what a
        // never-seen-before filter costs its first visitor.
        using var app = await PublishedApp.StartAsync(extraSettings: new Dictionary<string, string> { ["PageCache__Enabled"] = pageCache ? "true" : "false" });
        var staticFile = "favicon.svg";
        var pages = new[] { "/", "/countries", "/pledges" };
        var runs = Bench.Runs(3);
        var staticRps = new List<double>();
        var staticP99 = new List<double>();
        var pageResults = pages.ToDictionary(p => p, _ => new List<LoadResult>());

        // Interleaved runs: each page and the static file are measured under the same machine conditions.
        for (var run = 0; run < runs; run++)
        {
            var reference = await LoadGenerator.RunAsync(new Uri(app.BaseAddress, staticFile), Connections, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
            staticRps.Add(reference.RequestsPerSecond);
            staticP99.Add(reference.P99Ms);
            output.WriteLine($"run {run}: /{staticFile} {reference}");
            foreach (var page in pages)
            {
                var result = await LoadGenerator.RunAsync(new Uri(app.BaseAddress, page), Connections, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
                Assert.True(result.Errors == 0, $"{page}: {result.Errors} failed requests");
                pageResults[page].Add(result);
                output.WriteLine($"run {run}: {page} {result}");
            }
        }

        var group = pageCache ? "2 throughput (32 connections, 10 s)" : "2b throughput without the page cache (every request rendered)";
        BenchmarkReport.Add(Figure.Of(group, $"static /{staticFile}: requests/s", staticRps, "req/s", note: "reference: the same process serving a static file"), output);
        BenchmarkReport.Add(Figure.Of(group, $"static /{staticFile}: p99", staticP99, "ms"), output);
        foreach (var (page, results) in pageResults)
        {
            var rps = results.Select(r => r.RequestsPerSecond).ToList();
            var budget = page == "/" && pageCache;
            BenchmarkReport.Add(Figure.Of(group, $"{page}: requests/s", rps, "req/s", budget ? Budget.AtLeast : Budget.None, budget ? 1000 : null,
                $"{results[0].MeanResponseBytes / 1024:0.0} KB per response (br)"), output);
            BenchmarkReport.Add(Figure.Of(group, $"{page}: p50", results.Select(r => r.P50Ms).ToList(), "ms"), output);
            BenchmarkReport.Add(Figure.Of(group, $"{page}: p99", results.Select(r => r.P99Ms).ToList(), "ms", budget ? Budget.AtMost : Budget.None, budget ? 100 : null), output);
            BenchmarkReport.Add(Figure.Of(group, $"{page}: throughput / static file", rps.Zip(staticRps, (p, s) => p / s).ToList(), "ratio",
                budget ? Budget.AtLeast : Budget.None, budget ? 0.8 : null,
                note: "stable across machines: the page's share of what this process serves statically"), output);
        }
    }
}
