using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Features.Briefings;
using CoalitionDashboard.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;

// Not "…Tests.Reliability" like its folder: that namespace would hide the Reliability enum from every other test.
namespace CoalitionDashboard.Tests.DataFaults;

/// <summary>
/// Classes of data fault, each applied to a copy of the real <c>data/</c> folder: the checks (the loader, then the
/// decks, as <c>validate</c> runs them) name the file and, where a line means something, the line; nothing throws;
/// and neither the app's start-up import nor the <c>import</c> verb changes a database that holds the last good data.
/// </summary>
public sealed partial class DataFaultTests(DataFaultTests.LastGoodDatabase lastGood) : IClassFixture<DataFaultTests.LastGoodDatabase>
{
    private static readonly string Deck = Path.Combine("briefings", "paris-summit-2026.md");

    /// <summary>A fault: the file it breaks, how (returning the line the problem must be reported at, or null), and a message fragment.</summary>
    private sealed record Fault(string File, Func<TestData, int?> Break, string Expected);

    private static readonly Dictionary<string, Fault> Faults = new(StringComparer.Ordinal)
    {
        ["truncated file"] = new(DataFiles.Pledges, d => Truncate(d, DataFiles.Pledges), "invalid JSON"),
        ["wrong type"] = new(DataFiles.Countries, d => d.ReplaceFirst(DataFiles.Countries, "\"eu\": true", "\"eu\": \"yes\""), "'eu' must be true or false"),
        ["duplicate id"] = new(DataFiles.Pledges, d => d.ReplaceFirst(DataFiles.Pledges, "\"id\": \"P02\"", "\"id\": \"P01\""), "duplicate id 'P01'"),
        ["dangling reference"] = new(DataFiles.Events, d => d.ReplaceFirst(DataFiles.Events, "\"sources\": \\[\\s*\"[^\"]+\"", "\"sources\": [\"no-such-source\""), "unknown source 'no-such-source'"),
        ["byte 0xFF"] = new(DataFiles.Pledges, d => InsertBytes(d, DataFiles.Pledges, "\"description\": \"", [0xFF]), "not valid UTF-8"),
        ["lone lead byte 0xC3"] = new(DataFiles.Quotes, d => InsertBytes(d, DataFiles.Quotes, "\"text\": \"", [0xC3]), "not valid UTF-8"),
        ["bad byte outside a string"] = new(DataFiles.Organisations, d => InsertBytes(d, DataFiles.Organisations, "\"attended\": ", [0xFF]), "not valid UTF-8"),
        ["lone surrogate escape"] = new(DataFiles.Events, d => d.ReplaceFirst(DataFiles.Events, "\"summary\": \"", "\"summary\": \"\\ud800"), "lone surrogate"),
        ["UTF-16 file"] = new(DataFiles.Sources, d => Reencode(d, DataFiles.Sources, new UnicodeEncoding(bigEndian: false, byteOrderMark: true)), "not valid UTF-8"),
        ["UTF-8 byte order mark, then a problem"] = new(DataFiles.Pledges, d => WithBom(d, DataFiles.Pledges, () => d.ReplaceFirst(DataFiles.Pledges, "\"status\": \"announced\"", "\"status\": \"promised\"")), "'status' value 'promised'"),
        ["CRLF line endings"] = new(DataFiles.Pledges, d => WithLineEndings(d, "\r\n", () => d.ReplaceFirst(DataFiles.Pledges, "\"status\": \"announced\"", "\"status\": \"promised\"")), "'status' value 'promised'"),
        ["CR-only line endings"] = new(DataFiles.Events, d => WithLineEndings(d, "\r", () => d.ReplaceFirst(DataFiles.Events, "\"date\": \"2022-02-24\"", "\"date\": \"2022-02-30\"")), "is not a date"),
        ["date the charts cannot draw (year 1)"] = new(DataFiles.Events, d => d.ReplaceFirst(DataFiles.Events, "\"date\": \"2022-02-24\"", "\"date\": \"0001-01-01\""), "is outside the years the dashboard draws"),
        ["CR-only line endings, syntax error"] = new(DataFiles.Quotes, d => WithLineEndings(d, "\r", () => d.ReplaceFirst(DataFiles.Quotes, "\"topic\": ", "\"topic\" ")), "invalid JSON"),
        ["empty file (0 bytes)"] = new(DataFiles.Events, d => Write(d, DataFiles.Events, "", 1), "the file is empty"),
        ["empty list []"] = new(DataFiles.OpenIssues, d => Write(d, DataFiles.OpenIssues, "[]", 1), "no records; pass --allow-empty"),
        ["object instead of a list"] = new(DataFiles.Quotes, d => Write(d, DataFiles.Quotes, "\n{ }", 2), "expected a JSON array"),
        ["missing file"] = new(DataFiles.Quotes, d => { File.Delete(d.PathOf(DataFiles.Quotes)); return 0; }, "file not found"),
        ["huge file"] = new(DataFiles.Pledges, HugeFile, "'status' value 'promised'"),
        ["huge string"] = new(DataFiles.Pledges, d => d.ReplaceFirst(DataFiles.Pledges, "\"description\": \"", "\"description\": \"" + new string('x', 3_000_000)), "is too long"),
        ["deeply nested JSON file"] = new(DataFiles.Pledges, d => Write(d, DataFiles.Pledges, new string('[', 10_000), 1), "invalid JSON"),
        ["deeply nested JSON value"] = new(DataFiles.Pledges, d => d.ReplaceFirst(DataFiles.Pledges, "\"quantity\": ", "\"quantity\": " + new string('[', 10_000) + new string(']', 10_000) + ", \"x\": "), "invalid JSON"),
        ["deeply nested Markdown in a record"] = new(DataFiles.Countries, d => d.ReplaceFirst(DataFiles.Countries, "\"notes\": \"", "\"notes\": \"" + new string('>', 10_000) + " "), "too deeply nested"),
        ["deeply nested Markdown on a slide"] = new(Deck, d => d.ReplaceFirst(Deck, "## Who came\n", "## Who came\n" + string.Concat(Enumerable.Repeat("- ", 1_000)) + "deep\n") + 1, "too deeply nested"),
        ["deeply nested Markdown in notes"] = new(Deck, d => d.ReplaceFirst(Deck, "Note:\nThe summit", "Note:\n" + new string('*', 15_000) + "deep" + new string('*', 15_000) + "\nThe summit"), "too deeply nested"),
        ["NUL escape in a text field"] = new(DataFiles.Pledges, d => d.ReplaceFirst(DataFiles.Pledges, "\"title\": \"", "\"title\": \"\\u0000"), "'title' contains the control character U+0000"),
        ["raw NUL byte in a string"] = new(DataFiles.Events, d => InsertBytes(d, DataFiles.Events, "\"title\": \"", [0x00]), "invalid JSON"),
        ["chart label too long for the timeline"] = new(DataFiles.Events, d => d.ReplaceFirst(DataFiles.Events, "\"label\": \"", "\"label\": \"A label far too long for a dot: "), "'label' is too long"),
        ["C1 control character in a text field"] = new(DataFiles.Quotes, d => d.ReplaceFirst(DataFiles.Quotes, "\"text\": \"", "\"text\": \"\u0085"), "'text' contains the control character U+0085"),
        ["byte 0xFF in a deck"] = new(Deck, d => InsertBytes(d, Deck, "## Who came", [0xFF]), "not valid UTF-8"),
        ["CR-only deck"] = new(Deck, d => WithLineEndings(d, "\r", () => d.ReplaceFirst(Deck, "\\{\\{kpis\\}\\}", "{{kpis extra}}")), "unexpected value 'extra'"),
    };

    public static TheoryData<string> Cases => new(Faults.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fault_IsReportedWithFileAndLine_AndLeavesTheLastGoodDataAsItWas(string name)
    {
        // Arrange
        var fault = Faults[name];
        using var data = TestData.CopyOfRealData();
        var line = fault.Break(data);
        var before = await lastGood.SnapshotAsync();

        // Act: the checks `validate` runs (files, then decks), the app's start-up import, and the `import` verb.
        var loaded = DataSetLoader.Load(data.Directory);
        var problems = loaded.IsValid ? DeckValidator.Validate(data.Directory, loaded.DataSet!) : loaded.Problems;
        // Decks are not imported: the start-up import reads only the data files, which are fine when a deck is broken.
        var startup = loaded.IsValid ? null : await lastGood.Database.Importer.ImportAsync(loaded, TimeSpan.Zero, DataImporter.ByStartUp, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var exit = await DataCommands.RunAsync(
            ["import", "--data", data.Directory, "--ConnectionStrings:Coalition", lastGood.Database.ConnectionString],
            output, new StringWriter(), TestContext.Current.CancellationToken);

        // Assert
        var problem = Assert.Single(problems, p => p.Message.Contains(fault.Expected, StringComparison.Ordinal));
        Assert.Equal(data.PathOf(fault.File), problem.FilePath);
        if (line is { } expected)
        {
            Assert.Equal(expected, problem.Line);
        }
        Assert.Equal(fault.File == Deck ? null : (ImportStatus?)ImportStatus.Rejected, startup?.Status);
        Assert.Equal(1, exit);
        Assert.Contains(problem.Format(), output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await lastGood.SnapshotAsync());
    }

    [Fact]
    public void Faults_CoverEveryClassTheIssueNames()
    {
        // A guard against the table shrinking: the classes of the reliability issue, each at least once.
        foreach (var kind in new[] { "truncated", "wrong type", "duplicate", "dangling", "0xFF", "surrogate", "UTF-16", "byte order mark", "CRLF", "CR-only",
            "0 bytes", "[]", "huge file", "huge string", "nested JSON", "nested Markdown", "NUL" })
        {
            Assert.Contains(Faults.Keys, k => k.Contains(kind, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Load_Utf8ByteOrderMarkOnEveryFile_IsValid()
    {
        using var data = TestData.CopyOfRealData();
        foreach (var file in DataFiles.All)
        {
            File.WriteAllBytes(data.PathOf(file), [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(data.PathOf(file))]);
        }

        var loaded = DataSetLoader.Load(data.Directory);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.Empty(DeckValidator.Validate(data.Directory, loaded.DataSet!));
    }

    private static int? Truncate(TestData data, string file)
    {
        // Cut half-way, on an ASCII byte (a cut inside a multi-byte character would be an encoding fault instead).
        var bytes = File.ReadAllBytes(data.PathOf(file));
        var cut = bytes.Length / 2;
        while (bytes[cut] >= 0x80)
        {
            cut--;
        }
        File.WriteAllBytes(data.PathOf(file), bytes[..cut]);
        return null;
    }

    private static int Write(TestData data, string file, string text, int line)
    {
        File.WriteAllText(data.PathOf(file), text);
        return line;
    }

    private static int InsertBytes(TestData data, string file, string after, byte[] bytes)
    {
        const string Marker = "@@BYTES@@";
        var line = data.ReplaceFirst(file, Regex.Escape(after), after + Marker);
        var text = File.ReadAllBytes(data.PathOf(file));
        var at = text.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Marker));
        File.WriteAllBytes(data.PathOf(file), [.. text[..at], .. bytes, .. text[(at + Marker.Length)..]]);
        return line;
    }

    private static int Reencode(TestData data, string file, Encoding encoding)
    {
        File.WriteAllText(data.PathOf(file), data.Read(file), encoding);
        return 1;
    }

    private static int WithBom(TestData data, string file, Func<int> change)
    {
        var line = change();
        File.WriteAllBytes(data.PathOf(file), [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(data.PathOf(file))]);
        return line;
    }

    /// <summary>Makes the change, then rewrites every data file and the deck with <paramref name="lineEnding"/>.</summary>
    private static int WithLineEndings(TestData data, string lineEnding, Func<int> change)
    {
        var line = change();
        foreach (var file in DataFiles.All.Append(Deck))
        {
            File.WriteAllText(data.PathOf(file), data.Read(file).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", lineEnding, StringComparison.Ordinal));
        }
        return line;
    }

    /// <summary>About 4 MB of comment lines before the records, then a problem near the end.</summary>
    private static int? HugeFile(TestData data)
    {
        var padding = string.Concat(Enumerable.Repeat("// " + new string('=', 60) + "\n", 60_000));
        File.WriteAllText(data.PathOf(DataFiles.Pledges), padding + data.Read(DataFiles.Pledges));
        var text = data.Read(DataFiles.Pledges);
        var last = text.LastIndexOf("\"status\": \"announced\"", StringComparison.Ordinal);
        File.WriteAllText(data.PathOf(DataFiles.Pledges), string.Concat(text.AsSpan(0, last), "\"status\": \"promised\"", text.AsSpan(last + "\"status\": \"announced\"".Length)));
        return TestData.LineAt(text, last);
    }

    /// <summary>A database holding the real data set, imported once; every fault must leave it exactly so.</summary>
    public sealed class LastGoodDatabase : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
            var outcome = await Database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(ImportStatus.Imported, outcome.Status);
        }

        /// <summary>A hash of every row of every table.</summary>
        public async Task<string> SnapshotAsync()
        {
            var ct = TestContext.Current.CancellationToken;
            await using var connection = new SqliteConnection(Database.ConnectionString);
            await connection.OpenAsync(ct);
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                await using var reader = await list.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    tables.Add(reader.GetString(0));
                }
            }
            var rows = new List<string>();
            foreach (var table in tables)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await select.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var values = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                    rows.Add(table + "\u001f" + string.Join("\u001f", values));
                }
            }
            Assert.True(rows.Count > 1_000, $"only {rows.Count} rows in the last good database");
            rows.Sort(StringComparer.Ordinal);
            return $"{rows.Count} rows, {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows))))}";
        }

        public async ValueTask DisposeAsync() => await Database.DisposeAsync();
    }
}
