using System.Globalization;
using System.Text.RegularExpressions;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// What a source's web address tells when its record has no title or date: many news addresses end in the article's
/// words ("…/sweden-ready-to-send-gripen-to-ukraine-after-peace-settlement") and hold its date ("…/2026/01/7/…").
/// Pages show these as read from the address, never as the record's own.
/// </summary>
public static partial class SourceAddress
{
    /// <summary>The words of the address's last segment, or null when it holds no words (an id, a number).</summary>
    public static string? TitleOf(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var raw in segments.Reverse())
        {
            var segment = Uri.UnescapeDataString(raw);
            segment = Extension().Replace(segment, "");
            var words = Separator().Split(segment).Where(w => w.Length > 0).ToList();
            // Leading or trailing ids ("4077455-tusk-…", "…-217572") are not words of the title.
            while (words.Count > 0 && Number().IsMatch(words[0])) words.RemoveAt(0);
            while (words.Count > 0 && (Number().IsMatch(words[^1]) || IdLike().IsMatch(words[^1]))) words.RemoveAt(words.Count - 1);
            if (words.Count >= 3 && words.All(w => w.Any(char.IsLetter) || Number().IsMatch(w)))
            {
                var text = string.Join(' ', words);
                return char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
            }
        }
        return null;
    }

    /// <summary>A date written in the address as /yyyy/mm/dd/, or null.</summary>
    public static DateOnly? DateOf(string? url)
    {
        if (url is null || DatePath().Match(url) is not { Success: true } match)
        {
            return null;
        }
        var (year, month, day) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        return year is >= 2000 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    [GeneratedRegex(@"\.(html?|php|aspx?|shtml)$", RegexOptions.IgnoreCase)]
    private static partial Regex Extension();

    [GeneratedRegex(@"[-_+\s]+")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Number();

    // A trailing token of digits and letters mixed, as CMSs append (08012026111500, a1b2c3d4).
    [GeneratedRegex(@"^(?=.*\d)[a-z0-9]{8,}$", RegexOptions.IgnoreCase)]
    private static partial Regex IdLike();

    [GeneratedRegex(@"/(20\d\d)/(\d{1,2})/(\d{1,2})(?:/|$)")]
    private static partial Regex DatePath();
}
