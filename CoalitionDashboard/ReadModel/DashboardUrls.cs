namespace CoalitionDashboard.ReadModel;

/// <summary>
/// Every address of the dashboard's pages and downloads, relative to the base address (as links in pages are), in
/// one place (as the Aspire dashboard's <c>DashboardUrls</c>). <c>querySuffix</c> is a filter's query string with its
/// '?' (<see cref="Filtering.FilterContext.QuerySuffix"/>) or empty: a link that keeps it keeps the view's filter.
/// Ids and codes are escaped; fragments name a record on its page.
/// </summary>
public static class DashboardUrls
{
    /// <summary>A chart's point link: <c>{key}</c> is replaced by the clicked country's code.</summary>
    public const string CountryTemplate = "countries/{key}";

    public static string Overview(string querySuffix = "") => querySuffix.Length == 0 ? "./" : querySuffix;

    public static string Map(string querySuffix = "") => "map" + querySuffix;

    public static string Countries(string querySuffix = "", string? fragment = null) => "countries" + querySuffix + Fragment(fragment);

    public static string Country(string iso3, string querySuffix = "") => $"countries/{Uri.EscapeDataString(iso3)}{querySuffix}";

    public static string Organisation(string id, string querySuffix = "") => $"organisations/{Uri.EscapeDataString(id)}{querySuffix}";

    public static string Pledges(string querySuffix = "") => "pledges" + querySuffix;

    public static string Timeline(string querySuffix = "", string? eventId = null) => "timeline" + querySuffix + Fragment(eventId);

    public static string Quotes(string querySuffix = "", string? quoteId = null) => "quotes" + querySuffix + Fragment(quoteId);

    public static string OpenIssues(string querySuffix = "", string? issueId = null) => "open-issues" + querySuffix + Fragment(issueId);

    public static string Source(string id) => $"sources/{Uri.EscapeDataString(id)}";

    /// <summary>The deck built from a view's filter ("Brief this view").</summary>
    public static string BriefThisView(string querySuffix) => "briefings/view" + querySuffix;

    public static string Briefing(string slug, string querySuffix = "") => $"briefings/{Uri.EscapeDataString(slug)}{querySuffix}";

    /// <summary>A deck at a slide, in the presenter's view; the filter's parameters follow the deck's own.</summary>
    public static string Presenter(string slug, int slide, string querySuffix = "") =>
        $"briefings/{Uri.EscapeDataString(slug)}?slide={slide}&presenter=1{(querySuffix.Length > 0 ? "&" + querySuffix[1..] : "")}";

    public static string BriefingPrint(string slug, string querySuffix = "") => $"briefings/{Uri.EscapeDataString(slug)}/print{querySuffix}";

    /// <summary>A download of <c>/export</c>: <paramref name="file"/> such as <c>pledges.csv</c>.</summary>
    public static string Export(string file, string querySuffix = "") => $"export/{file}{querySuffix}";

    private static string Fragment(string? id) => id is null ? "" : "#" + Uri.EscapeDataString(id);
}
