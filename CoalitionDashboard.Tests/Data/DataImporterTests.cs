using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.Tests.Data;

public sealed class DataImporterTests
{
    [Fact]
    public async Task Import_RealData_ImportsEveryParticipantPledgeEventQuoteAndIssue()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);

        // Act
        var outcome = await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        await using var db = await database.OpenAsync();
        Assert.Equal(35, await db.Countries.CountAsync(c => c.Role == CoalitionRole.Member, TestContext.Current.CancellationToken));
        Assert.Equal(27, await db.Countries.CountAsync(c => c.Role == CoalitionRole.Member && c.Representatives.Any(r => r.Level == RepresentativeLevel.Leader), TestContext.Current.CancellationToken));
        Assert.Equal(["USA"], await db.Countries.Where(c => c.Role == CoalitionRole.Partner).Select(c => c.Iso3).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Curated.Pledges, await db.Pledges.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Curated.Events, await db.Events.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Curated.Quotes, await db.Quotes.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Curated.OpenIssues, await db.OpenIssues.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["EU", "NATO"], await db.Organisations.Where(o => o.Attended).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(TestContext.Current.CancellationToken));
        // EU members outside the coalition are there for the map, as non-members.
        Assert.Equal(["HUN", "MLT", "SVK"], await db.Countries.Where(c => c.IsEu && c.Role == CoalitionRole.NonMember).OrderBy(c => c.Iso3).Select(c => c.Iso3).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_RealData_EveryRecordHasASource()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var db = await database.OpenAsync();
        var ct = TestContext.Current.CancellationToken;

        // Act
        var unsourced = new Dictionary<string, int>
        {
            ["countries"] = await db.Countries.CountAsync(c => !c.Sources.Any(), ct),
            ["organisations"] = await db.Organisations.CountAsync(o => !o.Sources.Any(), ct),
            ["pledges"] = await db.Pledges.CountAsync(p => !p.Sources.Any(), ct),
            ["events"] = await db.Events.CountAsync(e => !e.Sources.Any(), ct),
            ["quotes"] = await db.Quotes.CountAsync(q => !q.Sources.Any(), ct),
            ["open issues"] = await db.OpenIssues.CountAsync(o => !o.Sources.Any(), ct),
        };

        // Assert
        Assert.All(unsourced, kv => Assert.True(kv.Value == 0, $"{kv.Value} {kv.Key} without a source"));
        Assert.True(await db.Sources.CountAsync(ct) >= 100);
        Assert.All(await db.Sources.ToListAsync(ct), s => Assert.True(s.Url is not null ^ s.SeedFile is not null, s.Id));
    }

    [Fact]
    public async Task Import_RealData_KeepsContestedAndUnknownFactsMarked()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var db = await database.OpenAsync();
        var ct = TestContext.Current.CancellationToken;

        // Act
        var montenegro = await db.Countries.Include(c => c.Representatives).SingleAsync(c => c.Iso3 == "MNE", ct);
        var usa = await db.Countries.SingleAsync(c => c.Iso3 == "USA", ct);
        var backstop = await db.Pledges.SingleAsync(p => p.Id == "P10", ct);
        var france = await db.Pledges.SingleAsync(p => p.Id == "P15", ct);
        var declarationOfIntent = await db.Pledges.Include(p => p.Countries).SingleAsync(p => p.Id == "P13", ct);

        // Assert: the 35th member's attendance stays unconfirmed, its envoy unidentified
        Assert.Equal(Attendance.Unconfirmed, montenegro.Attendance);
        Assert.Null(Assert.Single(montenegro.Representatives).Name);
        Assert.Equal(CoalitionRole.Partner, usa.Role);
        Assert.Equal(PledgeStatus.DroppedFromDraft, backstop.Status);
        Assert.Contains("several thousand", france.QuantityText, StringComparison.OrdinalIgnoreCase);
        Assert.Null(france.QuantityValue);
        Assert.NotNull(france.Contested);
        Assert.Equal(["FRA", "GBR", "UKR"], declarationOfIntent.Countries.Select(c => c.Iso3).Order());
        Assert.Equal(PledgeStatus.SignedDeclarationOfIntent, declarationOfIntent.Status);
    }

    [Fact]
    public async Task Import_Unchanged_SecondImportDoesNothing()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Act
        var second = await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(ImportStatus.Unchanged, second.Status);
        await using var db = await database.OpenAsync();
        Assert.Equal(Curated.Pledges, await db.Pledges.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_DatabaseImportedByAnOlderVersion_IsImportedAgain_EvenWithTheSameFiles()
    {
        // Arrange: the database says it holds these very files, hashed as a version before roles and supersession did.
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using (var db = await database.OpenAsync())
        {
            await db.PledgeParties.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.Dataset.ExecuteUpdateAsync(d => d.SetProperty(x => x.ContentHash, FilesOnlyHash(TestData.RealDataDirectory)), TestContext.Current.CancellationToken);
        }

        // Act
        var outcome = await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Assert: imported again, so the tables the older version did not write are filled.
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        await using var after = await database.OpenAsync();
        Assert.True(await after.PledgeParties.CountAsync(TestContext.Current.CancellationToken) >= Curated.Pledges);
    }

    // The content hash as the version before DataFiles.ImportVersion computed it: the files alone.
    private static string FilesOnlyHash(string directory)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var name in DataFiles.All)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(directory, name)));
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [Fact]
    public async Task Import_ChangedFile_ReimportsTheCorrection()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        await using var database = await TestDatabase.CreateAsync(data.Directory);
        await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);
        data.ReplaceFirst(DataFiles.Pledges, "\"title\": \"[^\"]*\"", "\"title\": \"Corrected title\"");

        // Act
        var outcome = await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        await using var db = await database.OpenAsync();
        Assert.Equal("Corrected title", (await db.Pledges.SingleAsync(p => p.Id == "P01", TestContext.Current.CancellationToken)).Title);
        Assert.Equal(Curated.Pledges, await db.Pledges.CountAsync(TestContext.Current.CancellationToken));
    }

    public static TheoryData<string, string, string, string, bool> BrokenFiles => new()
    {
        // file, regex to replace (first match), replacement, expected message fragment, problem is on the record's opening line
        { DataFiles.Pledges, "\"id\": \"P15\",", "\"id\" \"P15\",", "invalid JSON", false },
        { DataFiles.Countries, "\"eu\": true", "\"eu\": \"yes\"", "'eu' must be true or false", false },
        { DataFiles.Pledges, "\"status\": \"announced\"", "\"status\": \"anounced\"", "'status' value 'anounced' is not one of", false },
        { DataFiles.Events, "\"date\": \"2022-02-24\"", "\"date\": \"2022-02-30\"", "'date' value '2022-02-30' is not a date", false },
        { DataFiles.Quotes, "\"topic\":", "\"topik\":", "unknown property 'topik' (did you mean 'topic'?)", false },
        { DataFiles.Pledges, "\"id\": \"P02\"", "\"id\": \"P01\"", "duplicate id 'P01'", false },
        // A party is an object: its problems are reported at the object's line.
        { DataFiles.Pledges, "\\{\\s*\"id\": \"GBR\"", "{ \"id\": \"GBX\"", "unknown party 'GBX'", false },
        { DataFiles.Events, "\"sources\": \\[\\s*\"[^\"]+\"", "\"sources\": [\"no-such-source\"", "unknown source 'no-such-source'", false },
        { DataFiles.OpenIssues, "\"sources\": \\[[^\\]]*\\]", "\"sources\": []", "'sources' must list at least one entry", false },
        { DataFiles.Events, "\"title\": \"[^\"]*\",", "", "missing required property 'title'", true },
        { DataFiles.Sources, "\"url\": \"https://", "\"url\": \"javascript://", "is not an absolute http or https address", false },
        { DataFiles.Countries, "\"iso3\": \"FRA\"", "\"iso3\": \"France\"", "is not an ISO 3166-1 alpha-3 code", false },
        // Roles, supersession, dates in time.
        { DataFiles.Pledges, "\\{\\s*\"id\": \"USA\",\\s*\"role\": \"partner\"", "{ \"id\": \"USA\", \"role\": \"observer\"", "'role' value 'observer' is not one of", false },
        { DataFiles.Pledges, "\"id\": \"P24\",", "\"id\": \"P24\", \"supersedes\": [\"P999\"],", "'supersedes' names unknown pledge 'P999'", false },
        { DataFiles.Pledges, "\"id\": \"P25\",", "\"id\": \"P25\", \"supersedes\": [\"P24\"],", "cannot supersede 'P24', which is dated later", false },
        { DataFiles.Pledges, "\"id\": \"P24\",", "\"id\": \"P24\", \"supersedes\": [\"P24\"],", "cannot supersede itself", false },
        { DataFiles.Pledges, "\"date\": \"2026-01-06\"", "\"date\": \"2099-01-06\"", "'date' value '2099-01-06' is in the future", false },
        { DataFiles.Pledges, "\"date\": \"2025-09-04\"", "\"date\": \"2026-01-06\"", "give ITA different forces positions on the same date", true },
        { DataFiles.Pledges, "\"date\": \"2026-01-06\"", "\"date\": \"2026-11-06\"", "is dated 2026-11-06, after the data set's 'asOf'", true },
        { DataFiles.Dataset, "\"reviewedOn\": \"[^\"]+\"", "\"reviewedOn\": \"2020-01-01\"", "is before 'asOf'", false },
        { DataFiles.Events, "\"status\": \"happened\"", "\"status\": \"rumoured\"", "'status' value 'rumoured' is not one of", false },
    };

    [Fact]
    public async Task Import_SupersessionCycle_IsRejectedNamingTheCycle()
    {
        using var data = TestData.CopyOfRealData();
        await using var database = await TestDatabase.CreateAsync(data.Directory);
        await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);
        var before = await SnapshotAsync(database);
        // P32 and P33 are both of 6 January 2026: each claims to supersede the other.
        data.ReplaceFirst(DataFiles.Pledges, "\"id\": \"P32\",", "\"id\": \"P32\", \"supersedes\": [\"P33\"],");
        var line = data.ReplaceFirst(DataFiles.Pledges, "\"id\": \"P33\",", "\"id\": \"P33\", \"supersedes\": [\"P32\"],");

        var outcome = await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        var problem = Assert.Single(outcome.Problems);
        Assert.Contains("'supersedes' makes a cycle", problem.Message, StringComparison.Ordinal);
        Assert.Contains("P32", problem.Message, StringComparison.Ordinal);
        Assert.Contains("P33", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Line > 0 && problem.Line <= line, $"line {problem.Line}");
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task Import_BrokenFile_NamesFileAndLineAndLeavesDatabaseUnchanged(string file, string pattern, string replacement, string expected, bool onRecordLine)
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        await using var database = await TestDatabase.CreateAsync(data.Directory);
        await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);
        var before = await SnapshotAsync(database);
        var line = data.ReplaceFirst(file, pattern, replacement);
        if (onRecordLine)
        {
            line = RecordLineBefore(data.Read(file), line);
        }

        // Act
        var outcome = await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        var problem = Assert.Single(outcome.Problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(data.PathOf(file), problem.FilePath);
        Assert.Equal(line, problem.Line);
        Assert.StartsWith($"{data.PathOf(file)}:{line}: ", problem.Format(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task Import_MissingFile_IsReportedAndDatabaseUnchanged()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        await using var database = await TestDatabase.CreateAsync(data.Directory);
        await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);
        var before = await SnapshotAsync(database);
        File.Delete(data.PathOf(DataFiles.Quotes));

        // Act
        var outcome = await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Contains(outcome.Problems, p => p.FilePath == data.PathOf(DataFiles.Quotes) && p.Message == "file not found");
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task Import_BrokenDataIntoEmptyDatabase_WritesNothing()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        data.ReplaceFirst(DataFiles.Pledges, "\"status\": \"announced\"", "\"status\": \"maybe\"");
        await using var database = await TestDatabase.CreateAsync(data.Directory);

        // Act
        var outcome = await database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        await using var db = await database.OpenAsync();
        Assert.False(await db.Sources.AnyAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.Dataset.AnyAsync(TestContext.Current.CancellationToken));
    }

    private static int RecordLineBefore(string text, int line)
    {
        var lines = text.Split('\n');
        for (var i = line - 1; i >= 0; i--)
        {
            // A record opens at the array's indentation; nested objects (a pledge's parties) are indented further.
            if (lines[i].TrimEnd() is "{" or "  {")
            {
                return i + 1;
            }
        }
        return 1;
    }

    /// <summary>Counts and hash that change with any write to the database.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        var hash = await db.Dataset.Select(d => d.ContentHash + "@" + d.ImportedAtUtc).SingleAsync(ct);
        var firstTitles = string.Join("|", await db.Pledges.OrderBy(p => p.Id).Select(p => p.Title + p.Status).ToListAsync(ct));
        return $"{hash};{await db.Countries.CountAsync(ct)};{await db.Pledges.CountAsync(ct)};{await db.Events.CountAsync(ct)};{await db.Quotes.CountAsync(ct)};{await db.Sources.CountAsync(ct)};{firstTitles.GetHashCode()}";
    }
}
