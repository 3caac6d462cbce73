using Bunit;
using CoalitionDashboard.Features.Countries;
using CoalitionDashboard.Features.Organisations;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Features.Organisations;

/// <summary>The EU and NATO delegations have a profile of their own, and the countries page lists and finds them.</summary>
public sealed class OrganisationPagesTests(ImportedDatabase data) : DashboardTestContext, IClassFixture<ImportedDatabase>
{
    [Theory]
    [InlineData("EU", "European Union", new[] { "Ursula von der Leyen", "António Costa", "Kaja Kallas" })]
    [InlineData("NATO", "North Atlantic Treaty Organization", new[] { "Mark Rutte", "Alexus Grynkewich" })]
    [InlineData("nato", "North Atlantic Treaty Organization", new[] { "Mark Rutte", "Alexus Grynkewich" })]
    public async Task Profile_ShowsTheDelegation(string id, string name, string[] representatives)
    {
        // Arrange
        UseDatabase(data.Database);
        var filter = await FilterFor(data.Database, "");

        // Act
        var page = Render<OrganisationProfilePage>(p => p.Add(c => c.Id, id).AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Equal(name, page.Find("[data-testid=organisation-name]").TextContent));
        Assert.Equal(representatives, page.FindAll("[data-testid=representative] strong").Select(s => s.TextContent));
        Assert.Contains("Took part in the Paris summit", page.Find("[data-testid=organisation-attended]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.Find("[data-testid=organisation-notes]").TextContent.Trim());
        Assert.Contains(page.FindAll("[data-testid=organisation-events] li"), li => li.TextContent.Contains("Paris summit of the Coalition", StringComparison.Ordinal));
        Assert.NotEmpty(page.FindAll("[data-testid=sources] a.reliability"));
    }

    [Fact]
    public async Task Profile_Eu_ShowsItsPledgeWithStatusAndSources_AndCostasQuote()
    {
        // Arrange
        UseDatabase(data.Database);
        var filter = await FilterFor(data.Database, "");

        // Act
        var page = Render<OrganisationProfilePage>(p => p.Add(c => c.Id, "EU").AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=pledge-card]")));
        var pledge = page.Find("[data-testid=pledge-card]");
        Assert.Contains("binding guarantees", pledge.TextContent, StringComparison.Ordinal);
        Assert.Equal("Announced", pledge.QuerySelector(".status-chip")!.TextContent);
        Assert.NotNull(pledge.QuerySelector("[data-testid=sources] a.reliability"));
        Assert.Contains("António Costa", page.Find("[data-testid=quote]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_G7_SaysItDidNotTakePart()
    {
        // Arrange
        UseDatabase(data.Database);
        var filter = await FilterFor(data.Database, "");

        // Act
        var page = Render<OrganisationProfilePage>(p => p.Add(c => c.Id, "G7").AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Equal("Group of Seven", page.Find("[data-testid=organisation-name]").TextContent));
        Assert.Contains("Did not take part", page.Find("[data-testid=organisation-attended]").TextContent, StringComparison.Ordinal);
        Assert.Contains("this organisation did not take part", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountriesPage_ListsTheOrganisations_WithLinksThatKeepTheFilter()
    {
        // Arrange
        UseDatabase(data.Database);
        var filter = await FilterFor(data.Database, "?country=FRA");

        // Act
        var page = Render<CountriesPage>(p => p.AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=organisation]").Count));
        Assert.Equal(["organisations/EU?country=FRA", "organisations/NATO?country=FRA", "organisations/G7?country=FRA"],
            page.FindAll("[data-testid=organisation] a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("NATO", "NATO")]
    [InlineData("rutte", "NATO")]
    [InlineData("European", "EU")]
    [InlineData("g7", "G7")]
    public async Task CountriesPage_Search_FindsTheOrganisationToo(string search, string expected)
    {
        // Arrange
        UseDatabase(data.Database);
        var filter = await FilterFor(data.Database, "");
        var page = Render<CountriesPage>(p => p.AddCascadingValue(filter));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=organisation]").Count));

        // Act
        page.Find("input[aria-label='Search countries or people']").Input(search);

        // Assert
        page.WaitForAssertion(() => Assert.Equal([$"organisations/{expected}"], page.FindAll("[data-testid=organisation] a").Select(a => a.GetAttribute("href"))));
    }

    [Fact]
    public async Task CountriesPage_SearchForACountry_SaysNoOrganisationMatches()
    {
        // Arrange
        UseDatabase(data.Database);
        var filter = await FilterFor(data.Database, "");
        var page = Render<CountriesPage>(p => p.AddCascadingValue(filter));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=organisation]").Count));

        // Act
        page.Find("input[aria-label='Search countries or people']").Input("Belgium");

        // Assert
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=organisation]")));
        Assert.Contains("No organisation matches “Belgium”", page.Find("[data-testid=organisation-list]").TextContent, StringComparison.Ordinal);
    }
}
