using System.Net;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>
/// Cross-origin reads of the API and exports are off by default; <c>Cors:AllowedOrigins</c> opens them to the sites it
/// names, for reading only, with the caching headers readable, and to no other site.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CorsTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private const string Allowed = "https://analysis.example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage From(string origin, string path, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        if (method == HttpMethod.Options)
        {
            request.Headers.Add("Access-Control-Request-Method", "GET");
        }
        return request;
    }

    [Theory]
    [InlineData("/api/pledges")]
    [InlineData("/export/pledges.csv")]
    public async Task ByDefault_NoOtherSiteMayRead(string path)
    {
        var client = factory.CreateClient();

        var response = await client.SendAsync(From(Allowed, path), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/pledges")]
    [InlineData("/export/pledges.csv")]
    public async Task WithAnAllowList_ThoseSitesMayRead_AndNoOther(string path)
    {
        // Arrange
        using var configured = factory.WithWebHostBuilder(b => b
            .UseSetting("Cors:AllowedOrigins:0", Allowed)
            .UseSetting("Cors:AllowedOrigins:1", "not an origin"));
        var client = configured.CreateClient();

        // Act
        var allowed = await client.SendAsync(From(Allowed, path), Ct);
        var other = await client.SendAsync(From("https://elsewhere.example.com", path), Ct);
        var preflight = await client.SendAsync(From(Allowed, path, HttpMethod.Options), Ct);

        // Assert
        Assert.Equal(Allowed, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", string.Join(",", allowed.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.True(preflight.IsSuccessStatusCode, $"preflight: {(int)preflight.StatusCode}");
        Assert.Contains("GET", string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }
}
