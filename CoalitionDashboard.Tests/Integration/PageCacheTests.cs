using System.Net;
using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>
/// Pages are rendered once per URL, theme and data version, then served from the output cache: a room full of
/// people opening the same view costs one render. The cache must never mix themes or outlive an import.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PageCacheTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_RequestedTwice_IsServedFromTheCacheTheSecondTime_WithoutAnyCookie()
    {
        // Arrange
        await using var factory = new DashboardAppFactory();
        var client = factory.CreateClient();
        await client.GetAsync("/healthz", Token);

        // Act
        var first = await client.GetAsync("/pledges?country=FRA", Token);
        var second = await client.GetAsync("/pledges?country=FRA", Token);

        // Assert
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Contains("Age"), "the first request must be rendered");
        Assert.True(second.Headers.Contains("Age"), "the second request should come from the output cache");
        Assert.False(first.Headers.Contains("Set-Cookie"), "a page response must not set a cookie (it would be shared by the cache)");
        Assert.Equal(await first.Content.ReadAsStringAsync(Token), await second.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Page_DifferentFilterOrTheme_IsRenderedForThatFilterAndTheme()
    {
        // Arrange
        await using var factory = new DashboardAppFactory();
        var client = factory.CreateClient();
        await client.GetAsync("/pledges?country=FRA", Token);
        await client.GetAsync("/pledges?country=FRA", Token);

        // Act
        var otherFilter = await client.GetStringAsync("/pledges?country=DEU", Token);
        using var dark = new HttpRequestMessage(HttpMethod.Get, "/pledges?country=FRA");
        dark.Headers.Add("Cookie", "cd-theme=dark");
        var darkResponse = await client.SendAsync(dark, Token);

        // Assert
        Assert.Contains("chip-country-DEU", otherFilter, StringComparison.Ordinal);
        Assert.DoesNotContain("chip-country-FRA", otherFilter, StringComparison.Ordinal);
        Assert.False(darkResponse.Headers.Contains("Age"), "a page cached for the light theme was served to a dark-theme visitor");
    }

    [Fact]
    public async Task Page_AfterAnImport_IsRenderedAgainFromTheNewData()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        await using var factory = DashboardAppFactory.WithData(data.Directory);
        var client = factory.CreateClient();
        await client.GetAsync("/healthz", Token);
        var before = await client.GetStringAsync("/countries/FRA", Token);
        await client.GetAsync("/countries/FRA", Token);

        // Act: the curated data changes and is imported while the app runs
        data.ReplaceFirst(DataFiles.Countries, "\"name\": \"France\"", "\"name\": \"French Republic\"");
        var outcome = await factory.Services.GetRequiredService<DataImporter>().ImportAsync(cancellationToken: Token);
        var after = await client.GetAsync("/countries/FRA", Token);

        // Assert
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.DoesNotContain("French Republic", before, StringComparison.Ordinal);
        Assert.False(after.Headers.Contains("Age"), "a page cached before the import was served after it");
        Assert.Contains("French Republic", await after.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }
}
