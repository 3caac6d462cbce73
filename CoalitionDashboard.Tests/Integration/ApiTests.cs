using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ApiTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_AfterStart_Returns200()
    {
        var response = await _client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Countries_ListsThe35MembersThePartnerAndContextCountries()
    {
        var countries = await _client.GetFromJsonAsync<JsonElement[]>("/api/countries", Ct);

        Assert.NotNull(countries);
        Assert.Equal(35, countries.Count(c => c.GetProperty("role").GetString() == "member"));
        Assert.Equal("partner", countries.Single(c => c.GetProperty("iso3").GetString() == "USA").GetProperty("role").GetString());
        Assert.All(countries, c => Assert.NotEmpty(c.GetProperty("sources").EnumerateArray()));
        var france = countries.Single(c => c.GetProperty("iso3").GetString() == "FRA");
        Assert.Equal("Emmanuel Macron", france.GetProperty("representatives")[0].GetProperty("name").GetString());
        Assert.Equal("A", france.GetProperty("sources")[0].GetProperty("reliability").GetString());
    }

    [Fact]
    public async Task Country_France_IncludesItsPledgesWithSources()
    {
        var france = await _client.GetFromJsonAsync<JsonElement>("/api/countries/fra", Ct);

        var pledges = france.GetProperty("pledges").EnumerateArray().ToList();
        var troops = pledges.Single(p => p.GetProperty("id").GetString() == "P15");
        Assert.Contains("several thousand", troops.GetProperty("quantity").GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(troops.GetProperty("sources").EnumerateArray());
        Assert.Contains(france.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("id").GetString() == "Q01");
    }

    [Theory]
    [InlineData("/api/countries/XYZ", HttpStatusCode.NotFound, "XYZ")]
    [InlineData("/api/countries/FR4NCE", HttpStatusCode.BadRequest, "FR4NCE")]
    [InlineData("/api/pledges?country=FRA,XXX", HttpStatusCode.BadRequest, "Unknown country code 'XXX'")]
    [InlineData("/api/pledges?category=navy", HttpStatusCode.BadRequest, "Unknown category 'navy' was ignored (use one of: ground-forces,")]
    [InlineData("/api/pledges?status=promised", HttpStatusCode.BadRequest, "Unknown status 'promised' was ignored (use one of:")]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound, "/api/no-such-thing")]
    [InlineData("/api/pledges?countries=FRA", HttpStatusCode.BadRequest, "'countries' is not a parameter of /api/pledges")]
    [InlineData("/api/events?country=FRA", HttpStatusCode.BadRequest, "'country' is not a parameter of /api/events (it reads asof, minReliability)")]
    [InlineData("/api/countries?bust=1", HttpStatusCode.BadRequest, "'bust' is not a parameter of /api/countries")]
    [InlineData("/api/pledges?bloc=asean", HttpStatusCode.BadRequest, "bloc")]
    public async Task Api_BadInput_ReturnsProblemDetailsNamingTheValue(string url, HttpStatusCode status, string expected)
    {
        var response = await _client.GetAsync(url, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pledges_FilteredByCountryAndCategory_ReturnsOnlyMatchingRows()
    {
        var pledges = await _client.GetFromJsonAsync<JsonElement[]>("/api/pledges?country=FRA&category=ground-forces", Ct);

        Assert.NotNull(pledges);
        Assert.Contains(pledges, p => p.GetProperty("id").GetString() == "P15");
        Assert.All(pledges, p =>
        {
            Assert.Contains("FRA", p.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
            Assert.Contains("ground-forces", p.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        });
    }

    [Fact]
    public async Task Pledges_FilteredByStatus_ReturnsTheDeclinedOnes()
    {
        var all = await _client.GetFromJsonAsync<JsonElement[]>("/api/pledges", Ct);
        var declined = await _client.GetFromJsonAsync<JsonElement[]>("/api/pledges?status=declined", Ct);

        Assert.Equal(Curated.Pledges, all!.Length);
        Assert.NotEmpty(declined!);
        Assert.True(declined!.Length < all.Length);
        Assert.All(declined, p => Assert.Equal("declined", p.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("/api/events", "events.json")]
    [InlineData("/api/quotes", "quotes.json")]
    [InlineData("/api/open-issues", "open-issues.json")]
    public async Task Lists_ReturnEveryRecordWithItsSources(string url, string file)
    {
        var records = await _client.GetFromJsonAsync<JsonElement[]>(url, Ct);
        var count = Curated.Count(file);

        Assert.Equal(count, records!.Length);
        Assert.All(records, r => Assert.NotEmpty(r.GetProperty("sources").EnumerateArray()));
    }

    [Fact]
    public async Task Sources_EachNamesOutletReliabilityAndTheRecordsResting0nIt()
    {
        var sources = await _client.GetFromJsonAsync<JsonElement[]>("/api/sources", Ct);

        Assert.NotNull(sources);
        Assert.All(sources, s => Assert.Contains(s.GetProperty("reliability").GetString(), new[] { "A", "B", "C" }));
        var seed = sources.Single(s => s.GetProperty("id").GetString() == "seed-axadle");
        Assert.Equal("000_65177c6e93b92d8d.txt", seed.GetProperty("seedFile").GetString());
        Assert.True(seed.GetProperty("recordCount").GetInt32() > 0);
    }

    [Fact]
    public async Task Home_Prerendered_ShowsTitleAndDataAsOf()
    {
        var html = await _client.GetStringAsync("/", Ct);

        Assert.Contains("Coalition of the Willing", html, StringComparison.Ordinal);
        Assert.Contains($"Data as of {Curated.Short(Curated.AsOf)} · reviewed {Curated.Short(Curated.ReviewedOn)}", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Returns404WithFriendlyPage()
    {
        var response = await _client.GetAsync("/no/such/page", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bloc=eu")]
    [InlineData("country=FRA,DEU&category=ground-forces")]
    [InlineData("from=2026-01-01&to=2026-01-31")]
    [InlineData("status=declined&minReliability=A")]
    [InlineData("asof=2026-02-06&bloc=nato")]
    public async Task Pledges_HonourEveryPageFilter_AndMatchTheExport(string query)
    {
        var api = await _client.GetFromJsonAsync<JsonElement>("/api/pledges?" + query, Ct);
        var export = await _client.GetFromJsonAsync<JsonElement>("/export/pledges.json?" + query, Ct);

        var ids = api.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        var expected = export.GetProperty("pledges").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.InRange(ids.Count, 1, Curated.Pledges - 1);
    }
}
