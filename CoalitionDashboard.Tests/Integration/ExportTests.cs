using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ExportTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> CsvExports => new()
    {
        "/export/pledges.csv", "/export/pledges.csv?country=FRA&category=ground-forces", "/export/pledges.csv?asof=2026-01-06&minReliability=B",
        "/export/countries.csv", "/export/countries.csv?bloc=eu&asof=2026-02-13",
        "/export/organisations.csv", "/export/events.csv", "/export/events.csv?asof=2026-01-06", "/export/quotes.csv", "/export/sources.csv?minReliability=B", "/export/open-issues.csv",
    };

    [Theory]
    [MemberData(nameof(CsvExports))]
    public async Task Csv_IsReadByAStrictRfc4180Reader_AsItIs(string path)
    {
        // Act
        var response = await _client.GetAsync(path, Ct);
        var table = StrictCsv.Parse(await response.Content.ReadAsByteArrayAsync(Ct));

        // Assert: the header is the first line (no preamble), a row per record, and what the file is about is linked
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(path.Contains("countries", StringComparison.Ordinal) ? "iso3" : "id", table.Header);
        Assert.DoesNotContain(table.Header, h => h.StartsWith('#'));
        Assert.NotEmpty(table.Rows);
        var link = Assert.Single(response.Headers.GetValues("Link"));
        Assert.Contains("/export/metadata.json", link, StringComparison.Ordinal);
        Assert.Contains("rel=\"describedby\"", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PledgesCsv_Filtered_HasOnlyTheMatchingRows_WithNumbersDatesAndListsAsToolsReadThem()
    {
        var response = await _client.GetAsync("/export/pledges.csv?country=FRA&category=ground-forces", Ct);

        Assert.Contains("coalition-pledges-country-FRA-category-ground-forces.csv", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var table = StrictCsv.Parse(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("P15", table.Values("id"));
        Assert.All(table.Values("countries"), c => Assert.Contains("FRA", c.Split(';')));
        Assert.All(table.Values("coalition_wide"), v => Assert.Contains(v, new[] { "TRUE", "FALSE" }));
        Assert.All(table.Values("date_start"), d => Assert.True(DateOnly.TryParseExact(d, "yyyy-MM-dd", out _), d));
        Assert.All(table.Values("date_end"), d => Assert.True(DateOnly.TryParseExact(d, "yyyy-MM-dd", out _), d));
        Assert.All(table.Values("source_urls"), u => Assert.DoesNotContain(' ', u));
    }

    [Theory]
    [InlineData("/export/pledges.csv")]
    [InlineData("/export/countries.csv")]
    [InlineData("/export/pledges.json")]
    public async Task Export_IsCompressedForAClientThatTakesIt(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br");

        var response = await _client.SendAsync(request, Ct);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task PledgesCsv_Quantities_HaveTheirNumberAndUnitInTheirOwnColumns()
    {
        var table = StrictCsv.Parse(await _client.GetByteArrayAsync("/export/pledges.csv", Ct));

        var withNumber = table.Rows.Where(r => r[table.Column("quantity_value")].Length > 0).ToList();
        Assert.NotEmpty(withNumber);
        Assert.All(withNumber, r =>
        {
            Assert.True(double.TryParse(r[table.Column("quantity_value")], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.NotEmpty(r[table.Column("quantity_text")]);
        });
    }

    [Fact]
    public async Task Metadata_DescribesEveryColumnOfEveryCsv_WithTheFilterDatesLicenceAndCitation()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/export/metadata.json?country=FRA", Ct);

        Assert.Equal("country=FRA", json.GetProperty("filter").GetProperty("query").GetString());
        Assert.Equal("CC BY 4.0", json.GetProperty("licence").GetProperty("name").GetString());
        Assert.Contains("retrieved", json.GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Contains("/pledges?country=FRA", json.GetProperty("citation").GetString(), StringComparison.Ordinal);
        foreach (var file in json.GetProperty("files").EnumerateArray())
        {
            var path = "/" + file.GetProperty("path").GetString();
            var table = StrictCsv.Parse(await _client.GetByteArrayAsync(path, Ct));
            Assert.Equal(table.Header, file.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
            foreach (var column in file.GetProperty("columns").EnumerateArray().Where(c => c.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array))
            {
                var allowed = column.GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToHashSet();
                var name = column.GetProperty("name").GetString()!;
                var found = table.Values(name).SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries))
                    .Select(v => name == "parties_roles" ? v[(v.LastIndexOf(':') + 1)..] : v);
                Assert.All(found, v => Assert.True(allowed.Contains(v), $"{path} {name}: '{v}' is not among the values the metadata lists"));
            }
        }
    }

    [Fact]
    public async Task PledgesJson_CarriesFilterAsOfDateAndSourceIds()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/export/pledges.json?status=declined", Ct);

        Assert.Equal("status=declined", json.GetProperty("filter").GetProperty("query").GetString());
        Assert.Equal(Curated.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("dataAsOf").GetString());
        var pledges = json.GetProperty("pledges").EnumerateArray().ToList();
        Assert.Equal(json.GetProperty("count").GetInt32(), pledges.Count);
        Assert.All(pledges, p =>
        {
            Assert.Equal("declined", p.GetProperty("status").GetString());
            Assert.NotEmpty(p.GetProperty("sources").EnumerateArray());
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("?bloc=eu&status=announced")]
    [InlineData("?asof=2026-01-06&minReliability=B")]
    public async Task PledgesJson_RecordsAreTheApisRecords_FieldForField(string query)
    {
        var export = await _client.GetFromJsonAsync<JsonElement>("/export/pledges.json" + query, Ct);
        var api = await _client.GetFromJsonAsync<JsonElement>("/api/pledges" + query, Ct);

        Assert.Equal(api.GetArrayLength(), export.GetProperty("count").GetInt32());
        Assert.Equal(api.GetRawText(), export.GetProperty("pledges").GetRawText());
        Assert.Equal("CC BY 4.0", export.GetProperty("licence").GetProperty("name").GetString());
        Assert.Contains("retrieved", export.GetProperty("citation").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events", "events", "")]
    [InlineData("quotes", "quotes", "?asof=2026-01-06")]
    [InlineData("sources", "sources", "?minReliability=A")]
    [InlineData("open-issues", "openIssues", "")]
    public async Task RecordExports_JsonIsTheApis_AndTheCsvHasARowPerRecord(string kind, string key, string query)
    {
        var export = await _client.GetFromJsonAsync<JsonElement>($"/export/{kind}.json{query}", Ct);
        var api = await _client.GetFromJsonAsync<JsonElement>($"/api/{kind}{query}", Ct);
        var csv = StrictCsv.Parse(await _client.GetByteArrayAsync($"/export/{kind}.csv{query}", Ct));

        Assert.Equal(api.GetRawText(), export.GetProperty(key).GetRawText());
        Assert.Equal(api.GetArrayLength(), csv.Rows.Count);
        Assert.Equal(api.EnumerateArray().Select(r => r.GetProperty("id").GetString()), csv.Values("id"));
    }

    [Theory]
    [InlineData("/export/events.csv?country=FRA", "'country' is not a parameter")]
    [InlineData("/export/pledges.csv?countries=FRA", "'countries' is not a parameter")]
    public async Task Export_AParameterItDoesNotRead_Is400NamingIt(string path, string expected)
    {
        var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountriesCsv_ListsEveryCountryWithItsStanding()
    {
        var text = await _client.GetStringAsync("/export/countries.csv", Ct);

        var table = StrictCsv.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal(42, table.Rows.Count);
        var montenegro = Assert.Single(table.Rows, r => r[table.Column("iso3")] == "MNE");
        Assert.Equal(("Montenegro", "member", ""), (montenegro[table.Column("name")], montenegro[table.Column("role")], montenegro[table.Column("representative")]));
    }

    [Fact]
    public async Task Export_InvalidFilter_Returns400NamingTheValue()
    {
        var response = await _client.GetAsync("/export/pledges.csv?status=promised", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("promised", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-5", "-5")]
    [InlineData("-5 troops", "'-5 troops")]
    [InlineData("Ukraine #2", "\"Ukraine #2\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Csv_Field_IsQuotedWhereNeeded_AndAFormulaIsNeutralised(string field, string expected)
    {
        Assert.Equal(expected, CoalitionDashboard.Features.Export.Csv.Escape(field));
    }
}
