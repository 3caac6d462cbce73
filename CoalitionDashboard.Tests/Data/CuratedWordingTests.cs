using System.Text.Json;
using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Data;

/// <summary>
/// The curated records' text is shown to readers as it is: it cites the sources, never the team's own research notes
/// ("the sheet", "the fact sheet", "the addendum"), which readers cannot look up.
/// </summary>
public sealed partial class CuratedWordingTests
{
    public static TheoryData<string> Files => new(Directory.GetFiles(TestData.RealDataDirectory, "*.json").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public void RecordText_NeverCitesTheResearchNotes(string file)
    {
        // Arrange
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RealDataDirectory, file)),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        // Act
        var offending = Strings(document.RootElement, "$").Where(s => ResearchNotes().IsMatch(s.Text)).Select(s => $"{s.Path}: {s.Text}").ToList();

        // Assert
        Assert.True(offending.Count == 0, $"{file} cites the research notes:\n" + string.Join("\n", offending));
    }

    private static IEnumerable<(string Path, string Text)> Strings(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value, $"{path}.{p.Name}")),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((e, i) => Strings(e, $"{path}[{i}]")),
        JsonValueKind.String => [(path, element.GetString()!)],
        _ => [],
    };

    [GeneratedRegex(@"\b(the|fact|first|research(ed)?)\s+sheets?\b|\baddendum\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResearchNotes();
}
