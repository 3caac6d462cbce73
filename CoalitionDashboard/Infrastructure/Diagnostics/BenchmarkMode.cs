using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CoalitionDashboard.Infrastructure.Diagnostics;

/// <summary>
/// Diagnostics for the performance harness, off unless <c>Benchmark:Enabled</c> is true (the harness sets it
/// when it starts the published app). <c>GET /_bench/memory</c> forces a full, compacting collection and reports
/// the managed heap, the process working set and the number of open circuits; <c>POST /_bench/clear-cache</c> drops
/// every shared result; <c>POST /_bench/queries?FILTER</c> times the queries behind the overview and the pledges page.
/// </summary>
public static class BenchmarkMode
{
    public const string EnabledKey = "Benchmark:Enabled";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);

    public static IServiceCollection AddBenchmarkMode(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            services.AddSingleton<CircuitCounter>();
            services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
            // A tab closed without its disconnect beacon leaves its circuit for the retention period (3 minutes by
            // default); the memory benchmark closes 100 tabs between runs and waits for their circuits to go.
            services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(5));
        }
        return services;
    }

    public static void MapBenchmarkEndpoints(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return;
        }
        app.MapGet("/_bench/memory", (CircuitCounter circuits) =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return Results.Json(new BenchmarkMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, circuits.Open));
        });

        // Every shared query result and rendered fragment dropped (the data and its pledge facts stay loaded): the next
        // view of any filter is a first view.
        app.MapPost("/_bench/clear-cache", (ReadModel.QueryCache cache) =>
        {
            cache.DropResults();
            return Results.NoContent();
        });

        // The queries behind the overview and the pledges page, each run uncached under the filter in the query string.
        app.MapPost("/_bench/queries", async (HttpContext context, ReadModel.Filtering.ReferenceData referenceData, ReadModel.QueryCache cache,
            ReadModel.DashboardQueries queries, ReadModel.OverviewQueries overview) =>
        {
            var reference = await referenceData.GetAsync();
            var filter = ReadModel.Filtering.FilterParser.Parse(context.Request.QueryString.Value, reference.Codes).Filter;
            var timings = new List<BenchmarkQueryTiming>();
            async Task Time(string name, string kind, Func<Task> run)
            {
                cache.DropResults();
                var started = Stopwatch.GetTimestamp();
                await run();
                timings.Add(new BenchmarkQueryTiming(name, kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
            await Time("dataset counts (overview)", "aggregate", () => overview.GetSummaryAsync());
            await Time("pledge totals and statuses", "aggregate", () => queries.Pledges.GetPledgeStatsAsync(filter));
            await Time("country standings (status and forces per country)", "aggregate", () => queries.Countries.GetCountryRowsAsync(filter));
            await Time("every country's standing as of 1 Oct 2025", "aggregate", () => queries.Pledges.GetStandingsAsync(filter.With(asOf: new DateOnly(2025, 10, 1))));
            await Time("pledges by category", "aggregate", () => queries.Pledges.CountByCategoryAsync(filter));
            await Time("pledges by main category and status", "aggregate", () => queries.Pledges.CountByMainCategoryAndStatusAsync(filter));
            await Time("first pledge titles per country (map hover)", "aggregate", () => queries.Pledges.GetPledgeTitlesByCountryAsync(filter, Features.Map.MapBuilder.TitlesPerCountry));
            await Time("latest 5 events", "list", () => queries.Events.GetLatestEventsAsync(filter, coalitionInScope: true, 5));
            await Time("4 key quotes", "list", () => queries.Quotes.GetKeyQuotesAsync(filter, 4));
            await Time("open issues", "list", () => queries.OpenIssues.GetOpenIssuesAsync());
            await Time("pledge grid, first page of 25", "list", () => queries.Pledges.GetPledgePageAsync(filter, null, ReadModel.PledgeSort.Default, false, 0, 25));
            await Time("pledge grid, page 3 sorted by date, searched", "list", () => queries.Pledges.GetPledgePageAsync(filter, "pledge 1", ReadModel.PledgeSort.Date, true, 50, 25));
            cache.DropResults();
            return Results.Json(new { queries = timings });
        });
    }
}

public sealed record BenchmarkMemory(long ManagedHeapBytes, long WorkingSetBytes, int OpenCircuits);

public sealed record BenchmarkQueryTiming(string Name, string Kind, double Milliseconds);

/// <summary>Counts the open circuits (connected or not, until the server disposes them).</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}
