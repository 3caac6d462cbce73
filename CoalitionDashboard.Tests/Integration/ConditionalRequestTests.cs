using System.Net;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>
/// The API and the exports answer as HTTP clients that poll them expect: an entity tag and Last-Modified from the data,
/// Cache-Control, 304 Not Modified to a client that already has the data, HEAD like GET without a body, and 405 with
/// Allow for a method they do not take.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConditionalRequestTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Routes => new()
    {
        "/api/countries", "/api/countries/FRA", "/api/pledges?bloc=eu", "/api/events", "/api/quotes", "/api/sources", "/api/open-issues",
        "/export/pledges.csv", "/export/pledges.json?status=declined", "/export/countries.csv", "/export/metadata.json",
        "/export/events.csv", "/export/quotes.json", "/export/sources.csv", "/export/open-issues.json", "/export/data.zip?bloc=eu", "/export/pledges.xlsx",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Get_CarriesATagAndADate_AndAClientThatHasThemGets304(string route)
    {
        // Arrange
        var first = await _client.GetAsync(route, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        var modified = first.Content.Headers.LastModified;
        Assert.NotNull(tag);
        Assert.NotNull(modified);
        Assert.True(first.Headers.CacheControl?.NoCache, $"{route}: Cache-Control {first.Headers.CacheControl}");

        // Act
        using var byTag = new HttpRequestMessage(HttpMethod.Get, route);
        byTag.Headers.IfNoneMatch.Add(tag);
        var notModifiedByTag = await _client.SendAsync(byTag, Ct);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, route);
        byDate.Headers.IfModifiedSince = modified;
        var notModifiedByDate = await _client.SendAsync(byDate, Ct);
        using var stale = new HttpRequestMessage(HttpMethod.Get, route);
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"an-older-copy\"", isWeak: true));
        var changed = await _client.SendAsync(stale, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByTag.StatusCode);
        Assert.Empty(await notModifiedByTag.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(tag, notModifiedByTag.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(tag, changed.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Head_AnswersLikeGet_WithoutABody(string route)
    {
        var get = await _client.GetAsync(route, Ct);

        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, route), Ct);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task OtherMethods_Are405_NamingGetAndHead(string route)
    {
        var response = await _client.PostAsync(route, new StringContent(""), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var allow = response.Content.Headers.Allow;
        Assert.Contains("GET", allow);
        Assert.Contains("HEAD", allow);
    }

    [Fact]
    public async Task Tags_DifferByQuery_AndAnErrorCarriesNone()
    {
        var all = await _client.GetAsync("/export/pledges.csv", Ct);
        var eu = await _client.GetAsync("/export/pledges.csv?bloc=eu", Ct);
        var bad = await _client.GetAsync("/api/pledges?status=maybe", Ct);

        Assert.NotEqual(all.Headers.ETag, eu.Headers.ETag);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Null(bad.Headers.ETag);
    }
}
