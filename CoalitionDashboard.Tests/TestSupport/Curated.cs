using System.Globalization;
using System.Text.Json;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>
/// Plain facts read straight from the curated JSON files (not through the app), so tests state what a page must show
/// without pinning numbers that change whenever the data is refreshed.
/// </summary>
public static class Curated
{
    private static readonly JsonDocumentOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static JsonElement Read(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RealDataDirectory, file)), s_options).RootElement;

    public static int Count(string file) => Read(file).GetArrayLength();

    public static int Pledges => Count("pledges.json");

    public static int Events => Count("events.json");

    public static int Quotes => Count("quotes.json");

    public static int OpenIssues => Count("open-issues.json");

    /// <summary>Pledges the coalition as a whole is bound by (COALITION named in any role but partner).</summary>
    public static int CoalitionWide => Read("pledges.json").EnumerateArray().Count(p => p.GetProperty("parties").EnumerateArray()
        .Any(x => x.GetProperty("id").GetString() == "COALITION" && x.GetProperty("role").GetString() != "partner"));

    public static DateOnly AsOf => DateOnly.Parse(Read("dataset.json").GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);

    public static DateOnly ReviewedOn => DateOnly.Parse(Read("dataset.json").GetProperty("reviewedOn").GetString()!, CultureInfo.InvariantCulture);

    /// <summary>"23 Jun 2026", as the filter bar, captions and slide footers write a day.</summary>
    public static string Short(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"23 June 2026", as the overview's subtitle writes it.</summary>
    public static string Long(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>How many pledges name the country or organisation among their parties, in any role.</summary>
    public static int PledgesNaming(string code) => Read("pledges.json").EnumerateArray()
        .Count(p => p.GetProperty("parties").EnumerateArray().Any(x => x.GetProperty("id").GetString() == code));

    /// <summary>How many pledges mention the text in their title or description (ignoring case) or name the country.</summary>
    public static int PledgesMentioning(string text, string country) => Read("pledges.json").EnumerateArray().Count(p =>
        p.GetProperty("parties").EnumerateArray().Any(x => x.GetProperty("id").GetString() == country)
        || p.GetProperty("title").GetString()!.Contains(text, StringComparison.OrdinalIgnoreCase)
        || p.GetProperty("description").GetString()!.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (p.TryGetProperty("speaker", out var speaker) && speaker.ValueKind == JsonValueKind.String && speaker.GetString()!.Contains(text, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Ids of the pledges in file order.</summary>
    public static IReadOnlyList<string> PledgeIds => Read("pledges.json").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
}
