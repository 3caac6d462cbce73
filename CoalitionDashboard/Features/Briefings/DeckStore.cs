using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CoalitionDashboard.Data;
using Microsoft.Extensions.Options;

namespace CoalitionDashboard.Features.Briefings;

/// <summary>The decks in <c>data/briefings/*.md</c>, parsed on first use and again whenever a file changes.</summary>
public sealed partial class DeckStore(IOptions<SeedOptions> seedOptions)
{
    private readonly ConcurrentDictionary<string, (DateTime Written, Deck Deck)> _cache = new(StringComparer.Ordinal);

    public string Directory => Path.Combine(seedOptions.Value.DataDirectory, "briefings");

    public IReadOnlyList<Deck> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }
        return System.IO.Directory.GetFiles(Directory, "*.md")
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Select(f => Load(f)).OfType<Deck>()
            .OrderByDescending(d => d.Meta.Date).ThenBy(d => d.Meta.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>The deck whose file is <c>{slug}.md</c>; null for an unknown or malformed slug.</summary>
    public Deck? Get(string slug) =>
        SlugPattern().IsMatch(slug) ? Load(Path.Combine(Directory, slug + ".md")) : null;

    private Deck? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var written = File.GetLastWriteTimeUtc(path);
        if (_cache.TryGetValue(path, out var cached) && cached.Written == written)
        {
            return cached.Deck;
        }
        var deck = DeckParser.Load(Path.GetFileNameWithoutExtension(path), path);
        _cache[path] = (written, deck);
        return deck;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,80}$")]
    private static partial Regex SlugPattern();
}
