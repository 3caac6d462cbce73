using CoalitionDashboard.Tests.TestSupport;
using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

public sealed partial class BriefingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Deck = "/briefings/paris-summit-2026";

    [Fact]
    public async Task Deck_Keys_MoveBetweenSlidesAndTheUrlFollows()
    {
        // Arrange
        await Page.GotoAsync(Deck);
        await WaitForDeckAsync();
        var total = await TotalAsync();

        // Act + Assert
        await Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"slide=2$"));
        await Assertions.Expect(Page.GetByTestId("slide-number")).ToHaveTextAsync($"2 / {total}");
        await Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"slide=3$"));
        await Page.Keyboard.PressAsync("PageUp");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"slide=2$"));
        await Page.Keyboard.PressAsync("End");
        await Assertions.Expect(Page.GetByTestId("slide-number")).ToHaveTextAsync($"{total} / {total}");
        await Assertions.Expect(Page.GetByTestId("slide-sources")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Home");
        await Assertions.Expect(Page.GetByTestId("slide-number")).ToHaveTextAsync($"1 / {total}");
        await Page.GoBackAsync();
        await Assertions.Expect(Page.GetByTestId("slide-number")).ToHaveTextAsync($"{total} / {total}");
        Assert.Empty(ConsoleErrors);
        AssertNoExternalRequests();
    }

    [Fact]
    public async Task Deck_ReloadOnSlide3_LandsOnSlide3WithMarkingFooterAndNoNotes()
    {
        // Act
        await Page.GotoAsync(Deck + "?slide=3");
        await WaitForDeckAsync();
        await Page.ReloadAsync();
        await WaitForDeckAsync();

        // Assert
        await Assertions.Expect(Page.GetByTestId("slide-number")).ToHaveTextAsync(new Regex(@"^3 / \d+$"));
        await Assertions.Expect(Page.GetByTestId("slide-marking").First).ToHaveTextAsync("UNCLASSIFIED – FOR BRIEFING USE");
        await Assertions.Expect(Page.GetByTestId("slide-footer")).ToContainTextAsync($"View as of 6 Feb 2026 · data as of {Curated.Short(Curated.AsOf)} · reviewed {Curated.Short(Curated.ReviewedOn)}");
        // Speaker notes never reach the audience view's HTML.
        Assert.DoesNotContain("presenter-notes", await Page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task PresenterView_ShowsNotesNextSlideAndClock_AndStaysInStep()
    {
        // Arrange: audience window and presenter window in the same browser
        await Page.GotoAsync(Deck + "?slide=2");
        await WaitForDeckAsync();
        var presenter = await Page.Context.NewPageAsync();
        await presenter.GotoAsync(Deck + "?slide=2&presenter=1");
        await Assertions.Expect(presenter.GetByTestId("presenter-notes")).ToBeVisibleAsync();
        await Assertions.Expect(presenter.GetByTestId("presenter-clock")).ToBeVisibleAsync();
        await WaitForDeckAsync(presenter);

        // Act: the presenter moves on
        await presenter.Keyboard.PressAsync("ArrowRight");

        // Assert: the audience follows
        await Assertions.Expect(presenter).ToHaveURLAsync(new Regex(@"slide=3"));
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"slide=3$"));
        await presenter.CloseAsync();
    }

    [Fact]
    public async Task PresenterView_TimerRestarts_NotesResize_AndASlideWithoutNotesSaysSo()
    {
        // Arrange: the title slide has no notes
        await Page.SetViewportSizeAsync(1920, 1080);
        await Page.GotoAsync(Deck + "?slide=1&presenter=1");
        await WaitForDeckAsync();
        var notes = Page.GetByTestId("presenter-notes");
        await Assertions.Expect(notes).ToContainTextAsync("No notes for this slide.");
        var elapsed = Page.GetByTestId("presenter-elapsed");
        await Assertions.Expect(elapsed).Not.ToHaveTextAsync("elapsed 00:00", new() { Timeout = 10_000 });
        var before = await FontSizeAsync();

        // Act
        await Page.GetByTestId("presenter-restart-timer").ClickAsync();
        await Page.GetByTestId("notes-larger").ClickAsync();
        await Page.GetByTestId("notes-larger").ClickAsync();

        // Assert: the timer starts again; the notes are larger; the notes fill the column under the next slide
        await Assertions.Expect(elapsed).ToHaveTextAsync(new Regex(@"^elapsed 00:0\d$"));
        Assert.True(await FontSizeAsync() >= before * 1.4, "two steps up should make the notes clearly larger");
        var box = await notes.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height >= 1080 - 40, $"the notes end at {box.Y + box.Height} px of 1080: the screen's lower part is unused");

        async Task<double> FontSizeAsync() => await notes.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
    }

    [Fact]
    public async Task PrintedDeck_HasOnePagePerSlideAndNoNotes()
    {
        // Arrange
        await Page.GotoAsync(Deck);
        await WaitForDeckAsync();
        var total = await TotalAsync();
        await Page.GotoAsync(Deck + "/print");
        await Assertions.Expect(Page.GetByTestId("slide")).ToHaveCountAsync(total);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(Page.Locator(".deck-print .main-svg").First).ToBeVisibleAsync();

        // Act
        var pdf = await Page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });

        // Assert
        Assert.Equal(total, PageCount(pdf));
        Assert.DoesNotContain("presenter-notes", await Page.ContentAsync(), StringComparison.Ordinal);
        AssertNoExternalRequests();
    }

    [Fact]
    public async Task PrintedDeck_NoSlideOverprintsItsFooterOrMarking()
    {
        // Arrange: the print page as printed (the long sources lists were the slides that ran into the footer)
        await Page.GotoAsync(Deck + "/print");
        await WaitForInteractivityAsync();
        await Assertions.Expect(Page.Locator(".deck-print .main-svg").First).ToBeVisibleAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Act: per slide, the lowest text or chart inside the body against the top of the footer, and the highest
        // against the bottom of the marking band
        var clashes = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.deck-print__page .slide')].flatMap(slide => {
                const body = slide.querySelector('.slide__body');
                const footer = slide.querySelector('.slide__footer').getBoundingClientRect();
                const marking = slide.querySelector('.slide__marking').getBoundingClientRect();
                const boxes = [...body.querySelectorAll('li, p, h2, .main-svg, td, th')].map(e => e.getBoundingClientRect()).filter(r => r.height > 0);
                const bottom = Math.max(...boxes.map(r => r.bottom));
                const top = Math.min(...boxes.map(r => r.top));
                const n = slide.dataset.slide;
                return [
                    ...(bottom > footer.top + 0.5 ? [`slide ${n}: content ends at ${bottom.toFixed(1)}, the footer starts at ${footer.top.toFixed(1)}`] : []),
                    ...(top < marking.bottom - 0.5 ? [`slide ${n}: content starts at ${top.toFixed(1)}, above the marking's end at ${marking.bottom.toFixed(1)}`] : []),
                ];
            })
            """);

        // Assert
        Assert.True(clashes.Length == 0, string.Join("\n", clashes));
    }

    [Fact]
    public async Task CtrlP_OnTheDeckPage_PrintsEverySlideOnePerPage()
    {
        // Arrange
        await Page.GotoAsync(Deck + "?slide=3");
        await WaitForDeckAsync();
        var total = await TotalAsync();

        // The browser's print dialog is counted, not opened (a headless browser would be busy printing)
        await Page.EvaluateAsync("() => { window.__prints = 0; window.print = () => { window.__prints++; }; }");

        // Act: Ctrl+P, as a presenter would, then what the browser prints
        await Page.Keyboard.PressAsync("Control+P");
        await Page.WaitForFunctionAsync("() => window.__prints === 1");
        await Page.WaitForFunctionAsync(AllChartsDrawn);
        var pdf = await Page.PdfAsync(new() { PreferCSSPageSize = true });

        // Assert: every slide, one per page, and the deck on screen still shows slide 3
        Assert.Equal(total, PageCount(pdf));
        await Assertions.Expect(Page.Locator("[data-testid=deck] [data-testid=slide-number]")).ToHaveTextAsync($"3 / {total}");
        Assert.Empty(ConsoleErrors);
    }

    /// <summary>
    /// On a 1920x1080 projector and on the printed page, nothing on any slide is cut off at the bottom: long
    /// tables and lists are shrunk to fit, charts take their height from the slide.
    /// </summary>
    [Fact]
    public async Task EverySlide_FitsItsStage_OnAProjectorAndOnThePrintedPage()
    {
        // Arrange
        await Page.SetViewportSizeAsync(1920, 1080);
        await Page.GotoAsync(Deck);
        await WaitForDeckAsync();
        var total = await TotalAsync();

        // Act + Assert: every slide in the audience view
        for (var slide = 1; slide <= total; slide++)
        {
            if (slide > 1)
            {
                await Page.Keyboard.PressAsync("ArrowRight");
                await Assertions.Expect(Page.GetByTestId("slide-number")).ToHaveTextAsync($"{slide} / {total}");
            }
            await Page.WaitForFunctionAsync(AllChartsDrawn);
            var cutOff = await Page.EvaluateAsync<string[]>(CutOffBlocks);
            Assert.Empty(cutOff);
        }

        // Act + Assert: every page of the print view, laid out at the printed size
        await Page.GotoAsync(Deck + "/print");
        await Assertions.Expect(Page.GetByTestId("slide")).ToHaveCountAsync(total);
        await Page.Locator("html[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Page.WaitForFunctionAsync(AllChartsDrawn);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        var cutOffInPrint = await Page.EvaluateAsync<string[]>(CutOffBlocks);
        Assert.Empty(cutOffInPrint);
    }

    private const string AllChartsDrawn =
        "() => [...document.querySelectorAll('.slide .chart-panel__plot')].every(p => p.querySelector('.main-svg') !== null)";

    /// <summary>"slide N: text" for every block (text, widget, chart) that reaches past the bottom of its slide's body.</summary>
    private const string CutOffBlocks = """
        () => [...document.querySelectorAll('.slide')].flatMap(slide => {
            const body = slide.querySelector('.slide__body');
            const limit = body.getBoundingClientRect().bottom - parseFloat(getComputedStyle(body).paddingBottom) + 1;
            const blocks = [...body.querySelectorAll(':scope > .slide__content > *, :scope > .slide-sources, .js-plotly-plot')];
            return blocks.filter(b => b.getBoundingClientRect().bottom > limit)
                .map(b => `slide ${slide.dataset.slide}: ${(b.textContent || b.className).trim().slice(0, 60)}`);
        })
        """;

    [Fact]
    public async Task BriefThisView_BuildsADeckForTheFilter()
    {
        // Arrange
        await Page.GotoAsync("/pledges?country=POL");
        await WaitForInteractivityAsync();

        // Act
        await Page.GetByTestId("brief-this-view").ClickAsync();

        // Assert
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/briefings/view\?country=POL$"));
        await Assertions.Expect(Page.Locator(".slide__deck-title")).ToContainTextAsync("Poland");
        await WaitForDeckAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Page.GetByTestId("slide-footer")).ToContainTextAsync("Filter: Poland");
    }

    private Task WaitForDeckAsync() => WaitForDeckAsync(Page);

    /// <summary>The slide is prerendered; the keys work once deck.js has set <c>html[data-deck-ready]</c>.</summary>
    private static async Task WaitForDeckAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("slide").First).ToBeVisibleAsync();
        await page.Locator("html[data-deck-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private async Task<int> TotalAsync()
    {
        var text = await Page.GetByTestId("slide-number").TextContentAsync() ?? "";
        return int.Parse(text.Split('/')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Counts the page objects of a PDF (each "/Type /Page" that is not "/Type /Pages").</summary>
    private static int PageCount(byte[] pdf) => PageObject().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PageObject();
}
