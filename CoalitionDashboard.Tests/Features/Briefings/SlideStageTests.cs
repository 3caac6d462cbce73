using Bunit;
using CoalitionDashboard.Features.Briefings;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Features.Briefings;

public sealed class SlideStageTests : DashboardTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private const string Text = """
        ---
        title: Test deck
        classification: UNCLASSIFIED – FOR BRIEFING USE
        ---
        ## Who pledged what
        - **Bold** point <script>alert(1)</script>
        {{pledges status=declined limit=2}}
        {{chart pie}}
        Note: Secret briefer notes.
        """;

    [Fact]
    public async Task Render_ContentSlide_ShowsMarkingWidgetsErrorsFooterAndNoNotes()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: Ct);
        UseDatabase(database);
        var filter = await FilterFor(database, "");
        var deck = DeckParser.Parse("test", "test.md", Text);
        var view = await new DeckBuilder(database.Get<CoalitionDashboard.ReadModel.DashboardQueries>()).BuildAsync(deck, filter);

        // Act
        var slide = Render<SlideStage>(p => p
            .Add(s => s.Slide, view.At(2)).Add(s => s.Deck, deck).Add(s => s.Filter, filter).Add(s => s.Total, view.Count));

        // Assert
        Assert.Equal(2, slide.FindAll("[data-testid=slide-marking], .slide__marking").Count);
        Assert.Equal("Who pledged what", slide.Find(".slide__title").TextContent);
        Assert.Equal(2, slide.FindAll("[data-testid=widget-pledges] tbody tr").Count);
        Assert.Contains("more in the dashboard", slide.Markup, StringComparison.Ordinal);
        Assert.Contains("'pie' is not a valid chart name", slide.Find("[data-testid=slide-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", slide.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret briefer notes", slide.Markup, StringComparison.Ordinal);
        Assert.Matches(@"^Sources: \d", slide.Find("[data-testid=slide-source-numbers]").TextContent);
        Assert.Equal($"2 / {view.Count}", slide.Find("[data-testid=slide-number]").TextContent.Trim());
        Assert.Equal("Secret briefer notes.", view.At(2).Notes);
    }

    [Fact]
    public async Task Build_SourcesSlides_ListEveryNumberedSourceOnce()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: Ct);
        var filter = await FilterFor(database, "");
        var deck = DeckParser.Parse("test", "test.md", Text);

        // Act
        var view = await new DeckBuilder(database.Get<CoalitionDashboard.ReadModel.DashboardQueries>()).BuildAsync(deck, filter);

        // Assert
        var listed = view.Slides.Where(s => s.Kind == SlideKind.Sources).SelectMany(s => s.SourceList).Select(x => x.Number).ToList();
        var cited = view.Slides.SelectMany(s => s.SourceNumbers).Distinct().Order().ToList();
        Assert.Equal(cited, listed);
        Assert.Equal(Enumerable.Range(1, listed.Count), listed);
    }
}
