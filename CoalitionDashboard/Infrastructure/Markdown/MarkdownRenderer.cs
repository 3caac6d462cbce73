using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoalitionDashboard.Infrastructure.Markdown;

/// <summary>
/// The app's one Markdown pipeline: raw HTML is disabled (shown as text), links are limited to http, https,
/// mailto and this site's own paths, and images are turned into links so curated text never makes the
/// browser fetch anything from another host.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsAllowed(link.Url))
            {
                link.Url = "";
                continue;
            }
            if (IsAbsolute(link.Url))
            {
                var attributes = link.GetAttributes();
                attributes.AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
                attributes.AddPropertyIfNotExist("target", "_blank");
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !IsAllowed(a.Url)).ToList())
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
        return Markdig.Markdown.ToHtml(document, _pipeline);
    }

    internal static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith("/\\", StringComparison.Ordinal))
        {
            return true;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }

    private static bool IsAbsolute(string? url) => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
