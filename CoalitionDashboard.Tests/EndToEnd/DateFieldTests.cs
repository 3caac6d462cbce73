using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>
/// Days are typed and shown as ISO dates (2026-01-06) whatever the browser's language: a US-English browser's native date
/// input would show 01/06/2026, which a European reader takes for 1 June. A day that is not one is refused where it was
/// typed, and the view stays as it was.
/// </summary>
public sealed partial class DateFieldTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task AsOfField_ShowsAndTakesIsoDays()
    {
        // Arrange
        await Page.GotoAsync("/map?asof=2026-02-13");
        await WaitForInteractivityAsync();
        var field = Page.GetByTestId("asof-input");
        await Assertions.Expect(field).ToHaveValueAsync("2026-02-13");
        await Assertions.Expect(field).ToHaveAttributeAsync("type", "text");

        // Act
        await field.FillAsync("2026-01-06");
        await field.PressAsync("Enter");

        // Assert
        await Assertions.Expect(Page).ToHaveURLAsync(AsOfJanuarySixth());
        await Assertions.Expect(Page.GetByTestId("asof-milestone")).ToContainTextAsync("6 Jan 2026");
        await Assertions.Expect(Page.GetByTestId("asof-input")).ToHaveValueAsync("2026-01-06");
    }

    [Fact]
    public async Task AsOfCalendar_TheDayPicked_GoesIntoTheFieldAndDrawsTheView()
    {
        // Arrange
        await Page.GotoAsync("/map?asof=2026-02-13");
        await WaitForInteractivityAsync();

        // Act: the calendar button opens the browser's date picker on the typed day; the picker's choice (a headless
        // browser draws no picker, so the choice is made on its input) lands in the typed field
        await Page.GetByTestId("asof-calendar").ClickAsync();
        var picker = Page.Locator("input.date-proxy");
        await Assertions.Expect(picker).ToHaveValueAsync("2026-02-13");
        await picker.EvaluateAsync("e => { e.value = '2026-01-06'; e.dispatchEvent(new Event('change', { bubbles: true })); }");

        // Assert
        await Assertions.Expect(Page).ToHaveURLAsync(AsOfJanuarySixth());
        await Assertions.Expect(Page.GetByTestId("asof-input")).ToHaveValueAsync("2026-01-06");
    }

    [Theory]
    [InlineData("01/06/2026")]
    [InlineData("2026-02-30")]
    [InlineData("1999-01-01")]
    public async Task AsOfField_NotADayOnRecord_IsRefusedWithTheReason_AndNothingChanges(string typed)
    {
        // Arrange
        await Page.GotoAsync("/map?asof=2026-02-13");
        await WaitForInteractivityAsync();
        var field = Page.GetByTestId("asof-input");

        // Act
        await field.FillAsync(typed);
        await field.PressAsync("Enter");

        // Assert
        var message = await field.EvaluateAsync<string>("e => e.validationMessage");
        Assert.False(string.IsNullOrWhiteSpace(message), $"\"{typed}\" was taken without a word");
        Assert.EndsWith("/map?asof=2026-02-13", Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(Page.GetByTestId("asof-milestone")).ToContainTextAsync("13 Feb 2026");
    }

    [Fact]
    public async Task FilterPanelDates_ShowAndTakeIsoDays()
    {
        // Arrange
        await Page.GotoAsync("/pledges?from=2026-01-01");
        await WaitForInteractivityAsync();
        await Page.GetByTestId("filter-toggle").ClickAsync();
        var from = Page.GetByRole(AriaRole.Textbox, new() { Name = "From", Exact = true });
        var to = Page.GetByRole(AriaRole.Textbox, new() { Name = "To", Exact = true });
        await Assertions.Expect(from).ToHaveValueAsync("2026-01-01");

        // Act: a day that is not one first, then a real one
        await to.FillAsync("31/01/2026");
        await to.PressAsync("Enter");
        await Assertions.Expect(Page.GetByText("\"31/01/2026\" is not a day")).ToBeVisibleAsync();
        Assert.EndsWith("/pledges?from=2026-01-01", Page.Url, StringComparison.Ordinal);
        await to.FillAsync("2026-01-31");
        await to.PressAsync("Enter");

        // Assert
        await Assertions.Expect(Page).ToHaveURLAsync(FromAndTo());
        await Assertions.Expect(Page.GetByTestId("chip-dates")).ToContainTextAsync("1 Jan 2026 to 31 Jan 2026");
    }

    [GeneratedRegex(@"/map\?asof=2026-01-06$")]
    private static partial Regex AsOfJanuarySixth();

    [GeneratedRegex(@"/pledges\?from=2026-01-01&to=2026-01-31$")]
    private static partial Regex FromAndTo();
}
