using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Features.Map;
using CoalitionDashboard.Data.Markdown;

namespace CoalitionDashboard.Features.Briefings;

/// <summary>
/// Parses a deck: a front matter block (<c>key: value</c> lines between two <c>---</c> lines), then slides
/// separated by <c>---</c> lines, each Markdown with optional <c>{{widget}}</c> lines and a <c>Note:</c> line
/// after which the text is speaker notes. Lines end at <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>. Every problem is
/// kept with its line (every bad option of every widget; Markdown the page could not render, rendered here with the
/// app's renderer and its limits; bytes that are not UTF-8; control characters); nothing throws.
/// </summary>
public static partial class DeckParser
{
    public const string DefaultClassification = "UNMARKED – NO HANDLING MARKING GIVEN";

    private static readonly HashSet<string> s_frontMatterKeys = ["title", "subtitle", "date", "audience", "author", "classification", "filter"];

    private static readonly MarkdownRenderer s_markdown = new();

    /// <summary>Reads and parses a deck file; see <see cref="Parse"/>.</summary>
    public static Deck Load(string slug, string filePath, Func<string, IEnumerable<string>>? checkFilter = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(filePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Deck(slug, filePath, new DeckMeta("Untitled deck", null, null, null, null, DefaultClassification, null), [],
                [new DeckProblem(0, "the file could not be read: " + ex.Message)]);
        }
        var body = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes.AsSpan();
        var invalid = TextChecks.FirstInvalidUtf8(body);
        // A byte that is not UTF-8 is shown as \uFFFD on the slide and reported at its line.
        var deck = Parse(slug, filePath, Encoding.UTF8.GetString(body), checkFilter);
        return invalid < 0 ? deck : deck with
        {
            Problems = [new DeckProblem(TextChecks.LineAt(body, invalid), $"not valid UTF-8 (byte 0x{body[invalid]:X2}); save the deck as UTF-8"), .. deck.Problems],
        };
    }

    /// <param name="checkFilter">What is wrong with the front matter's <c>filter:</c> value (the validator knows the data); reported at its line.</param>
    public static Deck Parse(string slug, string filePath, string text, Func<string, IEnumerable<string>>? checkFilter = null)
    {
        var problems = new List<DeckProblem>();
        var lines = TextChecks.SplitLines(text);
        for (var i = 0; i < lines.Length; i++)
        {
            var control = TextChecks.FirstControl(lines[i]);
            if (control >= 0)
            {
                problems.Add(new DeckProblem(i + 1, $"the line contains the control character {TextChecks.DescribeControl(control)}; only tabs and line breaks may appear in text"));
            }
        }
        var index = 0;
        var meta = ReadFrontMatter(lines, ref index, problems, checkFilter);

        var slides = new List<Slide>();
        var start = index;
        for (var i = index; i <= lines.Length; i++)
        {
            if (i == lines.Length || lines[i].Trim() == "---")
            {
                var slide = ReadSlide(lines, start, i, problems);
                if (slide is not null)
                {
                    slides.Add(slide);
                }
                start = i + 1;
            }
        }
        if (slides.Count == 0)
        {
            problems.Add(new DeckProblem(Math.Max(1, index), "the deck has no slides (slides are separated by lines of ---)"));
        }
        return new Deck(slug, filePath, meta, slides, problems);
    }

    private static DeckMeta ReadFrontMatter(string[] lines, ref int index, List<DeckProblem> problems, Func<string, IEnumerable<string>>? checkFilter)
    {
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        while (index < lines.Length && lines[index].Trim().Length == 0)
        {
            index++;
        }
        if (index >= lines.Length || lines[index].Trim() != "---")
        {
            problems.Add(new DeckProblem(index + 1, "the deck must start with a front matter block: a line ---, then key: value lines (title, date, audience, author, classification), then ---"));
            return new DeckMeta("Untitled deck", null, null, null, null, DefaultClassification, null);
        }
        var opened = index;
        index++;
        var closed = false;
        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.Trim() == "---")
            {
                closed = true;
                index++;
                break;
            }
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                problems.Add(new DeckProblem(index + 1, $"front matter line is not 'key: value': {Shorten(line)}"));
                continue;
            }
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = Unquote(line[(colon + 1)..].Trim());
            if (!s_frontMatterKeys.Contains(key))
            {
                problems.Add(new DeckProblem(index + 1, $"unknown front matter key '{Shorten(key)}' (known: {string.Join(", ", s_frontMatterKeys)})"));
                continue;
            }
            values[key] = (value, index + 1);
        }
        if (!closed)
        {
            problems.Add(new DeckProblem(opened + 1, "the front matter block is not closed by a line ---"));
            index = opened + 1;
            while (index < lines.Length && lines[index].Contains(':', StringComparison.Ordinal) && lines[index].Trim() != "---")
            {
                index++;
            }
        }

        string? Get(string key) => values.TryGetValue(key, out var v) && v.Value.Length > 0 ? v.Value : null;
        var title = Get("title");
        if (title is null)
        {
            problems.Add(new DeckProblem(opened + 1, "the front matter has no title"));
        }
        var classification = Get("classification");
        if (classification is null)
        {
            problems.Add(new DeckProblem(opened + 1, "the front matter has no classification (handling marking), e.g. classification: UNCLASSIFIED – FOR BRIEFING USE"));
        }
        DateOnly? date = null;
        if (Get("date") is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                problems.Add(new DeckProblem(values["date"].Line, $"date '{Shorten(dateText)}' is not YYYY-MM-DD"));
            }
        }
        if (Get("filter") is { } filter && checkFilter is not null)
        {
            problems.AddRange(checkFilter(filter).Select(e => new DeckProblem(values["filter"].Line, "filter: " + e)));
        }
        return new DeckMeta(title ?? "Untitled deck", Get("subtitle"), date, Get("audience"), Get("author"), classification ?? DefaultClassification, Get("filter"));
    }

    private static Slide? ReadSlide(string[] lines, int start, int end, List<DeckProblem> problems)
    {
        var blocks = new List<SlideBlock>();
        var markdown = new StringBuilder();
        var markdownLine = 0;
        string? title = null;
        string? notes = null;
        var firstContent = -1;

        void FlushMarkdown()
        {
            var text = markdown.ToString().Trim();
            if (text.Length > 0)
            {
                blocks.Add(new MarkdownBlock(markdownLine, text));
                CheckMarkdown(text, markdownLine, "the slide's text", problems);
            }
            markdown.Clear();
            markdownLine = 0;
        }

        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && firstContent < 0)
            {
                firstContent = i;
            }
            if (trimmed.StartsWith("Note:", StringComparison.OrdinalIgnoreCase))
            {
                var rest = string.Join("\n", new[] { trimmed[5..].Trim() }.Concat(lines[(i + 1)..end])).Trim();
                notes = rest.Length > 0 ? rest : null;
                if (notes is not null)
                {
                    CheckMarkdown(notes, i + 1, "the speaker notes", problems);
                }
                break;
            }
            if (title is null && trimmed.StartsWith("## ", StringComparison.Ordinal))
            {
                title = trimmed[3..].Trim();
                continue;
            }
            if (trimmed.StartsWith("{{", StringComparison.Ordinal) || trimmed.EndsWith("}}", StringComparison.Ordinal))
            {
                FlushMarkdown();
                var (widget, errors) = ReadWidget(trimmed);
                if (widget is not null)
                {
                    blocks.Add(new WidgetBlock(i + 1, widget));
                }
                else
                {
                    // One problem for each thing wrong with it; the slide shows them together where the widget would be.
                    problems.AddRange(errors.Select(e => new DeckProblem(i + 1, e)));
                    blocks.Add(new ErrorBlock(i + 1, string.Join("; ", errors)));
                }
                continue;
            }
            if (markdownLine == 0 && trimmed.Length > 0)
            {
                markdownLine = i + 1;
            }
            markdown.AppendLine(line);
        }
        FlushMarkdown();
        if (firstContent < 0)
        {
            return null;
        }
        return new Slide(firstContent + 1, title, blocks, notes);
    }

    /// <summary>Reads <c>{{name arg key=value …}}</c>; returns the widget or a message naming everything that is wrong.</summary>
    public static (Widget? Widget, string? Error) ParseWidget(string text)
    {
        var (widget, errors) = ReadWidget(text);
        return (widget, errors.Count == 0 ? null : string.Join("; ", errors));
    }

    private static (Widget? Widget, IReadOnlyList<string> Errors) ReadWidget(string text)
    {
        var match = WidgetPattern().Match(text.Trim());
        if (!match.Success)
        {
            return (null, [$"malformed widget '{Shorten(text)}': write it alone on its line as {{{{name option=value}}}}"]);
        }
        var name = match.Groups[1].Value;
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var token in match.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                positional.Add(token);
            }
            else if (!options.TryAdd(token[..eq].ToLowerInvariant(), token[(eq + 1)..]))
            {
                errors.Add($"option '{Shorten(token[..eq])}' is given twice");
            }
        }
        var widget = Build(name, positional, options, errors);
        return errors.Count == 0 ? (widget, []) : (null, errors.Select(e => $"{name}: {e}").ToList());
    }

    /// <summary>The widget, with every problem of its options added to <paramref name="errors"/> (a bad option reads as its default).</summary>
    private static Widget? Build(string name, List<string> positional, Dictionary<string, string> options, List<string> errors)
    {
        var reader = new OptionReader(positional, options, errors);
        Widget? widget = name switch
        {
            "kpis" => new KpisWidget(),
            "map" => new MapWidget(
                reader.Enum("metric", MapMetric.Forces, v => Enum.TryParse<MapMetric>(v, true, out var m) && Enum.IsDefined(m) ? m : null, "pledges, status, forces, category"),
                reader.Slug<PledgeCategory>("category"),
                reader.Enum("view", MapView.Europe, v => v switch { "europe" => MapView.Europe, "world" => MapView.World, _ => null }, "europe, world")),
            "chart" => new ChartWidget(reader.Positional<ChartKind>("chart name", v => v switch
            {
                "pledges-by-category" => ChartKind.PledgesByCategory,
                "pledges-by-status" => ChartKind.PledgesByStatus,
                "pledges-by-country" => ChartKind.PledgesByCountry,
                // The name decks written before the sunburst was replaced use.
                "pledges-by-category-and-status" or "pledges-sunburst" => ChartKind.PledgesByCategoryAndStatus,
                "timeline" => ChartKind.Timeline,
                _ => (ChartKind?)null,
            }, "pledges-by-category, pledges-by-status, pledges-by-country, pledges-by-category-and-status, timeline")),
            "country" => new CountryWidget(reader.Positional("country code", v => v.Length == 3 && v.All(char.IsAsciiLetter) ? v.ToUpperInvariant() : null, "an ISO 3166-1 alpha-3 code such as FRA")),
            "pledges" => new PledgesWidget(reader.Slug<PledgeCategory>("category"), reader.Slug<PledgeStatus>("status"), reader.Codes("country"), reader.Limit(8)),
            "timeline" => new TimelineWidget(reader.Date("from"), reader.Date("to"), reader.Slug<EventKind>("kind"), reader.Limit(8)),
            "quotes" => new QuotesWidget(reader.Text("topic"), reader.Codes("country").FirstOrDefault(), reader.Limit(3)),
            "open-issues" => new OpenIssuesWidget(reader.Limit(5)),
            _ => null,
        };
        if (widget is null)
        {
            errors.Add("unknown widget (known: kpis, map, chart, country, pledges, timeline, quotes, open-issues)");
            return null;
        }
        reader.EnsureAllUsed();
        // (A category given but not understood is reported already.)
        if (widget is MapWidget { Metric: MapMetric.Category, Category: null } && !options.ContainsKey("category"))
        {
            errors.Add("metric=category needs category=<slug>");
        }
        return widget;
    }

    /// <summary>Renders a Markdown text as a page would, with the app's limits: what it could not render is a problem at its line.</summary>
    private static void CheckMarkdown(string markdown, int line, string what, List<DeckProblem> problems)
    {
        if (!s_markdown.TryRender(markdown, out _, out var error))
        {
            problems.Add(new DeckProblem(line, $"{what} {error}"));
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"^\{\{\s*([a-z][a-z-]*)((?:\s+[^\s{}]+)*)\s*\}\}$")]
    private static partial Regex WidgetPattern();

    /// <summary>Reads a widget's options; each problem is added to <c>errors</c> and the option reads as its default, so all are reported.</summary>
    private sealed class OptionReader(List<string> positional, Dictionary<string, string> options, List<string> errors)
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);
        private int _positionalUsed;

        public T Positional<T>(string what, Func<string, T?> parse, string allowed) where T : struct
        {
            var text = Positional(what, allowed);
            return text is null ? default : parse(text) ?? Fail<T>($"'{Shorten(text)}' is not a valid {what} ({allowed})");
        }

        public string Positional(string what, Func<string, string?> parse, string allowed)
        {
            var text = Positional(what, allowed);
            return text is null ? "" : parse(text) ?? Fail($"'{Shorten(text)}' is not a valid {what} ({allowed})", "");
        }

        private string? Positional(string what, string allowed)
        {
            if (positional.Count == 0)
            {
                return Fail<string?>($"needs a {what} ({allowed})", null);
            }
            _positionalUsed = 1;
            return positional[0];
        }

        public T Enum<T>(string key, T fallback, Func<string, T?> parse, string allowed) where T : struct
        {
            if (!Take(key, out var value))
            {
                return fallback;
            }
            return parse(value.ToLowerInvariant()) ?? Fail($"{key}='{Shorten(value)}' is not one of {allowed}", fallback);
        }

        public TEnum? Slug<TEnum>(string key) where TEnum : struct, System.Enum
        {
            if (!Take(key, out var value))
            {
                return null;
            }
            return Data.Slug.TryParse<TEnum>(value.ToLowerInvariant(), out var parsed)
                ? parsed
                : Fail<TEnum?>($"{key}='{Shorten(value)}' is not one of {string.Join(", ", Data.Slug.All<TEnum>())}", null);
        }

        public IReadOnlyList<string> Codes(string key)
        {
            if (!Take(key, out var value))
            {
                return [];
            }
            var codes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).ToList();
            foreach (var bad in codes.Where(c => c.Length != 3 || !c.All(char.IsAsciiLetterUpper)))
            {
                errors.Add($"{key}='{Shorten(bad)}' is not an ISO 3166-1 alpha-3 code");
            }
            return codes;
        }

        public DateOnly? Date(string key)
        {
            if (!Take(key, out var value))
            {
                return null;
            }
            return ReadModel.Filtering.FilterParser.TryParseDate(value, out var date)
                ? date
                : Fail<DateOnly?>($"{key}='{Shorten(value)}' is not a date (YYYY-MM-DD) from {ReadModel.Filtering.FilterParser.EarliestDate:yyyy-MM-dd} to {ReadModel.Filtering.FilterParser.LatestDate:yyyy-MM-dd}", null);
        }

        public string? Text(string key) => Take(key, out var value) ? value.ToLowerInvariant() : null;

        public int Limit(int fallback)
        {
            if (!Take("limit", out var value))
            {
                return fallback;
            }
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 50
                ? limit
                : Fail($"limit='{Shorten(value)}' is not a number from 1 to 50", fallback);
        }

        public void EnsureAllUsed()
        {
            foreach (var unknown in options.Keys.Where(k => !_used.Contains(k)))
            {
                errors.Add($"unknown option '{Shorten(unknown)}'");
            }
            foreach (var extra in positional.Skip(_positionalUsed))
            {
                errors.Add($"unexpected value '{Shorten(extra)}'");
            }
        }

        private T Fail<T>(string message, T fallback)
        {
            errors.Add(message);
            return fallback;
        }

        private T Fail<T>(string message) where T : struct => Fail(message, default(T));

        private bool Take(string key, out string value)
        {
            _used.Add(key);
            return options.TryGetValue(key, out value!);
        }
    }
}
