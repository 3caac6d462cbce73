using Microsoft.AspNetCore.WebUtilities;

namespace CoalitionDashboard.ReadModel.Filtering;

/// <summary>What the layout cascades to every page: the current filter, what was ignored, and reference data.</summary>
public sealed record FilterContext(DashboardFilter Filter, IReadOnlyList<string> Errors, ReferenceSnapshot Reference)
{
    public static readonly FilterContext Empty = new(DashboardFilter.None, [], ReferenceSnapshot.Empty);

    /// <summary>"?country=FRA" (or "") to carry the filter to another page.</summary>
    public string QuerySuffix => Filter.IsEmpty ? "" : "?" + Filter.Query;

    public string Describe() => Filter.Describe(Reference.NameOf);

    /// <summary>The same page with another filter; page-specific parameters (metric, view, …) are kept.</summary>
    public static string WithFilter(string currentUri, DashboardFilter filter)
    {
        var uri = new Uri(currentUri);
        var others = QueryHelpers.ParseQuery(uri.Query)
            .Where(kv => !DashboardFilter.Keys.Contains(kv.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(v ?? "")));
        var query = string.Join('&', new[] { filter.Query }.Where(q => q.Length > 0).Concat(others));
        return uri.GetLeftPart(UriPartial.Path) + (query.Length > 0 ? "?" + query : "");
    }
}
