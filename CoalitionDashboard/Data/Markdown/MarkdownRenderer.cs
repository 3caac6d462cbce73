using System.Net;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoalitionDashboard.Data.Markdown;

/// <summary>
/// The app's one Markdown pipeline: raw HTML is disabled (shown as text), links are limited to http, https,
/// mailto and this site's own paths (any other link is shown as its plain text), and images are turned into
/// links so curated text never makes the browser fetch anything from another host. Text too deeply nested or
/// too long to render is shown escaped, as written, with a notice: rendering never throws into a page. The
/// <c>validate</c> verb and the importer render every Markdown field with <see cref="TryRender"/>, with the same
/// limits, so such text is refused with its file and line before it reaches a page.
/// </summary>
public sealed partial class MarkdownRenderer
{
    /// <summary>How deeply quotes, lists and emphasis may nest (Markdig's own default is 128; curated text needs a few).</summary>
    public const int MaxNestingDepth = 32;

    /// <summary>The longest text rendered, in characters (a whole deck is under 20,000).</summary>
    public const int MaxInputLength = 200_000;

    /// <summary>Shown above the escaped text when it could not be rendered.</summary>
    public const string NotRenderedNotice = "This text could not be formatted; it is shown as written.";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = MaxNestingDepth }
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private readonly ILogger? _logger;

    public MarkdownRenderer()
    {
    }

    public MarkdownRenderer(ILogger<MarkdownRenderer> logger) => _logger = logger;

    /// <summary>The HTML for <paramref name="markdown"/>; never throws (see <see cref="NotRenderedNotice"/>).</summary>
    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        if (TryRender(markdown, out var html, out var error))
        {
            return html;
        }
        if (_logger is not null)
        {
            LogNotRendered(_logger, error, markdown.Length);
        }
        var shown = markdown.Length <= MaxInputLength ? markdown : markdown[..MaxInputLength] + "…";
        return $"<p class=\"markdown-fallback\"><em>{NotRenderedNotice}</em></p><pre class=\"markdown-fallback__text\">{WebUtility.HtmlEncode(shown)}</pre>";
    }

    /// <summary>Renders with the app's policy and limits; false, with what is wrong (to follow a field's name), when it cannot.</summary>
    public bool TryRender(string markdown, out string html, out string error)
    {
        html = "";
        error = "";
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return true;
        }
        if (markdown.Length > MaxInputLength)
        {
            error = $"is too long to render as Markdown ({markdown.Length:N0} characters; at most {MaxInputLength:N0})";
            return false;
        }
        try
        {
            html = Render(markdown);
            return true;
        }
        catch (Exception ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            error = $"is too deeply nested to render as Markdown (more than {MaxNestingDepth} levels of quotes, lists or emphasis)";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = $"could not be rendered as Markdown ({ex.GetType().Name}: {ex.Message})";
        }
        return false;
    }

    private string Render(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            link.IsImage = false;
            if (!IsAllowed(link.Url))
            {
                // Its text, without the link: an empty href would lead to the overview.
                Unwrap(link);
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

    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
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

    [LoggerMessage(EventId = 150, Level = LogLevel.Warning, Message = "Markdown text of {Length} characters shown unformatted: it {Error}")]
    private static partial void LogNotRendered(ILogger logger, string error, int length);
}
