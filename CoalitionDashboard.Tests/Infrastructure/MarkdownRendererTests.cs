using CoalitionDashboard.Infrastructure.Markdown;

namespace CoalitionDashboard.Tests.Infrastructure;

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
}
