using System.Text;
using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Data;

/// <summary>What the loader says about files that are wrong below the level of a field: encodings, line endings, limits.</summary>
public sealed class DataSetLoaderTests
{
    public static TheoryData<string, string, string> BadBytes => new()
    {
        { DataFiles.Pledges, "\"title\": \"", "FF" },
        { DataFiles.Pledges, "\"title\": \"", "C3" },
        { DataFiles.Dataset, "\"title\": \"", "FF" },
        // An encoded surrogate (ED A0 80) and an overlong slash (C0 AF) are not UTF-8 either; nor is a byte outside a string.
        { DataFiles.Sources, "\"title\": \"", "EDA080" },
        { DataFiles.Countries, "\"name\": \"", "C0AF" },
        { DataFiles.Countries, "\"eu\": ", "FF" },
    };

    [Theory]
    [MemberData(nameof(BadBytes))]
    public void Load_ByteThatIsNotUtf8_IsAProblemAtItsLine(string file, string after, string hex)
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        var line = InsertBytes(data, file, after, Convert.FromHexString(hex));

        // Act
        var result = DataSetLoader.Load(data.Directory);

        // Assert
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((data.PathOf(file), line), (problem.FilePath, problem.Line));
        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udfff")]
    [InlineData("x\\ud83dy")]
    public void Load_LoneSurrogateEscape_IsAProblemAtItsLine(string escape)
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        var line = data.ReplaceFirst(DataFiles.Events, "\"title\": \"", "\"title\": \"" + escape);

        // Act
        var result = DataSetLoader.Load(data.Directory);

        // Assert
        var problem = Assert.Single(result.Problems);
        Assert.Equal((data.PathOf(DataFiles.Events), line), (problem.FilePath, problem.Line));
        Assert.Contains("lone surrogate", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'title'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EscapedSurrogatePair_IsText()
    {
        using var data = TestData.CopyOfRealData();
        data.ReplaceFirst(DataFiles.Events, "\"title\": \"", "\"title\": \"\\ud83d\\ude00 ");

        var result = DataSetLoader.Load(data.Directory);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Contains(result.DataSet!.Events, e => e.Title.StartsWith("\U0001F600 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public void Load_OtherLineEndings_ReportProblemsAtTheirLines(string lineEnding)
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        var statusLine = data.ReplaceFirst(DataFiles.Pledges, "\"status\": \"announced\"", "\"status\": \"promised\"");
        var syntaxLine = data.ReplaceFirst(DataFiles.Quotes, "\"topic\": ", "\"topic\" ");
        foreach (var file in DataFiles.All)
        {
            File.WriteAllText(data.PathOf(file), data.Read(file).Replace("\n", lineEnding, StringComparison.Ordinal));
        }

        // Act
        var result = DataSetLoader.Load(data.Directory);

        // Assert
        Assert.Equal(
            [(data.PathOf(DataFiles.Pledges), statusLine), (data.PathOf(DataFiles.Quotes), syntaxLine)],
            result.Problems.Select(p => (p.FilePath, p.Line)).Order());
    }

    [Theory]
    [InlineData(DataFiles.Events)]
    [InlineData(DataFiles.OpenIssues)]
    [InlineData(DataFiles.Quotes)]
    [InlineData(DataFiles.Pledges)]
    public void Load_EmptyRecordList_IsRefusedUnlessAllowed(string file)
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        File.WriteAllText(data.PathOf(file), "// nothing yet\n[\n]\n");
        if (file == DataFiles.Pledges)
        {
            // Open issues point at pledges: without any, they would be refused for that instead.
            File.WriteAllText(data.PathOf(DataFiles.OpenIssues), "[]");
        }

        // Act
        var refused = DataSetLoader.Load(data.Directory);
        var allowed = DataSetLoader.Load(data.Directory, options: new LoadOptions(AllowEmpty: true));

        // Assert
        Assert.False(refused.IsValid);
        var problem = Assert.Single(refused.Problems, p => p.FilePath == data.PathOf(file));
        Assert.Equal(2, problem.Line);
        Assert.Equal("no records; pass --allow-empty to import an empty file on purpose", problem.Message);
        Assert.True(allowed.IsValid, string.Join("\n", allowed.Problems));
    }

    [Theory]
    [InlineData("\\u0000", "U+0000")]
    [InlineData("\\u001b", "U+001B")]
    [InlineData("\\u007f", "U+007F")]
    [InlineData("\u0085", "U+0085")]
    [InlineData("\u009f", "U+009F")]
    [InlineData("\u007f", "U+007F")]
    public void Load_ControlCharacterInText_IsRefusedNamingTheField(string written, string expected)
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        var line = data.ReplaceFirst(DataFiles.Pledges, "\"description\": \"", "\"description\": \"a" + written + "b");

        // Act
        var result = DataSetLoader.Load(data.Directory);

        // Assert
        var problem = Assert.Single(result.Problems);
        Assert.Equal((data.PathOf(DataFiles.Pledges), line), (problem.FilePath, problem.Line));
        Assert.Contains("'description'", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TabsAndLineBreaksInText_AreFine()
    {
        using var data = TestData.CopyOfRealData();
        data.ReplaceFirst(DataFiles.Pledges, "\"description\": \"", "\"description\": \"a\\tb\\nc\\r\\nd ");

        var result = DataSetLoader.Load(data.Directory);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    // Within the length a text field may have (longer text is refused as too long before it is rendered).
    public static TheoryData<string, string> DeepMarkdown => new()
    {
        { "quote markers", new string('>', 10_000) + " deep" },
        { "nested lists", string.Concat(Enumerable.Repeat("- ", 1_000)) + "deep" },
        { "emphasis markers", new string('*', 7_500) + "deep" + new string('*', 7_500) },
    };

    [Theory]
    [MemberData(nameof(DeepMarkdown))]
    public void Load_MarkdownFieldTooDeeplyNested_IsAProblemAtItsLine(string kind, string markdown)
    {
        // Arrange: a country's notes are Markdown, rendered on its profile.
        using var data = TestData.CopyOfRealData();
        var line = data.ReplaceFirst(DataFiles.Countries, "\"notes\": \"", "\"notes\": \"" + markdown + " ");

        // Act
        var result = DataSetLoader.Load(data.Directory);

        // Assert
        var problem = Assert.Single(result.Problems);
        Assert.Equal((data.PathOf(DataFiles.Countries), line), (problem.FilePath, problem.Line));
        Assert.Contains("'notes'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("too deeply nested", problem.Message, StringComparison.Ordinal);
        Assert.NotEmpty(kind);
    }

    [Theory]
    [InlineData(DataFiles.Dataset, "\"coverage\": \"")]
    [InlineData(DataFiles.Sources, "\"note\": \"")]
    [InlineData(DataFiles.Organisations, "\"notes\": \"")]
    [InlineData(DataFiles.OpenIssues, "\"description\": \"")]
    public void Load_EveryMarkdownField_IsRenderedToCheckIt(string file, string property)
    {
        using var data = TestData.CopyOfRealData();
        var line = data.ReplaceFirst(file, property, property + new string('>', 1_000) + " ");

        var result = DataSetLoader.Load(data.Directory);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((data.PathOf(file), line), (problem.FilePath, problem.Line));
        Assert.Contains("too deeply nested", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HugeString_IsRefusedNamingTheField()
    {
        using var data = TestData.CopyOfRealData();
        var line = data.ReplaceFirst(DataFiles.Pledges, "\"description\": \"", "\"description\": \"" + new string('x', 3_000_000));

        var result = DataSetLoader.Load(data.Directory);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((data.PathOf(DataFiles.Pledges), line), (problem.FilePath, problem.Line));
        Assert.Contains("'description' is too long", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LongFile_ReportsProblemsAfterManyMegabytesAtTheRightLine()
    {
        // Arrange: a few megabytes of comments before a broken record, so the file is read in many pieces.
        using var data = TestData.CopyOfRealData();
        var padding = string.Concat(Enumerable.Repeat("// " + new string('-', 70) + "\r\n", 60_000));
        var text = padding + data.Read(DataFiles.Pledges);
        File.WriteAllText(data.PathOf(DataFiles.Pledges), text);
        var line = data.ReplaceFirst(DataFiles.Pledges, "\"status\": \"announced\"", "\"status\": \"promised\"");

        // Act
        var result = DataSetLoader.Load(data.Directory);

        // Assert
        var problem = Assert.Single(result.Problems);
        Assert.Equal((data.PathOf(DataFiles.Pledges), line), (problem.FilePath, problem.Line));
    }

    /// <summary>Writes <paramref name="bytes"/> right after the first match of <paramref name="after"/>; returns its line.</summary>
    private static int InsertBytes(TestData data, string file, string after, byte[] bytes)
    {
        const string Marker = "@@BYTES@@";
        var line = data.ReplaceFirst(file, System.Text.RegularExpressions.Regex.Escape(after), after + Marker);
        var text = Encoding.UTF8.GetBytes(data.Read(file));
        var at = text.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Marker));
        File.WriteAllBytes(data.PathOf(file), [.. text[..at], .. bytes, .. text[(at + Marker.Length)..]]);
        return line;
    }
}
