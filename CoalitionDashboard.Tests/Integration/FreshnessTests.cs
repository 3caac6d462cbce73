using System.Net;
using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>
/// Every page says how fresh its data is ("data as of … · reviewed …"); a review older than Freshness:StaleAfterDays
/// puts a banner on every page and in the presenter view; a generated deck is dated by its data, not by today; the
/// members' figure is the roster of the view's date.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FreshnessTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] s_pages =
        ["/", "/map", "/countries", "/countries/FRA", "/pledges", "/timeline", "/sources", "/quotes", "/open-issues", "/organisations/EU"];

    public static readonly TheoryData<string> Pages = new(s_pages);

    private static string Freshness => $"Data as of {Curated.Short(Curated.AsOf)} · reviewed {Curated.Short(Curated.ReviewedOn)}";

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_SaysHowFreshItsDataIs(string path)
    {
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(path, Ct));

        Assert.Contains(Freshness, html, StringComparison.Ordinal);
        // The curated data was reviewed within the limit (it is reviewed on the day it is refreshed).
        Assert.True((DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - Curated.ReviewedOn.DayNumber) > 30 || !html.Contains("data-testid=\"stale-banner\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStaleReview_PutsABannerOnEveryPageAndInThePresenterView()
    {
        using var data = TestData.CopyOfRealData();
        // Reviewed on the day of the latest fact, long ago: older than the default 30 days.
        var asOf = Regex.Match(data.Read("dataset.json"), "\"asOf\": \"([^\"]+)\"").Groups[1].Value;
        data.ReplaceFirst("dataset.json", "\"reviewedOn\": \"[^\"]+\"", $"\"reviewedOn\": \"{asOf}\"");
        await using var stale = DashboardAppFactory.WithData(data.Directory);
        var client = stale.CreateClient();

        foreach (var path in s_pages.Append("/briefings/paris-summit-2026?presenter"))
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(path, Ct));
            Assert.Matches(new Regex($@"These data were last reviewed \d+ days ago \({Regex.Escape(Curated.Short(Curated.AsOf))}\)"), html);
        }
    }

    [Fact]
    public async Task BriefThisView_IsDatedByItsData_NotByToday()
    {
        var client = factory.CreateClient();

        var latest = await client.GetStringAsync("/briefings/view", Ct);
        var earlier = await client.GetStringAsync("/briefings/view?asof=2025-10-01", Ct);

        Assert.Contains(Curated.Long(Curated.AsOf), latest, StringComparison.Ordinal);
        Assert.DoesNotContain(Curated.Long(DateOnly.FromDateTime(DateTime.UtcNow)), latest, StringComparison.Ordinal);
        Assert.Contains("1 October 2025", earlier, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "35")]
    [InlineData("?asof=2025-09-10", "26")]
    [InlineData("?asof=2025-03-01", "—")]
    public async Task MembersFigure_IsTheRosterOfTheViewsDate(string query, string expected)
    {
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/" + query, Ct));

        var figure = Regex.Match(html, @"data-testid=""kpi-members"".*?kpi-value"">([^<]+)<", RegexOptions.Singleline);
        Assert.True(figure.Success);
        Assert.Equal(expected, figure.Groups[1].Value);
        if (expected == "26")
        {
            Assert.Contains("Which countries, the data does not record.", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BeforeTheSummit_AttendanceAndRepresentativesAreNotShown()
    {
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/countries?asof=2025-10-01", Ct));

        Assert.DoesNotContain("Giorgia Meloni", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"roster-note\"", html, StringComparison.Ordinal);
        var today = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/countries", Ct));
        Assert.Contains("Giorgia Meloni", today, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"roster-note\"", today, StringComparison.Ordinal);
        // The map says the same before its colours.
        var map = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/map?asof=2025-10-01", Ct));
        Assert.Contains("had formally committed to the reassurance force", map, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"roster-note\"", map, StringComparison.Ordinal);
    }
}
