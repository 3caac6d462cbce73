using CoalitionDashboard.Data.Import;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Features.Briefings;

/// <summary>
/// Checks the decks in a data directory against the data set, for the <c>validate</c> and <c>import</c> verbs: what the
/// parser finds (widgets, front matter, Markdown a page could not render, encoding), each at its line, then the
/// countries, quote topics and the filter the deck names. Never throws.
/// </summary>
public static class DeckValidator
{
    public static IReadOnlyList<DataProblem> Validate(string dataDirectory, LoadedDataSet dataSet)
    {
        var directory = Path.Combine(dataDirectory, "briefings");
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var countries = dataSet.Countries.Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal);
        var topics = dataSet.Quotes.Select(q => q.Topic).ToHashSet(StringComparer.Ordinal);
        var problems = new List<DataProblem>();
        foreach (var file in Directory.GetFiles(directory, "*.md").Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase)).Order())
        {
            try
            {
                problems.AddRange(Validate(file, countries, topics));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.Add(new DataProblem(file, 0, $"could not be checked ({ex.GetType().Name}: {ex.Message})"));
            }
        }
        return problems;
    }

    private static IEnumerable<DataProblem> Validate(string file, HashSet<string> countries, HashSet<string> topics)
    {
        var deck = DeckParser.Load(Path.GetFileNameWithoutExtension(file), file, filter => FilterParser.Parse("?" + filter, countries).Errors);
        var problems = deck.Problems.Select(p => new DataProblem(file, p.Line, p.Message)).ToList();
        foreach (var block in deck.Slides.SelectMany(s => s.Blocks).OfType<WidgetBlock>())
        {
            var codes = block.Widget switch
            {
                CountryWidget c => [c.Iso3],
                PledgesWidget p => p.Countries,
                QuotesWidget { Country: { } q } => [q],
                _ => (IReadOnlyList<string>)[],
            };
            problems.AddRange(codes.Where(c => !countries.Contains(c)).Select(c => new DataProblem(file, block.Line, $"unknown country '{c}' (not in {DataFiles.Countries})")));
            if (block.Widget is QuotesWidget { Topic: { } topic } && !topics.Contains(topic))
            {
                problems.Add(new DataProblem(file, block.Line, $"quotes: no quote has the topic '{topic}' (topics: {string.Join(", ", topics.Order())})"));
            }
        }
        return problems;
    }
}
