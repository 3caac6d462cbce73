using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoalitionDashboard.Data;
using CoalitionDashboard.Features.Briefings;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;
using CoalitionDashboard.Features.Map;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>
/// Every view that shows a country's standing (the API, the countries grid and its CSV, the profile, the map's colour
/// classes, the overview's figures and the slides) shows the same one, for every country, today and as of an earlier
/// date; and the traps of the fact sheet hold.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class StandingConsistencyTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Shown(string Forces, string Commitment);

    [Theory]
    [InlineData("")]
    [InlineData("asof=2025-09-30")]
    [InlineData("asof=2026-01-05")]
    [InlineData("minReliability=B")]
    public async Task EveryView_ShowsTheSameStanding_ForEveryCountry(string query)
    {
        var suffix = query.Length == 0 ? "" : "?" + query;
        var api = await ApiStandingsAsync(suffix);
        Assert.True(api.Count >= 42, $"{api.Count} countries in the API");

        // The countries CSV.
        var csv = await CsvStandingsAsync(suffix);
        Assert.Equal(api.Keys.Order(), csv.Keys.Order());
        foreach (var (iso3, shown) in api)
        {
            Assert.Equal((iso3, shown), (iso3, csv[iso3]));
        }

        // The countries grid (prerendered HTML): every member and partner row.
        var grid = await GridStandingsAsync(suffix);
        foreach (var (iso3, shown) in grid)
        {
            Assert.Equal((iso3, api[iso3]), (iso3, shown));
        }
        Assert.True(grid.Count >= 36, $"{grid.Count} rows in the grid");

        // The profile of every participant.
        foreach (var iso3 in grid.Keys)
        {
            var html = await _client.GetStringAsync($"/countries/{iso3}{suffix}", Ct);
            var forces = Attribute(html, "standing-forces");
            var commitment = Attribute(html, "standing-commitment");
            Assert.Equal((iso3, api[iso3]), (iso3, new Shown(forces, commitment == "none" ? "" : commitment)));
        }

        // The map's colour classes (the map page lists every participant with its class).
        var forcesMap = await MapValuesAsync("/map?metric=forces" + (query.Length == 0 ? "" : "&" + query));
        var statusMap = await MapValuesAsync("/map?metric=status" + (query.Length == 0 ? "" : "&" + query));
        foreach (var (iso3, value) in forcesMap)
        {
            var expected = iso3 == CountryQueries.HostCountry ? "Ukraine (host country)"
                : Slug.TryParse<TroopsPosition>(api[iso3].Forces, out var f) ? Vocabulary.Label(f) : "No position on forces on record";
            Assert.Equal((iso3, expected), (iso3, value));
        }
        foreach (var (iso3, value) in statusMap)
        {
            var expected = Slug.TryParse<PledgeStatus>(api[iso3].Commitment, out var s) ? Vocabulary.Label(s) : "No commitment on record";
            Assert.Equal((iso3, expected), (iso3, value));
        }
        Assert.Equal(grid.Keys.Order(), forcesMap.Keys.Order());

        // The overview's figures count the members' standings.
        var countries = await _client.GetFromJsonAsync<JsonElement[]>("/api/countries" + suffix, Ct);
        var members = countries!.Where(c => c.GetProperty("role").GetString() == "member").Select(c => c.GetProperty("iso3").GetString()!).ToList();
        var overview = await _client.GetStringAsync("/" + suffix, Ct);
        Assert.Equal(members.Count(m => api[m].Forces == "offered"), KpiValue(overview, "kpi-forces"));
        Assert.Equal(members.Count(m => api[m].Forces == "declined"), KpiValue(overview, "kpi-declined"));

        // The slides: a country card for every participant, built by the deck builder from the same filter.
        using var scope = factory.Services.CreateScope();
        var reference = await scope.ServiceProvider.GetRequiredService<ReferenceData>().GetAsync();
        var filter = FilterParser.Parse(suffix, reference.Codes).Filter;
        var deck = new Deck("test", "", new DeckMeta("t", null, null, null, null, "", null),
            grid.Keys.Select((iso3, i) => new Slide(i + 1, iso3, [new WidgetBlock(i + 1, new CountryWidget(iso3))], null)).ToList(), []);
        var built = await scope.ServiceProvider.GetRequiredService<DeckBuilder>().BuildAsync(deck, new FilterContext(filter, [], reference));
        foreach (var card in built.Slides.SelectMany(s => s.Blocks).Select(b => b.Item2).OfType<CountryCardModel>())
        {
            var shown = new Shown(card.Standing.ForcesSlug, card.Standing.StrongestCommitment is { } c ? Slug.Of(c) : "");
            Assert.Equal((card.Profile.Iso3, api[card.Profile.Iso3]), (card.Profile.Iso3, shown));
        }
    }

    [Fact]
    public async Task Traps_TheUnitedStatesNeverAdoptedOrSignedTheParisDeclaration()
    {
        var us = await _client.GetFromJsonAsync<JsonElement>("/api/countries/USA", Ct);
        var standing = us.GetProperty("country").GetProperty("standing");
        Assert.DoesNotContain(standing.GetProperty("strongestCommitment").GetString(), new[] { "adopted-joint-declaration", "signed-declaration-of-intent" });
        foreach (var pledge in us.GetProperty("pledges").EnumerateArray())
        {
            var status = pledge.GetProperty("status").GetString();
            if (status is "adopted-joint-declaration" or "signed-declaration-of-intent")
            {
                Assert.Equal((pledge.GetProperty("id").GetString(), "partner"), (pledge.GetProperty("id").GetString(), pledge.GetProperty("role").GetString()));
            }
        }
        var csv = await CsvStandingsAsync("");
        Assert.NotEqual("adopted-joint-declaration", csv["USA"].Commitment);
    }

    [Fact]
    public async Task Traps_TheDeclarationOfIntentIsSignedByExactlyFranceTheUkAndUkraine()
    {
        var pledges = await _client.GetFromJsonAsync<JsonElement[]>("/api/pledges?status=signed-declaration-of-intent", Ct);
        var signatories = pledges!.SelectMany(p => p.GetProperty("parties").EnumerateArray())
            .Where(p => p.GetProperty("role").GetString() != "partner").Select(p => p.GetProperty("id").GetString()).Distinct().Order().ToList();
        Assert.Equal(["FRA", "GBR", "UKR"], signatories);
        var api = await ApiStandingsAsync("");
        Assert.Equal(["FRA", "GBR", "UKR"], api.Where(kv => kv.Value.Commitment == "signed-declaration-of-intent").Select(kv => kv.Key).Order());
    }

    [Fact]
    public async Task Traps_ForcesPositions_AsTheRecordsGiveThem()
    {
        var api = await ApiStandingsAsync("");
        Assert.Equal("outside-ukraine", api["DEU"].Forces);
        Assert.All(new[] { "ITA", "POL", "ROU" }, iso3 => Assert.Equal((iso3, "declined"), (iso3, api[iso3].Forces)));
        Assert.All(new[] { "FRA", "GBR" }, iso3 => Assert.Equal((iso3, "offered"), (iso3, api[iso3].Forces)));
        Assert.Equal("none", api["UKR"].Forces);

        // Germany's contribution is from neighbouring NATO territory, subject to the Bundestag.
        var germany = await _client.GetFromJsonAsync<JsonElement>("/api/countries/DEU", Ct);
        var p22 = germany.GetProperty("pledges").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "P22");
        Assert.Equal("outside-ukraine", p22.GetProperty("troops").GetString());
        Assert.Contains("Bundestag", p22.GetRawText(), StringComparison.Ordinal);

        // Montenegro's attendance stays unconfirmed.
        var montenegro = await _client.GetFromJsonAsync<JsonElement>("/api/countries/MNE", Ct);
        Assert.Equal("unconfirmed", montenegro.GetProperty("country").GetProperty("attendance").GetString());
    }

    [Fact]
    public async Task Italy_ItsEarlierOfferStandsBeforeTheSummitAndIsSupersededAfter()
    {
        var before = await _client.GetFromJsonAsync<JsonElement>("/api/countries/ITA?asof=2025-10-01", Ct);
        var after = await _client.GetFromJsonAsync<JsonElement>("/api/countries/ITA", Ct);

        Assert.Equal("outside-ukraine", before.GetProperty("country").GetProperty("standing").GetProperty("forcesInUkraine").GetString());
        Assert.Equal("declined", after.GetProperty("country").GetProperty("standing").GetProperty("forcesInUkraine").GetString());
        Assert.Equal(["P25"], before.GetProperty("pledges").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        // The profile keeps the earlier offer as history, struck through as superseded by the refusal.
        var profile = await _client.GetStringAsync("/countries/ITA", Ct);
        Assert.Matches(new Regex(@"class=""superseded""[^>]*>.*?P25.*?superseded by P24", RegexOptions.Singleline), profile);
    }

    [Theory]
    [InlineData("/api/countries?asof=2026-02-30", "'2026-02-30' is not a date (YYYY-MM-DD); the 'asof' filter was ignored.")]
    [InlineData("/api/countries/FRA?asof=yesterday", "'yesterday' is not a date")]
    [InlineData("/api/pledges?asof=2099-01-01", "'asof' 2099-01-01 is in the future")]
    [InlineData("/api/events?asof=1-1-2026", "is not a date")]
    [InlineData("/api/pledges?asof=0001-01-01", "'0001-01-01' is outside the dates this dashboard can draw (1900-01-01 to 2199-12-31); the 'asof' filter was ignored.")]
    [InlineData("/api/quotes?minReliability=D", "Unknown minReliability 'D' was ignored (use A, B or C).")]
    [InlineData("/api/sources?asof=2026-1-1", "is not a date")]
    [InlineData("/api/open-issues?asof=x", "is not a date")]
    [InlineData("/export/countries.csv?asof=2026-13-01", "is not a date")]
    [InlineData("/export/pledges.json?asof=2099-01-01", "is in the future")]
    public async Task MalformedAsOf_IsA400NamingTheParameter(string url, string expected)
    {
        var response = await _client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Problem details: the message is in `detail` (JSON-escaped on the wire: quotes and brackets as \u0027, \u003C).
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedAsOf_OnAPage_IsReportedAndIgnored()
    {
        var html = await _client.GetStringAsync("/map?asof=2026-02-30", Ct);

        Assert.Contains("'2026-02-30' is not a date (YYYY-MM-DD); the 'asof' filter was ignored.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"chip-asof\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsOf_EventsQuotesAndPledgesDatedAfterItAreNotListed()
    {
        var events = await _client.GetFromJsonAsync<JsonElement[]>("/api/events?asof=2025-06-30", Ct);
        var pledges = await _client.GetFromJsonAsync<JsonElement[]>("/api/pledges?asof=2025-06-30", Ct);
        var quotes = await _client.GetFromJsonAsync<JsonElement[]>("/api/quotes?asof=2025-06-30", Ct);

        Assert.NotEmpty(events!);
        Assert.All(events!, e => Assert.True(DateOnly.Parse(e.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= new DateOnly(2025, 6, 30)));
        Assert.NotEmpty(pledges!);
        Assert.All(pledges!, p => Assert.True(string.CompareOrdinal(p.GetProperty("date").GetString(), "2025-06-30") <= 0, p.GetProperty("id").GetString()));
        Assert.All(quotes!, q => Assert.True(q.GetProperty("date").ValueKind == JsonValueKind.Null || string.CompareOrdinal(q.GetProperty("date").GetString(), "2025-06-30") <= 0));
    }

    private async Task<Dictionary<string, Shown>> ApiStandingsAsync(string suffix)
    {
        var countries = await _client.GetFromJsonAsync<JsonElement[]>("/api/countries" + suffix, Ct);
        return countries!.ToDictionary(c => c.GetProperty("iso3").GetString()!, c =>
        {
            var s = c.GetProperty("standing");
            return new Shown(s.GetProperty("forcesInUkraine").GetString()!, s.GetProperty("strongestCommitment").GetString() ?? "");
        });
    }

    private async Task<Dictionary<string, Shown>> CsvStandingsAsync(string suffix)
    {
        var table = StrictCsv.Parse(await _client.GetByteArrayAsync("/export/countries.csv" + suffix, Ct));
        var (iso3, commitment, forces) = (table.Column("iso3"), table.Column("strongest_commitment"), table.Column("forces_in_ukraine"));
        return table.Rows.ToDictionary(c => c[iso3], c => new Shown(c[forces], c[commitment]));
    }

    private async Task<Dictionary<string, Shown>> GridStandingsAsync(string suffix)
    {
        var html = await _client.GetStringAsync("/countries" + suffix, Ct);
        var result = new Dictionary<string, Shown>(StringComparer.Ordinal);
        foreach (var row in html.Split("<tr").Skip(1))
        {
            var country = GridCountry().Match(row);
            var forces = Regex.Match(row, @"data-testid=""grid-forces"" data-value=""([^""]+)""");
            if (!country.Success || !forces.Success)
            {
                continue;
            }
            var commitment = Regex.Match(row, @"data-testid=""grid-commitment"" data-value=""([^""]+)""");
            result[country.Groups[1].Value] = new Shown(forces.Groups[1].Value, commitment.Success ? commitment.Groups[1].Value : "");
        }
        return result;
    }

    private async Task<Dictionary<string, string>> MapValuesAsync(string url)
    {
        var html = await _client.GetStringAsync(url, Ct);
        return MapEntry().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value), StringComparer.Ordinal);
    }

    private static string Attribute(string html, string testId)
    {
        var match = Regex.Match(html, $@"data-testid=""{testId}"" data-value=""([^""]+)""");
        Assert.True(match.Success, $"no {testId} on the page");
        return match.Groups[1].Value;
    }

    private static int KpiValue(string html, string testId)
    {
        var match = Regex.Match(html, $@"data-testid=""{testId}"".*?kpi-value"">(\d+)<", RegexOptions.Singleline);
        Assert.True(match.Success, $"no {testId} figure on the overview");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"data-testid=""grid-country"" data-iso3=""([A-Z]{3})""")]
    private static partial Regex GridCountry();

    [GeneratedRegex(@"data-testid=""map-entry"" data-iso3=""([A-Z]{3})"".*?data-testid=""map-entry-value"">([^<]*)<", RegexOptions.Singleline)]
    private static partial Regex MapEntry();
}
