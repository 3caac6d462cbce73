using System.Net;
using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>What the server renders for the organisation profiles, /quotes, /open-issues and the navigation to them.</summary>
[Trait("Category", "Integration")]
public sealed partial class ReferencePagesTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/organisations/EU", new[] { "Ursula von der Leyen", "António Costa", "Kaja Kallas" })]
    [InlineData("/organisations/NATO", new[] { "Mark Rutte", "Alexus Grynkewich" })]
    public async Task OrganisationProfile_ShowsItsRepresentatives(string path, string[] names)
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync(path, Ct));

        Assert.All(names, name => Assert.Contains(name, html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/organisations/XYZ")]
    [InlineData("/organisations/not-an-id")]
    public async Task OrganisationProfile_UnknownId_Is404WithTheNotFoundPage(string path)
    {
        var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("There is no page at this address", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_UnknownTopic_IsReportedAndNoScriptIsServed()
    {
        var response = await _client.GetAsync("/quotes?topic=%3Cscript%3Ealert(1)%3C/script%3E", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Unknown topic &#x27;&lt;script&gt;alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Quotes_TopicTroops_ListsOnlyTroopQuotes()
    {
        var html = await _client.GetStringAsync("/quotes?topic=troops", Ct);

        var topics = TopicTag().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(topics);
        Assert.All(topics, t => Assert.Equal("troops", t));
    }

    [Fact]
    public async Task OpenIssues_ListsEveryIssue_TerritoryFirst()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/open-issues", Ct));

        Assert.Equal(Curated.OpenIssues, Regex.Count(html, "data-testid=\"open-issue\""));
        Assert.True(html.IndexOf("Territory (Donbas)", StringComparison.Ordinal) < html.IndexOf("Zaporizhzhia nuclear power plant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Navigation_HasQuotesAndOpenIssues_KeepingTheFilter()
    {
        var html = await _client.GetStringAsync("/timeline?country=FRA", Ct);

        var nav = html[html.IndexOf("<ul class=\"app-nav\"", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Matches("<a href=\"quotes\\?country=FRA\"[^>]*>.*<span>Quotes</span></a>", nav);
        Assert.Matches("<a href=\"open-issues\\?country=FRA\"[^>]*>.*<span>Open issues</span></a>", nav);
    }

    [Fact]
    public async Task Overview_LinksToAllOpenIssuesAndAllQuotes_KeepingTheFilter()
    {
        var html = await _client.GetStringAsync("/?country=FRA", Ct);

        Assert.Matches("<a href=\"open-issues\\?country=FRA\" class=\"link-button\" data-testid=\"all-open-issues\">All open issues \\(\\d+ more\\)", html);
        Assert.Contains("<a href=\"quotes?country=FRA\" class=\"link-button\" data-testid=\"all-quotes\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("more in the country profiles and the API", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourcePage_LinksItsOrganisationQuoteAndOpenIssueRecords()
    {
        var html = await _client.GetStringAsync("/sources/radiosvoboda-33641563", Ct);

        Assert.Contains("href=\"organisations/EU\"", html, StringComparison.Ordinal);
        Assert.Matches("href=\"quotes#Q\\d+\"", html);
    }

    [GeneratedRegex("class=\"tag\"[^>]*>([^<]*)</a>")]
    private static partial Regex TopicTag();
}
