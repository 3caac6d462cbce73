namespace CoalitionDashboard.Tests.Performance.Infrastructure;

/// <summary>
/// The switch for the performance harness. Benchmarks take minutes and measure the machine as much as the
/// app, so they run only when asked: <c>COALITION_BENCH=1 dotnet test --filter-trait "Category=Performance"</c>.
/// They never assert timings; they write their figures to <see cref="BenchmarkReport"/>.
/// </summary>
public static class Bench
{
    public const string Category = "Performance";

    public static bool Enabled => Environment.GetEnvironmentVariable("COALITION_BENCH") == "1";

    public const string SkipReason =
        "Performance benchmark: runs only with COALITION_BENCH=1 (see README, 'Measure it'); it publishes the app in Release and loads it for minutes.";

    /// <summary>Skips the calling benchmark unless the harness is switched on.</summary>
    public static void RequireEnabled() => Assert.SkipUnless(Enabled, SkipReason);

    /// <summary>How many times each figure is measured; its median is reported. <c>COALITION_BENCH_RUNS</c> overrides.</summary>
    public static int Runs(int defaultRuns) =>
        int.TryParse(Environment.GetEnvironmentVariable("COALITION_BENCH_RUNS"), out var runs) && runs > 0 ? runs : defaultRuns;
}

/// <summary>Benchmarks run one at a time: each one loads the whole machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkCollection
{
    public const string Name = "Benchmarks";
}
