using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.Tests.Data;

/// <summary>The importer's bulk writer writes exactly the rows EF Core's SaveChanges writes for the same data set.</summary>
public sealed class BulkWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BulkWrite_OfTheCuratedData_EqualsSaveChanges_TableByTableAndRowByRow()
    {
        // Arrange: the same files, loaded twice (the loader's objects are written into a context). The curated data
        // has no explicit supersession (its dates decide): one is added so that every table has rows.
        using var copy = TestData.CopyOfRealData();
        copy.ReplaceFirst(DataFiles.Pledges, "\"id\": \"P24\",", "\"id\": \"P24\", \"supersedes\": [\"P25\"],");
        await using var bulk = await TestDatabase.CreateAsync(copy.Directory);
        await using var tracked = await TestDatabase.CreateAsync(copy.Directory);

        // Act
        await using (var db = await bulk.OpenAsync())
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            await BulkWriter.WriteAsync(db, DataSetLoader.Load(copy.Directory).DataSet!, Ct);
            await transaction.CommitAsync(Ct);
        }
        await using (var db = await tracked.OpenAsync())
        {
            var data = DataSetLoader.Load(copy.Directory).DataSet!;
            db.Dataset.Add(data.Info);
            db.Sources.AddRange(data.Sources);
            db.Countries.AddRange(data.Countries);
            db.Organisations.AddRange(data.Organisations);
            db.Pledges.AddRange(data.Pledges);
            db.Events.AddRange(data.Events);
            db.Quotes.AddRange(data.Quotes);
            db.OpenIssues.AddRange(data.OpenIssues);
            await db.SaveChangesAsync(Ct);
        }

        // Assert
        var tables = await TablesAsync(bulk);
        Assert.Equal(await TablesAsync(tracked), tables);
        Assert.Contains("PledgeCountries", tables.Keys);
        Assert.All(tables, t => Assert.True(t.Key == "OpenIssueOrganisations" || t.Value.Count > 0, $"{t.Key} is empty"));
    }

    /// <summary>Every table's rows as text, sorted (representatives' generated ids left out).</summary>
    private static async Task<SortedDictionary<string, List<string>>> TablesAsync(TestDatabase database)
    {
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await using var db = await database.OpenAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'";
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\"";
            await using var reader = await select.ExecuteReaderAsync(Ct);
            var rows = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Where(i => !(name == "Representatives" && reader.GetName(i) == "Id"))
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : reader.GetValue(i))}:{reader.GetDataTypeName(i)}");
                rows.Add(string.Join("|", values));
            }
            rows.Sort(StringComparer.Ordinal);
            result[name] = rows;
        }
        return result;
    }
}
