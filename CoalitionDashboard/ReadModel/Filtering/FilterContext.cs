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

/// <summary>
/// The one way to read a filter from a URL: the shell, the interactive islands (which get the page's URL as a
/// parameter), the API and the exports all parse it here, against the same country list and day.
/// </summary>
public sealed class FilterContextFactory(ReferenceData reference, TimeProvider time)
{
    /// <summary>The filter of an absolute or relative URL (only its query string is read).</summary>
    public Task<FilterContext> FromUriAsync(string uri)
    {
        var question = uri.IndexOf('?', StringComparison.Ordinal);
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        var query = question < 0 ? "" : hash > question ? uri[question..hash] : uri[question..];
        return FromQueryAsync(query);
    }

    /// <summary>The filter of a query string ("?country=FRA&amp;bloc=eu", with or without its '?').</summary>
    public async Task<FilterContext> FromQueryAsync(string? query)
    {
        var snapshot = await reference.GetAsync();
        var parsed = FilterParser.Parse(query, snapshot.Codes, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return new FilterContext(parsed.Filter, parsed.Errors, snapshot);
    }
}
