using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;
using MudBlazor;

namespace CoalitionDashboard.Components.Shared;

/// <summary>
/// A grid's sort order in the page's address, so that a reload or a shared link shows the rows in the same order:
/// <c>?sort=pledges</c>, <c>?sort=-pledges</c> the other way round, <c>?sort=-pledges,country</c> by one, then the
/// other. Columns are named by short slugs; a slug the grid does not have is left out (the grid's default order).
/// </summary>
public static class GridSort
{
    public const string Key = "sort";

    /// <summary>The address's sort: each column slug with its direction, in the order given.</summary>
    public static IReadOnlyList<(string Column, bool Descending)> Parse(string uri)
    {
        var at = uri.IndexOf('?', StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(at < 0 ? "" : uri[at..]);
        if (!query.TryGetValue(Key, out var values))
        {
            return [];
        }
        return values.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => (Column: part.TrimStart('-').ToLowerInvariant(), Descending: part.StartsWith('-')))
            .Where(p => p.Column.Length is > 0 and <= 40)
            .DistinctBy(p => p.Column)
            .ToList();
    }

    /// <summary>A MudDataGrid column's first direction, from the address (<see cref="SortDirection.None"/> where it is not named).</summary>
    public static SortDirection Initial(IReadOnlyList<(string Column, bool Descending)> sort, string column) =>
        sort.FirstOrDefault(s => s.Column == column) is { Column: not null } found
            ? found.Descending ? SortDirection.Descending : SortDirection.Ascending
            : SortDirection.None;

    /// <summary>
    /// The rows in the address's order (MudDataGrid marks a column sorted from its <c>InitialDirection</c> but leaves the
    /// rows in the order they came in): by each named column in turn, the first one leading.
    /// </summary>
    public static IReadOnlyList<T> Apply<T>(IReadOnlyList<T> rows, IReadOnlyList<(string Column, bool Descending)> sort, IReadOnlyDictionary<string, Func<T, object>> keys)
    {
        IOrderedEnumerable<T>? ordered = null;
        foreach (var (column, descending) in sort)
        {
            if (!keys.TryGetValue(column, out var key))
            {
                continue;
            }
            ordered = (ordered, descending) switch
            {
                (null, false) => rows.OrderBy(key, Comparer<object>.Default),
                (null, true) => rows.OrderByDescending(key, Comparer<object>.Default),
                (_, false) => ordered.ThenBy(key, Comparer<object>.Default),
                (_, true) => ordered.ThenByDescending(key, Comparer<object>.Default),
            };
        }
        return ordered?.ToList() ?? rows;
    }

    /// <summary>The address's value for a MudDataGrid's sort definitions (the columns' property names mapped to slugs).</summary>
    public static string Value<T>(IEnumerable<SortDefinition<T>> sorts, IReadOnlyDictionary<string, string> slugByProperty) =>
        string.Join(",", sorts.OrderBy(s => s.Index)
            .Where(s => slugByProperty.ContainsKey(s.SortBy))
            .Select(s => (s.Descending ? "-" : "") + slugByProperty[s.SortBy]));

    /// <summary>
    /// Puts a MudDataGrid's new sort order in the address, replacing the history entry (sorting is not a step back);
    /// <paramref name="columns"/> names the grid's sortable columns.
    /// </summary>
    public static async Task WriteAsync<T>(IJSRuntime js, string uri, IReadOnlyDictionary<string, SortDefinition<T>> sorts, params (Column<T>? Column, string Slug)[] columns)
    {
        var slugs = columns.Where(c => c.Column?.PropertyName is not null).ToDictionary(c => c.Column!.PropertyName!, c => c.Slug);
        await ReplaceAddressAsync(js, With(uri, Value(sorts.Values, slugs)));
    }

    /// <summary>Writes a grid's new address into the browser's, replacing the history entry (js/shell.js replaceUrl).</summary>
    public static async Task ReplaceAddressAsync(IJSRuntime js, string address)
    {
        try
        {
            await js.InvokeVoidAsync("coalitionShell.replaceUrl", address);
        }
        catch (JSException)
        {
            // The address keeps the old order; the grid shows the new one.
        }
    }

    /// <summary>The address with its sort replaced (or removed, for an empty one); every other parameter is kept.</summary>
    public static string With(string uri, string? sort)
    {
        var at = uri.IndexOf('?', StringComparison.Ordinal);
        var path = at < 0 ? uri : uri[..at];
        var kept = QueryHelpers.ParseQuery(at < 0 ? "" : uri[at..])
            .Where(kv => kv.Key != Key)
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .ToList();
        if (!string.IsNullOrEmpty(sort))
        {
            kept.Add(new(Key, sort));
        }
        return kept.Count == 0 ? path : QueryHelpers.AddQueryString(path, kept);
    }
}
