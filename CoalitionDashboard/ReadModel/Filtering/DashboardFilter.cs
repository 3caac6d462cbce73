using System.Globalization;
using System.Text;
using CoalitionDashboard.Data;

namespace CoalitionDashboard.ReadModel.Filtering;

/// <summary>Country groupings a briefing is often cut by.</summary>
public enum Bloc { Eu, Nato, NonEu }

/// <summary>
/// The global filters, which live in the URL query string (<c>?country=FRA,DEU&amp;category=maritime</c>) so a
/// link reproduces the view. Equality is by the canonical query string.
/// </summary>
public sealed class DashboardFilter : IEquatable<DashboardFilter>
{
    public static readonly IReadOnlyList<string> Keys = ["country", "category", "status", "bloc", "from", "to", "asof", "minReliability"];

    public static readonly DashboardFilter None = new([], null, null, null, null, null);

    /// <param name="asOf">Draw the view as it stood on this day: records dated after it are not counted.</param>
    /// <param name="minReliability">Hide records whose best source is less reliable than this grade.</param>
    public DashboardFilter(IEnumerable<string> countries, PledgeCategory? category, PledgeStatus? status, Bloc? bloc, DateOnly? from, DateOnly? to,
        DateOnly? asOf = null, Reliability? minReliability = null)
    {
        Countries = countries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Category = category;
        Status = status;
        Bloc = bloc;
        From = from;
        To = to;
        AsOf = asOf;
        // C is every grade: no filter.
        MinReliability = minReliability is Reliability.C ? null : minReliability;
        Query = BuildQuery();
    }

    public IReadOnlyList<string> Countries { get; }
    public PledgeCategory? Category { get; }
    public PledgeStatus? Status { get; }
    public Bloc? Bloc { get; }
    public DateOnly? From { get; }
    public DateOnly? To { get; }
    public DateOnly? AsOf { get; }
    public Reliability? MinReliability { get; }

    /// <summary>The day the view is drawn as of: <see cref="AsOf"/>, or the latest fact of the data set.</summary>
    public DateOnly AsOfOr(DateOnly dataAsOf) => AsOf is { } day && day < dataAsOf ? day : dataAsOf;

    /// <summary>Which source grades pass the reliability filter.</summary>
    public IReadOnlyList<Reliability> Grades => MinReliability switch
    {
        Reliability.A => [Reliability.A],
        Reliability.B => [Reliability.A, Reliability.B],
        _ => [Reliability.A, Reliability.B, Reliability.C],
    };

    /// <summary>The canonical query-string form (without '?'), empty when no filter is set.</summary>
    public string Query { get; }

    public bool IsEmpty => Query.Length == 0;

    /// <summary>True when the filter narrows the set of countries (so coalition-wide pledges no longer apply as such).</summary>
    public bool LimitsCountries => Countries.Count > 0 || Bloc is not null;

    public DashboardFilter With(
        IEnumerable<string>? countries = null, Optional<PledgeCategory?> category = default, Optional<PledgeStatus?> status = default,
        Optional<Bloc?> bloc = default, Optional<DateOnly?> from = default, Optional<DateOnly?> to = default,
        Optional<DateOnly?> asOf = default, Optional<Reliability?> minReliability = default) =>
        new(countries ?? Countries, category.Or(Category), status.Or(Status), bloc.Or(Bloc), from.Or(From), to.Or(To), asOf.Or(AsOf), minReliability.Or(MinReliability));

    public static string Slug(Bloc bloc) => bloc switch { Filtering.Bloc.Eu => "eu", Filtering.Bloc.Nato => "nato", _ => "non-eu" };

    public static string Label(Bloc bloc) => bloc switch { Filtering.Bloc.Eu => "EU members", Filtering.Bloc.Nato => "NATO members", _ => "Outside the EU" };

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool Equals(DashboardFilter? other) => other is not null && Query == other.Query;

    public override bool Equals(object? obj) => obj is DashboardFilter other && Equals(other);

    public override int GetHashCode() => Query.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => IsEmpty ? "no filter" : Query;

    private string BuildQuery()
    {
        var parts = new List<string>();
        if (Countries.Count > 0)
        {
            parts.Add("country=" + string.Join(',', Countries));
        }
        if (Category is { } category)
        {
            parts.Add("category=" + Data.Slug.Of(category));
        }
        if (Status is { } status)
        {
            parts.Add("status=" + Data.Slug.Of(status));
        }
        if (Bloc is { } bloc)
        {
            parts.Add("bloc=" + Slug(bloc));
        }
        if (From is { } from)
        {
            parts.Add("from=" + Format(from));
        }
        if (To is { } to)
        {
            parts.Add("to=" + Format(to));
        }
        if (AsOf is { } asOf)
        {
            parts.Add("asof=" + Format(asOf));
        }
        if (MinReliability is { } min)
        {
            parts.Add("minReliability=" + min);
        }
        return string.Join('&', parts);
    }

    /// <summary>A short human description for chart captions and exports.</summary>
    public string Describe(Func<string, string> countryName)
    {
        if (IsEmpty)
        {
            return "All countries, all pledges";
        }
        var text = new StringBuilder();
        void Add(string part) => text.Append(text.Length == 0 ? "" : " · ").Append(part);
        if (Countries.Count > 0)
        {
            Add(string.Join(", ", Countries.Select(countryName)));
        }
        if (Bloc is { } bloc)
        {
            Add(Label(bloc));
        }
        if (Category is { } category)
        {
            Add("Category: " + Vocabulary.Label(category));
        }
        if (Status is { } status)
        {
            Add("Status: " + Vocabulary.Label(status));
        }
        if (From is not null || To is not null)
        {
            Add($"Dates: {(From is { } f ? DateDisplay.Format(f) : "…")} to {(To is { } t ? DateDisplay.Format(t) : "…")}");
        }
        if (AsOf is { } asOf)
        {
            Add("As of " + DateDisplay.Format(asOf));
        }
        if (MinReliability is { } min)
        {
            Add(min == Reliability.A ? "Official sources (A) only" : "Sources graded A or B only");
        }
        return text.ToString();
    }
}

/// <summary>An optional argument that can also carry "set to null".</summary>
public readonly record struct Optional<T>(T Value, bool HasValue)
{
    public static implicit operator Optional<T>(T value) => new(value, true);

    public T Or(T fallback) => HasValue ? Value : fallback;
}
