using CoalitionDashboard.Data;
using CoalitionDashboard.Features.Api;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Features.Export;

/// <summary>
/// The other kinds of record as CSV and JSON: events, quotes, sources and open issues, read as the API reads them
/// (<c>asof</c> and <c>minReliability</c>; any other parameter is a 400 naming it). The JSON records are the API's.
/// </summary>
public static class RecordExports
{
    /// <summary>What these exports read, as the API's lists do.</summary>
    public static readonly IReadOnlyList<string> Keys = ["asof", "minReliability"];

    public static readonly IReadOnlyList<ExportColumn> Events =
    [
        new("id", "string", "The event's id (T01…)."),
        new("date_start", "date", "The day it took place, or the first day of the month or range the data gives (ISO 8601)."),
        new("date_end", "date", "The last day of that month or range; the same as date_start for a single day."),
        new("title", "string", "Short title."),
        new("summary", "string", "What happened, in the data's own words."),
        new("kind", "string", "What kind of event.", Slug.All<EventKind>().ToList()),
        new("status", "string", "How far it is known to have taken place.", Slug.All<EventStatus>().ToList()),
        new("includes_coalition", "boolean", "TRUE where the coalition as a whole took part."),
        new("countries", "string", "ISO codes of the countries taking part" + ExportColumns.ListNote),
        new("organisations", "string", "Organisations taking part" + ExportColumns.ListNote),
        new("parties_note", "string", "Who took part, where the sources give it only roughly."),
        new("contested", "string", "What is disputed about it."),
        new("source_ids", "string", "Ids of its sources, strongest first" + ExportColumns.ListNote),
        new("source_urls", "string", "Their web addresses, in the same order" + ExportColumns.ListNote),
    ];

    public static readonly IReadOnlyList<ExportColumn> Quotes =
    [
        new("id", "string", "The quote's id (Q01…)."),
        new("speaker", "string", "Who said it."),
        new("office", "string", "The speaker's office then."),
        new("country", "string", "ISO code of the speaker's country."),
        new("organisation", "string", "The speaker's organisation."),
        new("date_start", "date", "The day it was said, or the first day of the month or range the data gives."),
        new("date_end", "date", "The last day of that month or range; the same as date_start for a single day."),
        new("text", "string", "The words, in English."),
        new("original", "string", "The words in the language they were said in, where translated."),
        new("translated", "boolean", "TRUE where text is a translation."),
        new("direct", "boolean", "TRUE for the speaker's own words; FALSE for a paraphrase."),
        new("context", "string", "Where and when it was said."),
        new("topic", "string", "What it is about."),
        new("attribution", "string", "A caveat on who said it or how it was reported."),
        new("source_ids", "string", "Ids of its sources, strongest first" + ExportColumns.ListNote),
        new("source_urls", "string", "Their web addresses, in the same order" + ExportColumns.ListNote),
    ];

    public static readonly IReadOnlyList<ExportColumn> Sources =
    [
        new("id", "string", "The source's id."),
        new("outlet", "string", "Who published it."),
        new("title", "string", "The page's title, where known."),
        new("date_start", "date", "The day it was published, where known, or the first day of the month or range the data gives."),
        new("date_end", "date", "The last day of that month or range; the same as date_start for a single day."),
        new("url", "string", "Its web address (empty for the seed article)."),
        new("seed_file", "string", "The seed article's file, for the one source without an address."),
        new("reliability", "string", "A official; B established news or wire copy; C secondary, corroboration only.", ["A", "B", "C"]),
        new("language", "string", "The page's language (ISO 639-1)."),
        new("note", "string", "What qualifies it."),
        new("records", "integer", "How many records rest on it."),
    ];

    public static readonly IReadOnlyList<ExportColumn> OpenIssues =
    [
        new("id", "string", "The issue's id."),
        new("order", "integer", "Its place in the curated order (the territorial question first)."),
        new("title", "string", "Short title."),
        new("description", "string", "What is open, in the data's own words."),
        new("countries", "string", "ISO codes of the countries it concerns" + ExportColumns.ListNote),
        new("organisations", "string", "Organisations it concerns" + ExportColumns.ListNote),
        new("pledges", "string", "Ids of the pledges it bears on" + ExportColumns.ListNote),
        new("source_ids", "string", "Ids of its sources, strongest first" + ExportColumns.ListNote),
        new("source_urls", "string", "Their web addresses, in the same order" + ExportColumns.ListNote),
    ];

    /// <summary>Each kind: its file name, columns, how it is loaded and how a record becomes a row.</summary>
    internal static IEnumerable<(string Name, IReadOnlyList<ExportColumn> Columns, Func<ApiQueries, KnownFilter, CancellationToken, Task<IReadOnlyList<object>>> Load, Func<object, IEnumerable<string?>> Row)> Kinds =>
    [
        ("events", Events, async (q, k, ct) => [.. await q.GetEventsAsync(k, ct)], r => EventRow((EventDto)r)),
        ("quotes", Quotes, async (q, k, ct) => [.. await q.GetQuotesAsync(k, ct)], r => QuoteRow((QuoteDto)r)),
        ("sources", Sources, async (q, k, ct) => [.. await q.GetSourcesAsync(k, ct)], r => SourceRow((SourceDto)r)),
        ("open-issues", OpenIssues, async (q, _, ct) => [.. await q.GetOpenIssuesAsync(ct)], r => OpenIssueRow((OpenIssueDto)r)),
    ];

    public static IEndpointRouteBuilder MapRecordExports(this RouteGroupBuilder export)
    {
        foreach (var (name, columns, load, row) in Kinds)
        {
            export.MapGet($"/{name}.csv", async (HttpContext http, ReferenceData reference, ApiQueries api, CancellationToken ct) =>
            {
                var (context, error) = await ExportEndpoints.ReadFilterAsync(http, reference, Keys);
                if (error is not null)
                {
                    return error;
                }
                return ExportEndpoints.File(http, await CsvAsync(name, api, context.Filter, ct), name, context);
            }).WithSummary($"The {name.Replace('-', ' ')} as RFC 4180 CSV (its columns in /export/metadata.json).").WithMetadata(new QueryParameters(Keys));

            export.MapGet($"/{name}.xlsx", async (HttpContext http, ReferenceData reference, ApiQueries api, TimeProvider time, CancellationToken ct) =>
            {
                var (context, error) = await ExportEndpoints.ReadFilterAsync(http, reference, Keys);
                return error ?? ExportEndpoints.Workbook(http, context, time, name, columns, await CsvAsync(name, api, context.Filter, ct));
            }).WithSummary($"The {name.Replace('-', ' ')} as an Excel workbook: typed cells, a frozen header, and an About sheet.").WithMetadata(new QueryParameters(Keys));

            export.MapGet($"/{name}.json", async (HttpContext http, ReferenceData reference, ApiQueries api, TimeProvider time, CancellationToken ct) =>
            {
                var (context, error) = await ExportEndpoints.ReadFilterAsync(http, reference, Keys);
                if (error is not null)
                {
                    return error;
                }
                var records = await load(api, Known(context.Filter), ct);
                return ExportEndpoints.Json(http, context, time, name, JsonKey(name), (System.Collections.ICollection)records);
            }).WithSummary($"The {name.Replace('-', ' ')} as JSON: the API's records, with the data's dates, the licence and a citation.").WithMetadata(new QueryParameters(Keys));
        }
        return export;
    }

    /// <summary>One kind's CSV, under the filter's <c>asof</c> and <c>minReliability</c>.</summary>
    internal static async Task<Csv> CsvAsync(string name, ApiQueries api, DashboardFilter filter, CancellationToken ct)
    {
        var (_, columns, load, row) = Kinds.Single(k => k.Name == name);
        var csv = new Csv().Row(columns.Select(c => c.Name));
        foreach (var record in await load(api, Known(filter), ct))
        {
            csv.Row(row(record));
        }
        return csv;
    }

    // "open-issues" → "openIssues", as the API's JSON names things.
    private static string JsonKey(string name) => name == "open-issues" ? "openIssues" : name;

    private static KnownFilter Known(DashboardFilter filter) => new(filter.AsOf, filter.MinReliability);

    private static string Urls(IEnumerable<SourceRef> sources) => Csv.List(sources.Select(s => s.Url ?? ""));

    private static string Ids(IEnumerable<SourceRef> sources) => Csv.List(sources.Select(s => s.Id));

    // The first and last day a date as the data writes it covers: "2026-01-06"; a range "2026-02-04/2026-02-05"; a month
    // "2026-05" (1 to 31 May); a year "2026". Nothing for no date.
    internal static (string? Start, string? End) Range(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        var parts = text.Split('/', 2);
        return (Csv.Day(Bounds(parts[0]).First), Csv.Day(Bounds(parts[^1]).Last));
    }

    private static (DateOnly? First, DateOnly? Last) Bounds(string part)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var style = System.Globalization.DateTimeStyles.None;
        if (DateOnly.TryParseExact(part, "yyyy-MM-dd", culture, style, out var day))
        {
            return (day, day);
        }
        if (DateOnly.TryParseExact(part, "yyyy-MM", culture, style, out var month))
        {
            return (month, month.AddMonths(1).AddDays(-1));
        }
        return int.TryParse(part, System.Globalization.NumberStyles.None, culture, out var year) && year is >= 1900 and <= 2100
            ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
            : (null, null);
    }

    private static IEnumerable<string?> EventRow(EventDto e)
    {
        var (start, end) = Range(e.Date);
        return
        [
            e.Id, start, end, e.Title, e.Summary, Slug.Of(e.Kind), Slug.Of(e.Status), Csv.Bool(e.IncludesCoalition),
            Csv.List(e.Countries), Csv.List(e.Organisations), e.PartiesNote, e.Contested, Ids(e.Sources), Urls(e.Sources),
        ];
    }

    private static IEnumerable<string?> QuoteRow(QuoteDto q)
    {
        var (start, end) = Range(q.Date);
        return
        [
            q.Id, q.Speaker, q.Office, q.Country, q.Organisation, start, end, q.Text, q.Original, Csv.Bool(q.Translated), Csv.Bool(q.Direct),
            q.Context, q.Topic, q.Attribution, Ids(q.Sources), Urls(q.Sources),
        ];
    }

    private static IEnumerable<string?> SourceRow(SourceDto s)
    {
        var (start, end) = Range(s.Date);
        return [s.Id, s.Outlet, s.Title, start, end, s.Url, s.SeedFile, s.Reliability.ToString(), s.Language, s.Note, Csv.Number(s.RecordCount)];
    }

    private static IEnumerable<string?> OpenIssueRow(OpenIssueDto o) =>
    [
        o.Id, Csv.Number(o.Order), o.Title, o.Description, Csv.List(o.Countries), Csv.List(o.Organisations), Csv.List(o.Pledges), Ids(o.Sources), Urls(o.Sources),
    ];
}
