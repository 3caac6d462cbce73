using System.Text.RegularExpressions;

namespace CoalitionDashboard.Tests.Infrastructure;

public sealed partial class ArchitectureTests
{
    /// <summary>
    /// A DbContext injected into a component lives as long as the browser tab (the circuit) and is not
    /// thread-safe; components and services must create one per operation from the factory.
    /// </summary>
    [Fact]
    public void AppSource_NeverInjectsTheDbContextDirectly()
    {
        var appDirectory = Path.Combine(RepositoryRoot(), "CoalitionDashboard");
        var offenders = Directory.EnumerateFiles(appDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => DirectInjection().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(appDirectory, f))
            .ToList();

        Assert.True(offenders.Count == 0, "inject IDbContextFactory<CoalitionDbContext> instead in: " + string.Join(", ", offenders));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoalitionDashboard.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    // "@inject CoalitionDbContext", "[Inject] ... CoalitionDbContext Name", or a (primary) constructor parameter.
    [GeneratedRegex(@"@inject\s+CoalitionDbContext\b|\[Inject\][^;\n]*\bCoalitionDbContext\s+\w+|(class|record)\s+\w+\s*\([^)]*\bCoalitionDbContext\s+\w+|public\s+\w+\s*\([^)]*\bCoalitionDbContext\s+\w+")]
    private static partial Regex DirectInjection();
}
