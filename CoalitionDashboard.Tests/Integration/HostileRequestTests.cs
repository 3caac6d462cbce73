using System.Net;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>Requests that used to be turned against the app (issue 11): each answers as it should, never with a 500.</summary>
[Trait("Category", "Integration")]
public sealed class HostileRequestTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/briefings/paris-summit-2026?slide=abc", "'abc' is not a slide number; showing slide 1.")]
    [InlineData("/briefings/paris-summit-2026?slide=1e5", "'1e5' is not a slide number; showing slide 1.")]
    [InlineData("/briefings/paris-summit-2026?slide=-3", "'-3' is not a slide number; showing slide 1.")]
    [InlineData("/briefings/paris-summit-2026?slide=99999999999999", "slides; showing slide")]
    [InlineData("/briefings/view?slide=0", "slides; showing slide 1.")]
    [InlineData("/briefings/view?slide=1e5&country=FRA", "'1e5' is not a slide number; showing slide 1.")]
    public async Task BadSlideNumber_IsReportedOnTheDeck_NotA500(string url, string expected)
    {
        var response = await factory.CreateClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"slide-number-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodSlideNumber_ShowsThatSlide_WithoutAMessage()
    {
        var html = await factory.CreateClient().GetStringAsync("/briefings/paris-summit-2026?slide=3", Ct);

        Assert.Matches(@"data-testid=""slide-number"">3 / \d+<", html);
        Assert.DoesNotContain("slide-number-error", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheNotFoundPageWasAskedFor_UnknownUrlsStill404()
    {
        var client = factory.CreateClient();

        await client.GetAsync("/not-found", Ct);
        await client.GetAsync("/not-found", Ct);

        foreach (var url in new[] { "/zzz", "/.git/config", "/appsettings.json", "/countries/FRA/nothing" })
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal((url, HttpStatusCode.NotFound), (url, response.StatusCode));
            Assert.False(response.Headers.Contains("Age"), $"{url} was served from the page cache");
        }
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("TRACE")]
    [InlineData("FOO")]
    public async Task Healthz_AnswersOnlyGetAndHead(string method)
    {
        var client = factory.CreateClient();

        var wrong = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/healthz"), Ct);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"), Ct);
        var get = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrong.StatusCode);
        Assert.Contains("GET", string.Join(",", wrong.Content.Headers.Allow), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}
