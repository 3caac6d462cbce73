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

    [Fact]
    public async Task PledgesCsv_Filtered_HasTheFilterOnTopAndOnlyTheMatchingRows()
    {
        var response = await _client.GetAsync("/export/pledges.csv?country=FRA&category=ground-forces", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("coalition-pledges-country-FRA-category-ground-forces.csv", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("# Filter: France · Category: Ground forces", lines[1].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains($"Data as of {Curated.Short(Curated.AsOf)} · reviewed {Curated.Short(Curated.ReviewedOn)}", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("id,coalition_wide,countries", lines[3], StringComparison.Ordinal);
        var rows = lines.Skip(4).ToList();
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r.StartsWith("P15,", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("FRA", r, StringComparison.Ordinal));
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
            Assert.NotEmpty(p.GetProperty("sourceIds").EnumerateArray());
        });
    }

    [Fact]
    public async Task CountriesCsv_ListsEveryCountryWithItsStanding()
    {
        var text = await _client.GetStringAsync("/export/countries.csv", Ct);

        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(4).ToList();
        Assert.Equal(42, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("MNE,Montenegro,member", StringComparison.Ordinal) && r.Contains("not identified", StringComparison.Ordinal));
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
    [InlineData("-5", "'-5")]
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
