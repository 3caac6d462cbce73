using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// The app's command-line verbs: <c>validate [--data DIR]</c> checks the data files and the briefing decks and prints
/// every problem as <c>file:line: message</c>; <c>import [--data DIR]</c> runs the same checks, then migrates and
/// imports. Both verbs follow one rule: a problem in a data file or in a deck is a problem, so both exit 1 on the same
/// data, and <c>import</c> then imports nothing. <c>--allow-empty</c> lets a file of records hold none (<c>[]</c>) on
/// purpose. Exit code 0 on success, 1 when the data has problems, 2 for a usage error.
/// </summary>
public static class DataCommands
{
    private const string Usage = "usage: CoalitionDashboard validate|import [--data DIR] [--allow-empty] [--ConnectionStrings:Coalition \"Data Source=FILE\"]";

    private const string AllowEmpty = "--allow-empty";

    public static bool IsVerb(string[] args) => args.Length > 0 && args[0] is "validate" or "import";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var verb = args[0];
        var allowEmpty = args.Contains(AllowEmpty, StringComparer.Ordinal);
        var rest = args[1..].Where(a => a != AllowEmpty).ToArray();
        if (rest.Length % 2 != 0 || rest.Where((_, i) => i % 2 == 0).Any(a => !a.StartsWith("--", StringComparison.Ordinal)))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = rest,
            ContentRootPath = AppContext.BaseDirectory,
            // Same environment as the web app started by `dotnet run`, so both read the same data directory.
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        builder.Configuration.AddCommandLineSwitches(rest);
        builder.Logging.ClearProviders();
        builder.Services.AddDashboardData(builder.Configuration);
        using var host = builder.Build();

        var dataDirectory = host.Services.GetRequiredService<IOptions<SeedOptions>>().Value.DataDirectory;
        var cwd = DependencyInjection.InvocationDirectory;
        var reading = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = DataSetLoader.Load(dataDirectory, options: new LoadOptions(AllowEmpty: allowEmpty));
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems)
            {
                await output.WriteLineAsync(problem.Format(cwd));
            }
            await error.WriteLineAsync($"{result.Problems.Count} problem(s) in {dataDirectory}; nothing was imported.");
            return 1;
        }

        var counts = DataImporter.CountsOf(result.DataSet!);
        // Decks are checked against the data they show; a broken deck stops `import` as it fails `validate`.
        var deckProblems = Features.Briefings.DeckValidator.Validate(dataDirectory, result.DataSet!);
        foreach (var problem in deckProblems)
        {
            await output.WriteLineAsync(problem.Format(cwd));
        }
        if (deckProblems.Count > 0)
        {
            await error.WriteLineAsync($"{deckProblems.Count} problem(s) in the briefing decks of {dataDirectory}; nothing was imported.");
            return 1;
        }
        if (verb == "validate")
        {
            await output.WriteLineAsync($"{dataDirectory}: valid. {counts}.");
            return 0;
        }

        var factory = host.Services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>();
        try
        {
            // The start-up's repairs and migration: a damaged file moved aside, a lock left by a killed process cleared.
            await host.Services.GetRequiredService<DatabaseMaintenance>().PrepareForImportAsync(cancellationToken);
        }
        catch (StoreUnusableException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        // The files were read and checked above: import that result rather than reading them twice.
        var outcome = await host.Services.GetRequiredService<DataImporter>().ImportAsync(result, System.Diagnostics.Stopwatch.GetElapsedTime(reading), DataImporter.ByCommand, cancellationToken);
        if (outcome.Status != ImportStatus.Imported)
        {
            foreach (var problem in outcome.Problems)
            {
                await output.WriteLineAsync(problem.Format(cwd));
            }
            return 1;
        }
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // The peak working set of the whole verb (read, check, write), for the scale benchmark and for sizing a host.
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            await output.WriteLineAsync($"Imported {dataDirectory} into {db.Database.GetDbConnection().DataSource}: {outcome.Counts}; " +
                $"read and checked in {outcome.Read.TotalMilliseconds:0} ms, written in {outcome.Written.TotalMilliseconds:0} ms; " +
                $"peak memory {process.PeakWorkingSet64 / (1024 * 1024)} MB.");
        }
        return 0;
    }
}
