using CoalitionDashboard.ReadModel;

namespace CoalitionDashboard.Tests.ReadModel;

public sealed class DashboardUrlsTests
{
    [Fact]
    public void RecordLinks_KeepTheFilter_AndEscapeIdsAndFragments()
    {
        Assert.Equal("countries/FRA?country=FRA", DashboardUrls.Country("FRA", "?country=FRA"));
        Assert.Equal("organisations/nato%2Feu", DashboardUrls.Organisation("nato/eu"));
        Assert.Equal("timeline?bloc=eu#e%201", DashboardUrls.Timeline("?bloc=eu", "e 1"));
        Assert.Equal("countries#organisations", DashboardUrls.Countries(fragment: "organisations"));
    }

    [Fact]
    public void Presenter_AddsTheFilterAfterTheDecksOwnParameters()
    {
        Assert.Equal("briefings/paris?slide=3&presenter=1", DashboardUrls.Presenter("paris", 3));
        Assert.Equal("briefings/paris?slide=3&presenter=1&country=FRA", DashboardUrls.Presenter("paris", 3, "?country=FRA"));
    }

    [Fact]
    public void ChartPointTemplate_IsACountryLinkWithAPlaceholder()
    {
        Assert.Equal(DashboardUrls.Country("{key}"), DashboardUrls.CountryTemplate.Replace("{key}", "%7Bkey%7D", StringComparison.Ordinal));
    }
}
