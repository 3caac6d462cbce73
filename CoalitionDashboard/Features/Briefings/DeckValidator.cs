using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Features.Filtering;

namespace CoalitionDashboard.Features.Briefings;

/// <summary>Checks the decks in a data directory against the data set, for the <c>validate</c> verb.</summary>
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
            var deck = DeckParser.Parse(Path.GetFileNameWithoutExtension(file), file, File.ReadAllText(file));
            problems.AddRange(deck.Problems.Select(p => new DataProblem(file, p.Line, p.Message)));
            if (deck.Meta.Filter is { } filter)
            {
                problems.AddRange(FilterParser.Parse("?" + filter, countries).Errors.Select(e => new DataProblem(file, 1, "filter: " + e)));
            }
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
        }
        return problems;
    }
}
