using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Components.Charts;

public static class ChartCaption
{
    private const int MaxFilterLength = 80;

    /// <summary>Two short lines printed under every chart (and so on every saved PNG): the filter, and the source with its date.</summary>
    public static string For(FilterContext context)
    {
        var filter = context.Describe();
        if (filter.Length > MaxFilterLength)
        {
            filter = filter[..(MaxFilterLength - 1)].TrimEnd(' ', ',', '·') + "…";
        }
        return $"Filter: {filter}\nSource: Coalition dashboard · {context.Reference.Freshness(context.Filter).ToLowerInvariant()[0]}{context.Reference.Freshness(context.Filter)[1..]}";
    }
}
