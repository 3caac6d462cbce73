using System.Globalization;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// Dates as readers write them: the records keep ISO text ("2026-02-04/2026-02-05", "2026-02"), pages show
/// "4–5 Feb 2026", "Feb 2026". Exports keep the ISO text. Text that is not an ISO day, month or range is shown as it is.
/// </summary>
public static class DateDisplay
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(DateOnly day) => day.ToString("d MMM yyyy", Invariant);

    /// <summary>A day, or a range: "6 Jan 2026", "4–5 Feb 2026", "28 Feb – 5 Mar 2026", "30 Dec 2025 – 2 Jan 2026".</summary>
    public static string Format(DateOnly start, DateOnly? end)
    {
        if (end is not { } last || last == start)
        {
            return Format(start);
        }
        if (start.Year != last.Year)
        {
            return $"{Format(start)} – {Format(last)}";
        }
        return start.Month == last.Month
            ? $"{start.Day}–{Format(last)}"
            : $"{start.ToString("d MMM", Invariant)} – {Format(last)}";
    }

    /// <summary>Record text ("2026-02-04", "2026-02-04/2026-02-05", "2026-02") for a reader; null stays null.</summary>
    public static string? Format(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return text;
        }
        var parts = text.Trim().Split('/');
        if (parts.Length == 2 && Day(parts[0]) is { } from && Day(parts[1]) is { } to && to >= from)
        {
            return Format(from, to);
        }
        if (parts.Length == 1)
        {
            if (Day(parts[0]) is { } day)
            {
                return Format(day);
            }
            if (DateOnly.TryParseExact(parts[0], "yyyy-MM", Invariant, DateTimeStyles.None, out var month))
            {
                return month.ToString("MMM yyyy", Invariant);
            }
        }
        return text;
    }

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var day) ? day : null;
}
