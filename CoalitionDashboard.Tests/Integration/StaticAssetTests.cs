using System.Net;
using CoalitionDashboard.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class StaticAssetTests : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client;

    public StaticAssetTests(DashboardAppFactory factory) =>
        _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task PlotlyBlazorsScriptAddress_IsAnsweredWithTheAppsOwnSmallBundle_Compressed()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, PlotlyBundle.PackageScriptPath);
        request.Headers.AcceptEncoding.ParseAdd("br");

        // Act
        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var compressed = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        // Assert: the app's bundle (not the package's 4.8 MB plotly.js), served brotli-compressed
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli);
        var script = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("/*! plotly.js 3.7.0 (MIT, Plotly, Inc.): core + bar, choropleth, sunburst.", script, StringComparison.Ordinal);
        Assert.True(script.Length is > 500_000 and < 2_000_000, $"{script.Length} characters");
        Assert.True(compressed.Length < script.Length / 2, $"{compressed.Length} bytes compressed");
    }

    [Fact]
    public async Task PlotlyBundle_RepeatRequestWithItsETag_IsNotModified()
    {
        // Arrange
        using var first = await _client.GetAsync(PlotlyBundle.PackageScriptPath, TestContext.Current.CancellationToken);
        using var again = new HttpRequestMessage(HttpMethod.Get, PlotlyBundle.PackageScriptPath);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        // Act
        using var response = await _client.SendAsync(again, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }
}
