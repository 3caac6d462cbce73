using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CoalitionDashboard.Tests.Infrastructure;

public sealed class DataCommandsTests
{
    [Fact]
    public async Task Validate_RealData_ExitsZeroAndSaysValid()
    {
        // Arrange
        var output = new StringWriter();
        var error = new StringWriter();

        // Act
        var exit = await DataCommands.RunAsync(["validate", "--data", TestData.RealDataDirectory], output, error, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(0, exit);
        Assert.Contains("valid. 35 members", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_CorruptedFile_PrintsFileLineMessageAndExitsOne()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        var statusLine = data.ReplaceFirst(DataFiles.Pledges, "\"status\": \"announced\"", "\"status\": \"promised\"");
        var dateLine = data.ReplaceFirst(DataFiles.Events, "\"date\": \"2022-02-24\"", "\"date\": \"24/02/2022\"");
        var output = new StringWriter();
        var error = new StringWriter();

        // Act
        var exit = await DataCommands.RunAsync(["validate", "--data", data.Directory], output, error, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith($"{data.PathOf(DataFiles.Pledges)}:{statusLine}: 'status' value 'promised'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{data.PathOf(DataFiles.Events)}:{dateLine}: 'date' value '24/02/2022'", StringComparison.Ordinal));
        Assert.Contains("2 problem(s)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenDeck_NamesDeckFileAndLine()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        var deck = Path.Combine("briefings", "paris-summit-2026.md");
        var widgetLine = data.ReplaceFirst(deck, @"\{\{map metric=forces view=europe\}\}", "{{map metric=height}}");
        var countryLine = data.ReplaceFirst(deck, @"\{\{country DEU\}\}", "{{country XYZ}}");
        var output = new StringWriter();
        var error = new StringWriter();

        // Act
        var exit = await DataCommands.RunAsync(["validate", "--data", data.Directory], output, error, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, exit);
        var text = output.ToString();
        Assert.Contains($"{data.PathOf(deck)}:{widgetLine}: map: metric='height' is not one of", text, StringComparison.Ordinal);
        Assert.Contains($"{data.PathOf(deck)}:{countryLine}: unknown country 'XYZ'", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IntoNewDatabase_CreatesAndFillsIt()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"coalition-cli-{Guid.NewGuid():N}.db");
        var output = new StringWriter();

        try
        {
            // Act
            var exit = await DataCommands.RunAsync(
                ["import", "--data", TestData.RealDataDirectory, "--ConnectionStrings:Coalition", $"Data Source={path}"],
                output, new StringWriter(), TestContext.Current.CancellationToken);

            // Assert
            Assert.Equal(0, exit);
            Assert.Contains("Imported", output.ToString(), StringComparison.Ordinal);
            // The scale benchmark reads the phases and the peak memory off this line.
            Assert.Matches(@"read and checked in \d+ ms, written in \d+ ms; peak memory \d+ MB", output.ToString());
            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Countries WHERE Role = 'Member'";
            Assert.Equal(35L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Import_CorruptedData_ExitsOneAndCreatesNoData()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        data.ReplaceFirst(DataFiles.Sources, "\"reliability\": \"A\"", "\"reliability\": \"excellent\"");
        var path = Path.Combine(Path.GetTempPath(), $"coalition-cli-{Guid.NewGuid():N}.db");
        var output = new StringWriter();

        // Act
        var exit = await DataCommands.RunAsync(
            ["import", "--data", data.Directory, "--ConnectionStrings:Coalition", $"Data Source={path}"],
            output, new StringWriter(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("'reliability' value 'excellent' is not one of: A, B, C", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path) && new FileInfo(path).Length > 0, "no database should have been written");
    }

    [Fact]
    public async Task Run_BadArguments_PrintsUsageAndExitsTwo()
    {
        // Arrange
        var error = new StringWriter();

        // Act
        var exit = await DataCommands.RunAsync(["validate", "--data"], new StringWriter(), error, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    private static readonly string Deck = Path.Combine("briefings", "paris-summit-2026.md");

    [Theory]
    [InlineData(DataFiles.Pledges)]
    [InlineData("deck")]
    public async Task Validate_ByteThatIsNotUtf8_PrintsFileLineAndExitsOne(string file)
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        file = file == "deck" ? Deck : file;
        var line = data.ReplaceFirst(file, file == Deck ? "## The outcome" : "\"title\": \"", file == Deck ? "## The @@ outcome" : "\"title\": \"@@");
        var bytes = File.ReadAllBytes(data.PathOf(file));
        var at = bytes.AsSpan().IndexOf("@@"u8);
        File.WriteAllBytes(data.PathOf(file), [.. bytes[..at], 0xFF, .. bytes[(at + 2)..]]);
        var output = new StringWriter();

        // Act
        var exit = await DataCommands.RunAsync(["validate", "--data", data.Directory], output, new StringWriter(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains($"{data.PathOf(file)}:{line}: not valid UTF-8", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_DeckFilterProblem_IsReportedOnTheFilterLine()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        var line = data.ReplaceFirst(Deck, "filter: asof=2026-02-06", "filter: asof=yesterday");
        var output = new StringWriter();

        // Act
        var exit = await DataCommands.RunAsync(["validate", "--data", data.Directory], output, new StringWriter(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, exit);
        Assert.True(line > 1);
        Assert.StartsWith($"{data.PathOf(Deck)}:{line}: filter: ", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slide")]
    [InlineData("notes")]
    public async Task Validate_DeckMarkdownTooDeeplyNested_NamesDeckAndLine(string where)
    {
        // Arrange: the page would answer 500 for this slide.
        using var data = TestData.CopyOfRealData();
        var deep = new string('>', 100_000) + " deep";
        // Reported at the Markdown's first line: the line after the slide's title, or the line "Note:".
        var line = where == "slide"
            ? data.ReplaceFirst(Deck, "## The outcome in one slide\n", "## The outcome in one slide\n" + deep + "\n") + 1
            : data.ReplaceFirst(Deck, "Note:\nThe summit", "Note:\n" + deep + "\nThe summit");
        var output = new StringWriter();

        // Act
        var exit = await DataCommands.RunAsync(["validate", "--data", data.Directory], output, new StringWriter(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, exit);
        var problem = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{data.PathOf(Deck)}:{line}: ", problem, StringComparison.Ordinal);
        Assert.Contains("too deeply nested", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BrokenDeck_ExitsOneLikeValidateAndImportsNothing()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        data.ReplaceFirst(Deck, @"\{\{country DEU\}\}", "{{country XYZ}}");
        var path = Path.Combine(Path.GetTempPath(), $"coalition-cli-{Guid.NewGuid():N}.db");
        var output = new StringWriter();

        try
        {
            // Act
            var validate = await DataCommands.RunAsync(["validate", "--data", data.Directory], new StringWriter(), new StringWriter(), TestContext.Current.CancellationToken);
            var import = await DataCommands.RunAsync(
                ["import", "--data", data.Directory, "--ConnectionStrings:Coalition", $"Data Source={path}"],
                output, new StringWriter(), TestContext.Current.CancellationToken);

            // Assert
            Assert.Equal((1, 1), (validate, import));
            Assert.Contains("unknown country 'XYZ'", output.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Imported", output.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(path) && new FileInfo(path).Length > 0, "no database should have been written");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Import_EmptyEventsFile_IsRefusedUnlessAllowEmptyIsGiven()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        File.WriteAllText(data.PathOf(DataFiles.Events), "[]");
        var path = Path.Combine(Path.GetTempPath(), $"coalition-cli-{Guid.NewGuid():N}.db");
        var refused = new StringWriter();
        var allowed = new StringWriter();

        try
        {
            // Act
            var first = await DataCommands.RunAsync(
                ["import", "--data", data.Directory, "--ConnectionStrings:Coalition", $"Data Source={path}"],
                refused, new StringWriter(), TestContext.Current.CancellationToken);
            var second = await DataCommands.RunAsync(
                ["import", "--allow-empty", "--data", data.Directory, "--ConnectionStrings:Coalition", $"Data Source={path}"],
                allowed, new StringWriter(), TestContext.Current.CancellationToken);

            // Assert
            Assert.Equal(1, first);
            Assert.Contains($"{data.PathOf(DataFiles.Events)}:1: no records; pass --allow-empty to import an empty file on purpose", refused.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, second);
            Assert.Equal(0L, await CountAsync(path, "SELECT COUNT(*) FROM Events"));
            Assert.Equal(35L, await CountAsync(path, "SELECT COUNT(*) FROM Countries WHERE Role = 'Member'"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Run_UsageNamesAllowEmpty()
    {
        var error = new StringWriter();

        var exit = await DataCommands.RunAsync(["import", "--data"], new StringWriter(), error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("[--allow-empty]", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<long> CountAsync(string path, string sql)
    {
        if (!File.Exists(path))
        {
            return 0;
        }
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
