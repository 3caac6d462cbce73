using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>A laptop's window (1366 × 768) shows every column of the grids, and their header stays in view.</summary>
public sealed class LayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private sealed class Box
    {
        public double Right { get; set; }
        public double Window { get; set; }
        public double HeaderTop { get; set; }
        public double TableTop { get; set; }
    }

    [Theory]
    [InlineData("/pledges")]
    [InlineData("/countries")]
    [InlineData("/sources")]
    public async Task Grid_At1366_FitsTheWindow_AndItsHeaderSticksWhenScrolled(string path)
    {
        // Arrange
        await Page.SetViewportSizeAsync(1366, 768);
        await Page.GotoAsync(path);
        await WaitForInteractivityAsync();

        // Act: scroll 1,000 px into the table
        var box = await Page.EvaluateAsync<Box>("""
            () => {
                const table = [...document.querySelectorAll('main table')].sort((a, b) => b.rows.length - a.rows.length)[0];
                window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY + 1000);
                const header = table.querySelector('thead th');
                return { right: table.getBoundingClientRect().right, window: document.documentElement.clientWidth,
                         headerTop: header.getBoundingClientRect().top, tableTop: table.getBoundingClientRect().top };
            }
            """);

        // Assert
        Assert.True(box.Right <= box.Window, $"{path}: the table ends at {box.Right} px in a {box.Window} px window");
        Assert.True(box.TableTop < 0, "the table was scrolled past its top");
        Assert.InRange(box.HeaderTop, 60, 70);
    }
}
