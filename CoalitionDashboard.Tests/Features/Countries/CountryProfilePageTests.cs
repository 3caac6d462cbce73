using Bunit;
using CoalitionDashboard.Features.Countries;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Features.Countries;

/// <summary>A country's timeline on its profile is the timeline filtered to that country.</summary>
public sealed class CountryProfilePageTests(ImportedDatabase data) : DashboardTestContext, IClassFixture<ImportedDatabase>
{
    [Fact]
    public async Task Render_Member_ListsTheCoalitionWideParisSummit_AndCountsWhatTheTimelineShows()
    {
        // Arrange
        UseDatabase(data.Database);
        var filter = await FilterFor(data.Database, "");
        var timeline = await data.Database.Get<DashboardQueries>().Events.GetEventsAsync(
            (await FilterFor(data.Database, "?country=BEL")).Filter, coalitionInScope: true, Xunit.TestContext.Current.CancellationToken);

        // Act
        var page = Render<CountryProfilePage>(p => p.Add(c => c.Iso3, "BEL").AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Equal("Belgium", page.Find("[data-testid=country-name]").TextContent));
        var events = page.FindAll(".event-list li").Select(li => li.TextContent).ToList();
        Assert.Contains(events, e => e.Contains("6 Jan 2026", StringComparison.Ordinal) && e.Contains("Paris summit", StringComparison.Ordinal));
        Assert.Equal(timeline.Count, events.Count);
        Assert.Equal($"Timeline events involving Belgium ({timeline.Count})", page.Find("[data-testid=country-events-title]").TextContent);
        Assert.DoesNotContain("None recorded", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NonMember_DoesNotListCoalitionWideEvents()
    {
        // Arrange
        UseDatabase(data.Database);
        var filter = await FilterFor(data.Database, "");

        // Act
        var page = Render<CountryProfilePage>(p => p.Add(c => c.Iso3, "RUS").AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Equal("Russia", page.Find("[data-testid=country-name]").TextContent));
        Assert.DoesNotContain(page.FindAll(".event-list li"), li => li.TextContent.Contains("Paris summit of the Coalition", StringComparison.Ordinal));
    }
}
