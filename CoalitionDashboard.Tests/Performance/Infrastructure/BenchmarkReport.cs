using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CoalitionDashboard.Tests.Performance.Infrastructure;

/// <summary>How a figure is compared with its budget.</summary>
public enum Budget { AtMost, AtLeast, None }

/// <summary>
/// One measured figure: the median of <see cref="Runs"/> (every run kept in <see cref="Samples"/>), its unit and,
/// where the issue sets one, its budget.
/// </summary>
public sealed record Figure(
    string Group,
    string Name,
    double Median,
    string Unit,
    IReadOnlyList<double> Samples,
    Budget BudgetKind = Budget.None,
    double? BudgetValue = null,
    string? Note = null)
{
    public int Runs => Samples.Count;

    public bool? MeetsBudget => BudgetValue is not { } limit ? null : BudgetKind switch
    {
        Budget.AtMost => Median <= limit,
        Budget.AtLeast => Median >= limit,
        _ => null,
    };

    public static Figure Of(string group, string name, IReadOnlyList<double> samples, string unit,
        Budget budget = Budget.None, double? limit = null, string? note = null) =>
        new(group, name, Stats.Median(samples), unit, samples, budget, limit, note);
}

/// <summary>
/// The harness's report: every figure recorded in this run, rewritten to <c>report.md</c> and <c>report.json</c>
/// after each new figure (so an interrupted run still leaves what it measured). The folder is
/// <c>COALITION_BENCH_REPORT_DIR</c>, or <c>TestResults/benchmarks</c> next to the test binaries.
/// </summary>
public static class BenchmarkReport
{
    private static readonly Lock Gate = new();
    private static readonly List<Figure> Figures = [];
    private static readonly List<string> Context = [];

    public static string Directory { get; } =
        Environment.GetEnvironmentVariable("COALITION_BENCH_REPORT_DIR") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "benchmarks");

    public static string MarkdownPath => Path.Combine(Directory, "report.md");

    public static string JsonPath => Path.Combine(Directory, "report.json");

    /// <summary>Records a figure, writes the report and says where it is in the test output.</summary>
    public static void Add(Figure figure, ITestOutputHelper? output = null)
    {
        lock (Gate)
        {
            Figures.RemoveAll(f => f.Group == figure.Group && f.Name == figure.Name);
            Figures.Add(figure);
            Write();
        }
        output?.WriteLine($"{figure.Group} / {figure.Name}: {Format(figure.Median)} {figure.Unit} ({figure.Runs} samples: {string.Join(", ", figure.Samples.Select(Format))})");
        output?.WriteLine($"report: {MarkdownPath}");
        Console.Error.WriteLine($"benchmark report: {MarkdownPath} ({JsonPath})");
    }

    /// <summary>A line on how the figures were obtained (machine, build, dataset), written above the table.</summary>
    public static void AddContext(string line)
    {
        lock (Gate)
        {
            if (!Context.Contains(line))
            {
                Context.Add(line);
                Write();
            }
        }
    }

    private static void Write()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var md = new StringBuilder();
        md.AppendLine("# CoalitionDashboard benchmark report").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- written {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.MachineName}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        foreach (var line in Context)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }
        md.AppendLine();
        md.AppendLine("| group | figure | median | unit | runs | budget | meets | note |");
        md.AppendLine("|---|---|---:|---|---:|---|---|---|");
        foreach (var f in Figures.OrderBy(f => f.Group, StringComparer.Ordinal))
        {
            var budget = f.BudgetValue is { } limit ? (f.BudgetKind == Budget.AtMost ? "≤ " : "≥ ") + Format(limit) : "";
            var meets = f.MeetsBudget switch { true => "yes", false => "**no**", null => "" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Group} | {f.Name} | {Format(f.Median)} | {f.Unit} | {f.Runs} | {budget} | {meets} | {f.Note} |");
        }
        File.WriteAllText(MarkdownPath, md.ToString());

        var json = JsonSerializer.Serialize(new
        {
            writtenUtc = DateTimeOffset.UtcNow,
            machine = new { Environment.MachineName, Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, dotnet = Environment.Version.ToString() },
            context = Context,
            figures = Figures.Select(f => new
            {
                f.Group, f.Name, f.Median, f.Unit, f.Runs, f.Samples,
                budget = f.BudgetValue is null ? null : new { kind = f.BudgetKind.ToString(), value = f.BudgetValue },
                meetsBudget = f.MeetsBudget, f.Note,
            }),
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        File.WriteAllText(JsonPath, json);
    }

    private static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 10 ? "0.0" : Math.Abs(value) >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture);
}
