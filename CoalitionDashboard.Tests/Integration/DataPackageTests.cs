using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>
/// /export/data.zip is a Frictionless Tabular Data Package whose schemas hold for its CSVs: every file named, every
/// column described in order, every value of the type and among the allowed values its schema gives.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DataPackageTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("?bloc=eu&asof=2026-02-13")]
    public async Task Package_SchemasHoldForItsCsvs(string query)
    {
        // Act
        var response = await _client.GetAsync("/export/data.zip" + query, Ct);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var entries = zip.Entries.ToDictionary(e => e.FullName);
        using var descriptor = JsonDocument.Parse(entries["datapackage.json"].Open());
        var package = descriptor.RootElement;

        // Assert: the package's own facts
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tabular-data-package", package.GetProperty("profile").GetString());
        Assert.Equal("CC-BY-4.0", package.GetProperty("licenses")[0].GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(package.GetProperty("version").GetString()));
        Assert.Equal(Curated.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), package.GetProperty("dataAsOf").GetString());
        Assert.Contains("README.md", entries.Keys);
        var resources = package.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(["countries", "organisations", "pledges", "events", "quotes", "sources", "open-issues"], resources.Select(r => r.GetProperty("name").GetString()));

        foreach (var resource in resources)
        {
            var path = resource.GetProperty("path").GetString()!;
            using var stream = new MemoryStream();
            entries[path].Open().CopyTo(stream);
            var table = StrictCsv.Parse(stream.ToArray());
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()), table.Header);
            Assert.NotEmpty(table.Rows);
            foreach (var field in fields)
            {
                var name = field.GetProperty("name").GetString()!;
                var type = field.GetProperty("type").GetString();
                var allowed = field.TryGetProperty("constraints", out var c) ? c.GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToHashSet() : null;
                foreach (var value in table.Values(name).Where(v => v.Length > 0))
                {
                    var ok = type switch
                    {
                        "boolean" => value is "TRUE" or "FALSE",
                        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                        "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                        _ => true,
                    };
                    Assert.True(ok, $"{path} {name}: '{value}' is not a {type}");
                    Assert.True(allowed is null || allowed.Contains(value), $"{path} {name}: '{value}' is not among its allowed values");
                }
            }
        }
    }

    [Fact]
    public async Task Package_Filtered_HoldsTheSameRowsAsTheFilteredExports()
    {
        using var zip = new ZipArchive(new MemoryStream(await _client.GetByteArrayAsync("/export/data.zip?bloc=eu", Ct)));
        using var stream = new MemoryStream();
        zip.GetEntry("pledges.csv")!.Open().CopyTo(stream);

        var inPackage = StrictCsv.Parse(stream.ToArray());
        var alone = StrictCsv.Parse(await _client.GetByteArrayAsync("/export/pledges.csv?bloc=eu", Ct));

        Assert.Equal(alone.Values("id"), inPackage.Values("id"));
        Assert.True(inPackage.Rows.Count < Curated.Pledges, "the filter narrows the package");
    }
}
