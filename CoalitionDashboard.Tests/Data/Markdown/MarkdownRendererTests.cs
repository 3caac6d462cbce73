using CoalitionDashboard.Data.Markdown;

namespace CoalitionDashboard.Tests.Data.Markdown;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void ToHtml_RawHtml_IsEscapedNotRendered()
    {
        var html = _renderer.ToHtml("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JAVASCRIPT:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](//evil.example/x)")]
    [InlineData("[click](vbscript:msgbox)")]
    public void ToHtml_UnsafeLink_HasNoHref(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ExternalLink_OpensSafelyInNewTab()
    {
        var html = _renderer.ToHtml("[Élysée](https://www.elysee.fr/)");

        Assert.Contains("href=\"https://www.elysee.fr/\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Image_BecomesALinkSoNothingIsFetched()
    {
        var html = _renderer.ToHtml("![tracker](https://evil.example/pixel.png)");

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_MailtoAndSiteLinks_AreKept()
    {
        var html = _renderer.ToHtml("[mail](mailto:desk@example.org) and [France](/countries/FRA)");

        Assert.Contains("href=\"mailto:desk@example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/countries/FRA\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](//evil.example/x)")]
    [InlineData("![click](javascript:alert(1))")]
    public void ToHtml_UnsafeLink_IsPlainTextNotALinkToTheOverview(string markdown)
    {
        var html = _renderer.ToHtml("See " + markdown + " here.");

        // An <a href=""> would take the reader to the overview: the text stays, the link goes.
        Assert.DoesNotContain("<a", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("See click here.", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> DeeplyNested => new()
    {
        { "quote markers", new string('>', 100_000) + " deep" },
        { "nested lists", string.Concat(Enumerable.Repeat("- ", 1_000)) + "deep" },
        { "emphasis markers", new string('*', 15_000) + "deep" + new string('*', 15_000) },
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void ToHtml_TooDeeplyNested_ShowsTheTextInsteadOfThrowing(string kind, string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.Contains(MarkdownRenderer.NotRenderedNotice, html, StringComparison.Ordinal);
        Assert.Contains("deep", html, StringComparison.Ordinal);
        Assert.False(_renderer.TryRender(markdown, out _, out var error), kind);
        Assert.Contains("too deeply nested", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_TooLong_ShowsTheTextInsteadOfRenderingIt()
    {
        var markdown = "word " + new string('x', MarkdownRenderer.MaxInputLength);

        var html = _renderer.ToHtml(markdown);

        Assert.Contains(MarkdownRenderer.NotRenderedNotice, html, StringComparison.Ordinal);
        Assert.False(_renderer.TryRender(markdown, out _, out var error));
        Assert.Contains("too long", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_FallbackText_IsEscaped()
    {
        var html = _renderer.ToHtml(new string('>', 10_000) + " <script>alert(1)</script>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRender_OrdinaryNesting_Succeeds()
    {
        var markdown = "> quoted\n> > twice\n\n- a\n  - b\n    - c\n\n***bold italic***";

        Assert.True(_renderer.TryRender(markdown, out var html, out var error), error);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Equal(html, _renderer.ToHtml(markdown));
    }
}
