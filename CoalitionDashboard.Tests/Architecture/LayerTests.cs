using System.Text.RegularExpressions;

namespace CoalitionDashboard.Tests.Architecture;

/// <summary>
/// Dependencies point one way: Data ← ReadModel ← Components ← Features ← host (Infrastructure, Program); nothing
/// refers to a layer above it. Read from the app's source: a <c>using</c> or a namespace-qualified name in a .cs or .razor file.
/// </summary>
public sealed class LayerTests
{
    private static readonly string App = FindApp();

    public static TheoryData<string, string[]> Rules => new()
    {
        // Data: the records, the import, the store's schema and the Markdown policy the validator shares with pages.
        { "Data", ["ReadModel", "Features", "Components", "Infrastructure"] },
        // The read side: the filter and its parser, the pledge facts and standings, the queries by area. Pages, the
        // API, exports and deck widgets read through it; it knows none of them.
        { "ReadModel", ["Features", "Components", "Infrastructure"] },
        // Shared components (charts, the filter bar, the layout) serve every feature and know none of them.
        { "Components", ["Features", "Infrastructure"] },
        // Features are composed by the host; they never reach back into it.
        { "Features", ["Infrastructure"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Folder_RefersToNoneOfTheLayersAboveIt(string folder, string[] forbidden)
    {
        var violations = Files(folder)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(x => !IsComment(x.line) && References(x.line, forbidden))
            .Select(x => $"{Path.GetRelativePath(App, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(violations.Count == 0, $"{folder} refers to {string.Join(" or ", forbidden)}:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Rules_SeeAReferenceWhereThereIsOne()
    {
        // The guard against a rule that cannot fail: each form of reference is recognised.
        Assert.True(References("using CoalitionDashboard.Infrastructure;", ["Infrastructure"]));
        Assert.True(References("@using CoalitionDashboard.Features.Map", ["Features"]));
        Assert.True(References("using CoalitionDashboard.ReadModel.Filtering;", ["ReadModel"]));
        Assert.True(References("        var x = Infrastructure.Log.Something(logger);", ["Infrastructure"]));
        Assert.True(References("    private readonly CoalitionDashboard.Components.Shared.Svg _svg;", ["Components"]));
        Assert.False(References("    // The host (Infrastructure) composes it.", ["Infrastructure"]));
        Assert.False(References("    public string InfrastructureNote { get; }", ["Infrastructure"]));
    }

    private static bool References(string line, string[] forbidden) =>
        !IsComment(line) && forbidden.Any(layer => Reference(layer).IsMatch(line));

    // "using CoalitionDashboard.X", "@using CoalitionDashboard.X", "CoalitionDashboard.X." or a bare "X." (a namespace
    // below CoalitionDashboard is in scope in every file of the app).
    private static Regex Reference(string layer) =>
        new($@"(?:\bCoalitionDashboard\.{layer}\b|(?<![\w.""]){layer}\.[A-Z])", RegexOptions.CultureInvariant);

    private static bool IsComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("@*", StringComparison.Ordinal) || trimmed.StartsWith('*');
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(Path.Combine(App, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindApp()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoalitionDashboard.sln")))
            {
                return Path.Combine(dir.FullName, "CoalitionDashboard");
            }
        }
        throw new InvalidOperationException("CoalitionDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
