using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Features.Briefings;

/// <summary>A deck and the filter its slides are drawn under, as a deck page's address asks for them.</summary>
/// <param name="QuerySuffix">The filter the address gave ('?' and its query), or empty when the deck's own applies.</param>
/// <param name="Key">Equal for two addresses that show the same slides.</param>
public sealed record ResolvedDeck(Deck Deck, FilterContext Context, string QuerySuffix, string Key);

/// <summary>
/// The one reading of a deck page's address, shared by the deck, its presenter view and its print page:
/// <c>/briefings/view?FILTER</c> is the deck built from a view's filter; for a curated deck, a filter in the address
/// replaces the deck's own (<c>filter:</c> in its file); parameters of the filter that are wrong are reported, not
/// dropped silently (<see cref="FilterContext.Errors"/>).
/// </summary>
public sealed class DeckResolver(DeckStore store, ReferenceData referenceData)
{
    /// <returns>Null when no deck has that slug.</returns>
    public async Task<ResolvedDeck?> ResolveAsync(string slug, string uri)
    {
        var reference = await referenceData.GetAsync();
        var query = new Uri(uri).Query;
        var deck = slug == AdHocDeck.Slug
            ? AdHocDeck.For(new FilterContext(FilterParser.Parse(query, reference.Codes).Filter, [], reference))
            : store.Get(slug);
        if (deck is null)
        {
            return null;
        }
        var urlHasFilter = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).Keys.Any(k => DashboardFilter.Keys.Contains(k));
        var parsed = FilterParser.Parse(urlHasFilter ? query : "?" + (deck.Meta.Filter ?? ""), reference.Codes);
        var suffix = urlHasFilter && !parsed.Filter.IsEmpty ? "?" + parsed.Filter.Query : "";
        var key = (deck.Slug == AdHocDeck.Slug ? "view" : deck.GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture)) + "|" + parsed.Filter.Query;
        return new ResolvedDeck(deck, new FilterContext(parsed.Filter, parsed.Errors, reference), suffix, key);
    }
}
