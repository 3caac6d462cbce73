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
}
