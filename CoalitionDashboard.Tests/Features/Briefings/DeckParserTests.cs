using CoalitionDashboard.Data;
using CoalitionDashboard.Features.Briefings;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Features.Map;

namespace CoalitionDashboard.Tests.Features.Briefings;

public sealed class DeckParserTests
{
    private const string Valid = """
        ---
        title: Paris summit
        subtitle: What was agreed
        date: 2026-01-07
        audience: Ministers
        author: Desk
        classification: UNCLASSIFIED – FOR BRIEFING USE
        filter: country=FRA,GBR
        ---
        ## The outcome
        - Declaration adopted
        {{kpis}}
        Note: Say that the US is not a signatory.
        Second line of notes.
        ---
        ## Forces
        {{map metric=status view=world}}
        {{chart pledges-by-category}}
        ---
        ## Countries
        {{country fra}}
        {{pledges category=ground-forces status=declined country=POL,ITA limit=3}}
        {{timeline from=2025-03-01 to=2026-02-28 kind=summit limit=4}}
        {{quotes topic=territory country=UKR limit=2}}
        {{open-issues limit=5}}
        """;

    [Fact]
    public void Parse_ValidDeck_ReadsFrontMatterSlidesWidgetsAndNotes()
    {
        var deck = DeckParser.Parse("paris", "paris.md", Valid);

        Assert.Empty(deck.Problems);
        Assert.Equal("Paris summit", deck.Meta.Title);
        Assert.Equal(new DateOnly(2026, 1, 7), deck.Meta.Date);
        Assert.Equal("UNCLASSIFIED – FOR BRIEFING USE", deck.Meta.Classification);
        Assert.Equal("country=FRA,GBR", deck.Meta.Filter);
        Assert.Equal(3, deck.Slides.Count);
        Assert.Equal("The outcome", deck.Slides[0].Title);
        Assert.Equal("Say that the US is not a signatory.\nSecond line of notes.", deck.Slides[0].Notes);
        Assert.IsType<KpisWidget>(Assert.Single(deck.Slides[0].Blocks.OfType<WidgetBlock>()).Widget);
        Assert.DoesNotContain(deck.Slides[0].Blocks.OfType<MarkdownBlock>(), b => b.Markdown.Contains("signatory", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EveryWidgetAndOption_IsTyped()
    {
        var deck = DeckParser.Parse("paris", "paris.md", Valid);
        var widgets = deck.Slides.SelectMany(s => s.Blocks).OfType<WidgetBlock>().Select(b => b.Widget).ToList();

        Assert.Contains(new MapWidget(MapMetric.Status, null, MapView.World), widgets);
        Assert.Contains(new ChartWidget(ChartKind.PledgesByCategory), widgets);
        Assert.Contains(new CountryWidget("FRA"), widgets);
        var pledges = Assert.Single(widgets.OfType<PledgesWidget>());
        Assert.Equal((PledgeCategory.GroundForces, PledgeStatus.Declined, 3), (pledges.Category!.Value, pledges.Status!.Value, pledges.Limit));
        Assert.Equal(["POL", "ITA"], pledges.Countries);
        Assert.Contains(new TimelineWidget(new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28), EventKind.Summit, 4), widgets);
        Assert.Contains(new QuotesWidget("territory", "UKR", 2), widgets);
        Assert.Contains(new OpenIssuesWidget(5), widgets);
    }

    [Theory]
    [InlineData("{{graph pledges}}", "unknown widget")]
    [InlineData("{{map metric=height}}", "metric='height' is not one of")]
    [InlineData("{{map metric=category}}", "metric=category needs category=")]
    [InlineData("{{map colour=red}}", "unknown option 'colour'")]
    [InlineData("{{chart}}", "needs a chart name")]
    [InlineData("{{chart pie}}", "'pie' is not a valid chart name")]
    [InlineData("{{country France}}", "'France' is not a valid country code")]
    [InlineData("{{pledges status=maybe}}", "status='maybe' is not one of")]
    [InlineData("{{timeline from=yesterday}}", "from='yesterday' is not a date")]
    [InlineData("{{quotes limit=500}}", "limit='500' is not a number from 1 to 50")]
    [InlineData("{{kpis extra}}", "unexpected value 'extra'")]
    [InlineData("{{map metric=forces", "malformed widget")]
    [InlineData("{{<script>alert(1)</script>}}", "malformed widget")]
    public void Parse_BadWidget_BecomesAVisibleErrorOnItsLine(string widget, string expected)
    {
        var deck = DeckParser.Parse("d", "d.md", $"---\ntitle: T\nclassification: U\n---\n## Slide\n{widget}\n");

        var error = Assert.Single(deck.Slides[0].Blocks.OfType<ErrorBlock>());
        Assert.Equal(6, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(deck.Problems, p => p.Line == 6 && p.Message == error.Message);
    }

    [Theory]
    [InlineData("## No front matter\ntext", 1, "must start with a front matter block")]
    [InlineData("---\ntitle: T\nclassification: U\n## Slide", 1, "not closed")]
    [InlineData("---\ntitle: T\nclassification: U\ncolour: red\n---\n## S", 4, "unknown front matter key 'colour'")]
    [InlineData("---\ntitle: T\nclassification: U\ndate: 7 Jan\n---\n## S", 4, "is not YYYY-MM-DD")]
    [InlineData("---\ntitle: T\n---\n## S", 1, "no classification")]
    [InlineData("---\nclassification: U\n---\n## S", 1, "no title")]
    [InlineData("---\ntitle: T\nclassification: U\njust words\n---\n## S", 4, "is not 'key: value'")]
    public void Parse_BrokenFrontMatter_IsReportedWithItsLine(string text, int line, string expected)
    {
        var deck = DeckParser.Parse("d", "d.md", text);

        Assert.Contains(deck.Problems, p => p.Line == line && p.Message.Contains(expected, StringComparison.Ordinal));
        Assert.NotNull(deck.Meta.Classification);
    }

    [Fact]
    public void Parse_SeparatorsAndBlankSlides_AreHandled()
    {
        var deck = DeckParser.Parse("d", "d.md", "---\ntitle: T\nclassification: U\n---\n## One\n---\n\n---\n## Two\nText with --- inside\n");

        Assert.Empty(deck.Problems);
        Assert.Equal(["One", "Two"], deck.Slides.Select(s => s.Title));
    }

    [Fact]
    public void SourceRanges_CompressesConsecutiveNumbers()
    {
        Assert.Equal("1–4, 7, 9–10", SlideStage.SourceRanges([1, 2, 3, 4, 7, 9, 10]));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Parse_AnyLineEnding_ReportsProblemsAtTheirLines(string lineEnding)
    {
        var text = string.Join(lineEnding, "---", "title: T", "classification: U", "date: 7 Jan", "---", "## Slide", "{{chart pie}}", "Note: notes");

        var deck = DeckParser.Parse("d", "d.md", text);

        Assert.Equal([4, 7], deck.Problems.Select(p => p.Line).Order());
        Assert.Equal("Slide", Assert.Single(deck.Slides).Title);
        Assert.Equal("notes", deck.Slides[0].Notes);
    }

    [Fact]
    public void Parse_WidgetWithSeveralBadOptions_ReportsEveryOne()
    {
        var deck = DeckParser.Parse("d", "d.md", "---\ntitle: T\nclassification: U\n---\n## Slide\n{{pledges status=maybe limit=500 colour=red country=FRA,France}}\n{{map metric=height view=mars}}\n");

        var messages = deck.Problems.Select(p => (p.Line, p.Message)).ToList();
        Assert.Equal(6, messages.Count);
        Assert.Contains(messages, m => m.Line == 6 && m.Message.Contains("status='maybe' is not one of", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 6 && m.Message.Contains("limit='500' is not a number", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 6 && m.Message.Contains("unknown option 'colour'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 6 && m.Message.Contains("country='FRANCE' is not an ISO 3166-1 alpha-3 code", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 7 && m.Message.Contains("metric='height'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Line == 7 && m.Message.Contains("view='mars'", StringComparison.Ordinal));
        // Each slide still shows one error block per broken widget, naming all that is wrong with it.
        var errors = deck.Slides[0].Blocks.OfType<ErrorBlock>().ToList();
        Assert.Equal([6, 7], errors.Select(e => e.Line));
        Assert.Contains("colour", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("limit", errors[0].Message, StringComparison.Ordinal);
    }
}
