using System.Net;
using CoalitionDashboard.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class StaticAssetTests : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client;
    private readonly IServiceProvider _services;

    public StaticAssetTests(DashboardAppFactory factory)
    {
        _client = factory.CreateClient(new() { AllowAutoRedirect = false });
        _services = factory.Services;
    }

    [Fact]
    public async Task PlotlyBlazorsScriptAddress_LeadsToTheAppsOwnSmallBundle_AtAVersionedAddressKeptForAYear_Compressed()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var redirect = await _client.GetAsync(PlotlyBundle.PackageScriptPath, ct);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var location = redirect.Headers.Location!.OriginalString;
        Assert.Matches(@"^/lib/plotly/plotly-dashboard\.min\.js\?v=[0-9a-f]{12}$", location);
        using var request = new HttpRequestMessage(HttpMethod.Get, location);
        request.Headers.AcceptEncoding.ParseAdd("br");

        // Act
        using var response = await _client.SendAsync(request, ct);
        var compressed = await response.Content.ReadAsByteArrayAsync(ct);

        // Assert: the app's bundle (not the package's 4.8 MB plotly.js), brotli-compressed, immutable
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control: {response.Headers.CacheControl}");
        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli);
        var script = await reader.ReadToEndAsync(ct);
        Assert.StartsWith("/*! plotly.js 3.7.0 (MIT, Plotly, Inc.): core + bar, choropleth.", script, StringComparison.Ordinal);
        Assert.True(script.Length is > 500_000 and < 2_000_000, $"{script.Length} characters");
        Assert.True(compressed.Length < script.Length / 2, $"{compressed.Length} bytes compressed");
    }

    [Theory]
    [InlineData("_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("_content/MudBlazor/MudBlazor.min.js")]
    public async Task PackageAsset_LinkedWithItsVersion_IsKeptForAYear_AndStillCompressed(string path)
    {
        // Arrange: the address the page links
        var html = await _client.GetStringAsync("/open-issues", TestContext.Current.CancellationToken);
        var href = System.Text.RegularExpressions.Regex.Match(html, $@"(?:href|src)=""({System.Text.RegularExpressions.Regex.Escape(path)}\?v=[0-9a-f]{{12}})""").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(href), $"the page links {path} without a version");

        // Act
        using var versioned = new HttpRequestMessage(HttpMethod.Get, "/" + href);
        versioned.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await _client.SendAsync(versioned, TestContext.Current.CancellationToken);
        using var stale = await _client.GetAsync($"/{path}?v=000000000000", TestContext.Current.CancellationToken);
        using var plain = await _client.GetAsync("/" + path, TestContext.Current.CancellationToken);

        // Assert: the current version is immutable and compressed; an old version or none must be asked again
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.True(stale.Headers.CacheControl?.NoCache, stale.Headers.CacheControl?.ToString());
        Assert.True(plain.Headers.CacheControl?.NoCache, plain.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task MapOutlines_BelowTheirVersionedFolder_AreTheFiles_KeptForAYearOnlyAtTheCurrentVersion()
    {
        // Arrange
        var assets = _services.GetRequiredService<CoalitionDashboard.Components.Layout.VersionedAssets>();
        Assert.Matches("^topojson/v-[0-9a-f]{12}/$", assets.TopoJsonUrl);

        // Act
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + assets.TopoJsonUrl + "europe_110m.json");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var current = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        using var old = await _client.GetAsync("/topojson/v-000000000000/europe_110m.json", TestContext.Current.CancellationToken);
        using var missing = await _client.GetAsync("/" + assets.TopoJsonUrl + "mars_110m.json", TestContext.Current.CancellationToken);
        var outline = await old.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", current.Headers.CacheControl?.ToString());
        Assert.Equal("br", Assert.Single(current.Content.Headers.ContentEncoding));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.True(old.Headers.CacheControl?.NoCache, old.Headers.CacheControl?.ToString());
        Assert.Contains("\"Topology\"", outline, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

[Trait("Category", "Integration")]
public sealed class ThemeStylesheetTests : IClassFixture<DashboardAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly HttpClient _client;

    public ThemeStylesheetTests(DashboardAppFactory factory) => _client = factory.CreateClient();

    [Fact]
    public async Task Page_LinksTheVersionedThemeStylesheet_InsteadOfInliningMudBlazorsThemeCss()
    {
        // Act
        var html = await _client.GetStringAsync("/", Token);

        // Assert
        Assert.Matches(@"<link rel=""stylesheet"" href=""theme\.css\?v=[0-9a-f]{12}""", html);
        Assert.DoesNotContain("mud-theme-provider", html, StringComparison.Ordinal);
        Assert.DoesNotContain("--mud-palette-primary:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThemeStylesheet_HasTheLightPaletteOnRootAndTheDarkOneForTheDarkChoiceAndDarkSystems_CachedForAYear()
    {
        // Arrange
        var html = await _client.GetStringAsync("/", Token);
        var href = System.Text.RegularExpressions.Regex.Match(html, @"theme\.css\?v=[0-9a-f]{12}").Value;

        // Act
        using var response = await _client.GetAsync(href, Token);
        var css = await response.Content.ReadAsStringAsync(Token);

        // Assert: AppTheme's primary colours, light on :root, dark under both dark selectors
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var root = css.IndexOf(":root{", StringComparison.Ordinal);
        var dark = css.IndexOf("html[data-theme=dark]{", StringComparison.Ordinal);
        var system = css.IndexOf("@media (prefers-color-scheme: dark){html:not([data-theme]){", StringComparison.Ordinal);
        Assert.True(root >= 0 && dark > root && system > dark, "light :root block, then the dark blocks");
        Assert.Contains("--mud-palette-primary: rgba(31,78,140,1);", css[root..dark], StringComparison.Ordinal);
        Assert.Contains("--mud-palette-primary: rgba(138,180,248,1);", css[dark..system], StringComparison.Ordinal);
        Assert.Contains("--mud-palette-primary: rgba(138,180,248,1);", css[system..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dark", "dark")]
    [InlineData("light", "light")]
    public async Task Page_WithASavedTheme_MarksTheDocumentForTheStylesheet(string cookie, string attribute)
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/countries");
        request.Headers.Add("Cookie", $"cd-theme={cookie}");

        // Act
        using var response = await _client.SendAsync(request, Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        // Assert
        Assert.Contains($"<html lang=\"en\" data-theme=\"{attribute}\">", html, StringComparison.Ordinal);
    }
}
