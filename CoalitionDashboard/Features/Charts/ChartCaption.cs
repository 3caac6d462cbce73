using System.Globalization;
using CoalitionDashboard.Features.Filtering;

namespace CoalitionDashboard.Features.Charts;

public static class ChartCaption
{
    /// <summary>"Filter: … · Source: CoalitionDashboard curated data (…), data as of …": printed on every chart.</summary>
    public static string For(FilterContext context)
    {
        var asOf = context.Reference.AsOf is { } date ? date.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "unknown date";
        return $"Filter: {context.Describe()}\nSource: Coalition of the Willing dashboard (curated from official and press sources), data as of {asOf}";
    }
}
