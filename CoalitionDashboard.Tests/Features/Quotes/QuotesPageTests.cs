using Bunit;
using CoalitionDashboard.Features.Quotes;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Features.Quotes;

/// <summary>/quotes: every quote under the global filter, narrowed by the page's own topic and speaker in the URL.</summary>
public sealed class QuotesPageTests(ImportedDatabase data) : DashboardTestContext, IClassFixture<ImportedDatabase>
{
    private async Task<IRenderedComponent<QuotesPage>> RenderAtAsync(string uri)
    {
        UseDatabase(data.Database);
        var filter = await FilterFor(data.Database, new Uri(new Uri("http://localhost/"), uri).Query);
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        var page = Render<QuotesPage>(p => p.AddCascadingValue(filter));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=quote-summary]")));
        return page;
    }

    private static List<string> Topics(IRenderedComponent<QuotesPage> page) =>
        page.FindAll("[data-testid=quote] a.tag").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task NoFilter_ListsEveryQuote_WithSpeakerDateKindAndGradedSources()
    {
        // Act
        var page = await RenderAtAsync("quotes");

        // Assert
        var quotes = page.FindAll("[data-testid=quote]");
        Assert.Equal(Curated.Quotes, quotes.Count);
        Assert.Equal($"{Curated.Quotes} quotes.", page.Find("[data-testid=quote-summary]").TextContent);
        Assert.All(quotes, q => Assert.NotNull(q.QuerySelector("[data-testid=sources] a.reliability")));
        Assert.Contains(quotes, q => q.TextContent.Contains("partial quote or paraphrase", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.TextContent.Contains("translated", StringComparison.Ordinal));
        // The EU's quote links to the organisation's profile.
        Assert.Contains(page.FindAll("[data-testid=quote] a"), a => a.GetAttribute("href") == "organisations/EU" && a.TextContent == "European Union");
        Assert.Empty(page.FindAll("[data-testid=quote-filter-error]"));
    }

    [Fact]
    public async Task TopicTroops_ListsOnlyTroopQuotes_AndTheLinksKeepTheView()
    {
        // Act
        var page = await RenderAtAsync("quotes?topic=troops");

        // Assert
        var topics = Topics(page);
        Assert.NotEmpty(topics);
        Assert.All(topics, t => Assert.Equal("troops", t));
        Assert.Equal($"{topics.Count} of {Curated.Quotes} quotes: topic troops.", page.Find("[data-testid=quote-summary]").TextContent);
        var chosen = page.Find("[data-testid=quote-topic] option[selected]");
        Assert.Equal("troops", chosen.TextContent);
        Assert.Equal("quotes?topic=troops", chosen.GetAttribute("value"));
        Assert.All(page.FindAll("[data-testid=quote] a.tag"), a => Assert.Equal("quotes?topic=troops", a.GetAttribute("href")));
    }

    [Fact]
    public async Task UnknownTopic_IsReportedAndIgnored_AndNoScriptIsRendered()
    {
        // Act
        var page = await RenderAtAsync("quotes?topic=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        // Assert
        var error = page.Find("[data-testid=quote-filter-error]");
        Assert.StartsWith("Unknown topic '<script>alert(1)</script", error.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("script"));
        Assert.DoesNotContain("<script>", page.Markup, StringComparison.Ordinal);
        Assert.Equal(Curated.Quotes, page.FindAll("[data-testid=quote]").Count);
    }

    [Fact]
    public async Task SpeakerAndGlobalCountryFilter_NarrowTogether()
    {
        // Act
        var page = await RenderAtAsync("quotes?country=GBR&speaker=keir%20starmer");

        // Assert
        var quotes = page.FindAll("[data-testid=quote]");
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Contains("Keir Starmer", q.TextContent, StringComparison.Ordinal));
        Assert.Contains("under the filters: said by Keir Starmer.", page.Find("[data-testid=quote-summary]").TextContent, StringComparison.Ordinal);
        // The speaker's link keeps the global filter.
        Assert.Contains(page.FindAll("[data-testid=quote] a"), a => a.GetAttribute("href") == "quotes?country=GBR&speaker=Keir%20Starmer");
    }

    [Fact]
    public async Task UnknownSpeaker_IsReportedAndIgnored()
    {
        // Act
        var page = await RenderAtAsync("quotes?speaker=Nobody&topic=territory");

        // Assert
        Assert.Equal("Unknown speaker 'Nobody' was ignored.", page.Find("[data-testid=quote-filter-error]").TextContent);
        Assert.All(Topics(page), t => Assert.Equal("territory", t));
    }

    [Fact]
    public void Link_CombinesTheGlobalFilterWithTheTopicAndSpeaker() =>
        Assert.Equal("quotes?country=FRA&topic=us-backstop&speaker=Emmanuel%20Macron", QuotesPage.Link("country=FRA", "us-backstop", "Emmanuel Macron"));
}
