using System.Globalization;
using CoalitionDashboard.Data;
using Microsoft.AspNetCore.WebUtilities;

namespace CoalitionDashboard.ReadModel.Filtering;

/// <summary>The filter read from a URL, and what in the URL had to be ignored.</summary>
public sealed record FilterParseResult(DashboardFilter Filter, IReadOnlyList<string> Errors);

/// <summary>
/// Reads the global filters from a query string. Invalid values are reported (so the UI can say what was
/// ignored) and dropped, never thrown.
/// </summary>
public static class FilterParser
{
    private const int MaxCountries = 60;

    /// <param name="today">The latest day <c>asof</c> may name (today, in UTC, when not given).</param>
    public static FilterParseResult Parse(string? query, IReadOnlySet<string> knownCountries, DateOnly? today = null)
    {
        var values = QueryHelpers.ParseQuery(query);
        var errors = new List<string>();

        var countries = new List<string>();
        foreach (var raw in values.TryGetValue("country", out var c) ? c.SelectMany(v => (v ?? "").Split(',')) : [])
        {
            var code = raw.Trim().ToUpperInvariant();
            if (code.Length == 0)
            {
                continue;
            }
            if (!knownCountries.Contains(code))
            {
                errors.Add($"Unknown country code '{Shorten(raw)}' was ignored.");
            }
            else if (countries.Count >= MaxCountries)
            {
                errors.Add($"More than {MaxCountries} countries; the rest were ignored.");
                break;
            }
            else
            {
                countries.Add(code);
            }
        }

        var category = ParseSlug<PledgeCategory>(values, "category", errors);
        var status = ParseSlug<PledgeStatus>(values, "status", errors);

        Bloc? bloc = null;
        if (Single(values, "bloc") is { } blocText)
        {
            bloc = blocText.ToLowerInvariant() switch
            {
                "eu" => Bloc.Eu,
                "nato" => Bloc.Nato,
                "non-eu" => Bloc.NonEu,
                _ => null,
            };
            if (bloc is null)
            {
                errors.Add($"Unknown bloc '{Shorten(blocText)}' was ignored (use eu, nato or non-eu).");
            }
        }

        var from = ParseDate(values, "from", errors);
        var to = ParseDate(values, "to", errors);
        if (from is not null && to is not null && from > to)
        {
            errors.Add($"The date range {DashboardFilter.Format(from.Value)} to {DashboardFilter.Format(to.Value)} is reversed; it was ignored.");
            from = to = null;
        }

        var asOf = ParseDate(values, "asof", errors);
        var latest = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        if (asOf > latest)
        {
            errors.Add($"'asof' {DashboardFilter.Format(asOf.Value)} is in the future; it was ignored (the view shows the latest data).");
            asOf = null;
        }

        Reliability? minReliability = null;
        if (Single(values, "minReliability") is { } gradeText)
        {
            if (gradeText.ToUpperInvariant() is "A" or "B" or "C")
            {
                minReliability = Enum.Parse<Reliability>(gradeText.ToUpperInvariant());
            }
            else
            {
                errors.Add($"Unknown minReliability '{Shorten(gradeText)}' was ignored (use A, B or C).");
            }
        }

        return new FilterParseResult(new DashboardFilter(countries, category, status, bloc, from, to, asOf, minReliability), errors);
    }

    private static TEnum? ParseSlug<TEnum>(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> values, string key, List<string> errors)
        where TEnum : struct, Enum
    {
        if (Single(values, key) is not { } text)
        {
            return null;
        }
        if (Slug.TryParse<TEnum>(text.ToLowerInvariant(), out var value))
        {
            return value;
        }
        errors.Add($"Unknown {key} '{Shorten(text)}' was ignored (use one of: {string.Join(", ", Slug.All<TEnum>())}).");
        return null;
    }

    private static DateOnly? ParseDate(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> values, string key, List<string> errors)
    {
        if (Single(values, key) is not { } text)
        {
            return null;
        }
        if (TryParseDate(text, out var date))
        {
            return date;
        }
        errors.Add(DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? $"'{Shorten(text)}' is outside the dates this dashboard can draw ({EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}); the '{key}' filter was ignored."
            : $"'{Shorten(text)}' is not a date (YYYY-MM-DD); the '{key}' filter was ignored.");
        return null;
    }

    /// <summary>The first and last day a filter date may name, the same as a record's (see FieldReader).</summary>
    public static readonly DateOnly EarliestDate = Data.Import.FieldReader.EarliestDate;

    public static readonly DateOnly LatestDate = Data.Import.FieldReader.LatestDate;

    /// <summary>A YYYY-MM-DD day between <see cref="EarliestDate"/> and <see cref="LatestDate"/>: every date the URL,
    /// the filter bar and the as-of control accept.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date >= EarliestDate && date <= LatestDate;

    private static string? Single(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> values, string key) =>
        values.TryGetValue(key, out var v) && v.LastOrDefault() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    // Values are echoed back to the user; keep them short (rendering escapes them anyway).
    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
