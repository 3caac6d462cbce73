using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>A chart saved from the panel's buttons goes onto a slide as it is: opaque, with its title and source.</summary>
public sealed class ChartExportTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("dark")]
    [InlineData("light")]
    public async Task SavePng_GivesAnOpaqueImage_InEitherTheme(string theme)
    {
        // Arrange
        await Page.Context.AddCookiesAsync([new Cookie { Name = "cd-theme", Value = theme, Domain = BaseAddress.Host, Path = "/" }]);
        await Page.GotoAsync("/pledges");
        await WaitForInteractivityAsync();
        await Page.Locator("[data-testid=chart-pledges-by-category] .main-svg").First.WaitForAsync();

        // Act
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("save-png-pledges-by-category").ClickAsync());
        var png = PngImage.Decode(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));

        // Assert: every corner and the middle are fully opaque (a transparent PNG saved from the dark theme loses its
        // light text on a white slide)
        Assert.Equal("coalition-pledges-by-category.png", download.SuggestedFilename);
        Assert.True(png.Width >= 1280, $"width {png.Width}");
        foreach (var (x, y) in new[] { (0, 0), (png.Width - 1, 0), (0, png.Height - 1), (png.Width - 1, png.Height - 1), (png.Width / 2, png.Height / 2) })
        {
            Assert.Equal(255, png.AlphaAt(x, y));
        }
    }

    [Fact]
    public async Task SaveSvg_GivesAnSvgWithAnOpaqueBackgroundTitleAndSource()
    {
        // Arrange
        await Page.GotoAsync("/pledges");
        await WaitForInteractivityAsync();
        await Page.Locator("[data-testid=chart-pledges-by-category] .main-svg").First.WaitForAsync();

        // Act
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("save-svg-pledges-by-category").ClickAsync());
        var svg = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("coalition-pledges-by-category.svg", download.SuggestedFilename);
        Assert.StartsWith("<svg", svg.TrimStart());
        Assert.Contains("Pledges by", svg);
        Assert.Contains("Source", svg, StringComparison.OrdinalIgnoreCase);
        // plotly paints the paper as the first rect: an opaque colour, not rgba(0,0,0,0)
        var background = Regex.Match(svg, "<rect[^>]*class=\"bg\"[^>]*style=\"[^\"]*fill: ?([^;\"]+)");
        Assert.True(background.Success, "the SVG has a background rect");
        Assert.DoesNotContain("rgba(0, 0, 0, 0)", background.Groups[1].Value);
        Assert.DoesNotMatch(@"rgba\([^)]*,\s*0\)", background.Groups[1].Value);
    }
}
