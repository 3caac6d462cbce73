using System.Globalization;
using System.Text;
using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Features.Export;

/// <summary>Downloads of exactly what the grids show under the current filter, with the filter written into the file.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export");

        export.MapGet("/pledges.csv", async (HttpContext http, ReferenceData reference, DashboardQueries queries, CancellationToken ct) =>
        {
            var (context, error) = await ReadFilterAsync(http, reference);
            if (error is not null)
            {
                return error;
            }
            var rows = await queries.Pledges.GetPledgesAsync(context.Filter, ct);
            var csv = Header(new Csv(), context, "pledges", rows.Count)
                .Row("id", "coalition_wide", "countries", "country_names", "organisations", "parties_roles", "categories", "status", "status_note", "troops", "condition",
                     "quantity", "date", "speaker", "title", "description", "contested", "supersedes", "c_grade_sources_only", "source_ids", "source_urls");
            foreach (var p in rows)
            {
                csv.Row(p.Id, p.CoalitionWide ? "yes" : "no", string.Join(';', p.Countries), string.Join(';', p.Countries.Select(context.Reference.NameOf)),
                    string.Join(';', p.Organisations), string.Join(';', p.Parties.Select(x => $"{x.Party}:{Slug.Of(x.Role)}")),
                    string.Join(';', p.Categories.Select(Slug.Of)), Slug.Of(p.Status), p.StatusNote,
                    p.Troops is { } t ? Slug.Of(t) : null, p.Condition, p.Quantity, p.DateText, p.Speaker, p.Title, p.Description, p.Contested,
                    string.Join(';', p.Supersedes), p.WeakEvidence ? "yes" : "no",
                    string.Join(';', p.Sources.Select(s => s.Id)), string.Join(' ', p.Sources.Select(s => s.Url ?? "")));
            }
            return File(csv, "pledges", context, "csv", "text/csv");
        });

        export.MapGet("/pledges.json", async (HttpContext http, ReferenceData reference, DashboardQueries queries, CancellationToken ct) =>
        {
            var (context, error) = await ReadFilterAsync(http, reference);
            if (error is not null)
            {
                return error;
            }
            var rows = await queries.Pledges.GetPledgesAsync(context.Filter, ct);
            var body = new
            {
                dataset = context.Reference.Title,
                dataAsOf = context.Reference.AsOf,
                reviewedOn = context.Reference.ReviewedOn,
                viewAsOf = context.Reference.ViewDate(context.Filter),
                exportedAtUtc = DateTime.UtcNow,
                filter = new { query = context.Filter.Query, description = context.Describe() },
                count = rows.Count,
                pledges = rows.Select(p => new
                {
                    p.Id, p.Title, p.Description, p.CoalitionWide, p.Countries, p.Organisations, p.Categories, p.Status, p.StatusNote, p.Troops,
                    p.Condition, p.Quantity, Date = p.DateText, p.Speaker, p.Contested, p.Supersedes, CGradeSourcesOnly = p.WeakEvidence,
                    Parties = p.Parties.Select(x => new { Id = x.Party, x.Role }), SourceIds = p.Sources.Select(s => s.Id),
                }),
            };
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName("pledges", context, "json")}\"";
            return Results.Json(body, Api.ApiJson.Options.Value);
        });

        export.MapGet("/countries.csv", async (HttpContext http, ReferenceData reference, DashboardQueries queries, CancellationToken ct) =>
        {
            var (context, error) = await ReadFilterAsync(http, reference);
            if (error is not null)
            {
                return error;
            }
            var rows = await queries.Countries.GetCountryRowsAsync(context.Filter, ct);
            var csv = Header(new Csv(), context, "countries", rows.Count)
                .Row("iso3", "name", "role", "eu", "nato", "representative", "name_confirmed", "office", "level", "attendance", "pledges",
                     "strongest_commitment", "forces_in_ukraine", "standing_as_of", "standing_basis", "categories", "contested");
            foreach (var c in rows)
            {
                csv.Row(c.Iso3, c.Name, Slug.Of(c.Role), c.Eu ? "yes" : "no", c.Nato ? "yes" : "no", c.Representative ?? "not identified",
                    c.Representative is null ? "" : c.RepresentativeNameConfirmed ? "yes" : "no", c.Office, c.Level is { } l ? Slug.Of(l) : null,
                    c.Attendance is { } a ? Slug.Of(a) : null, c.Pledges.ToString(CultureInfo.InvariantCulture),
                    c.StrongestStatus is { } s ? Slug.Of(s) : null, c.Standing.ForcesSlug, DashboardFilter.Format(c.Standing.AsOf),
                    string.Join(';', c.Standing.Basis), string.Join(';', c.Categories.Select(Slug.Of)), c.Contested);
            }
            return File(csv, "countries", context, "csv", "text/csv");
        });

        return app;
    }

    private static async Task<(FilterContext Context, IResult? Error)> ReadFilterAsync(HttpContext http, ReferenceData reference)
    {
        var snapshot = await reference.GetAsync();
        var parsed = FilterParser.Parse(http.Request.QueryString.Value, snapshot.Codes);
        var context = new FilterContext(parsed.Filter, parsed.Errors, snapshot);
        return parsed.Errors.Count > 0
            ? (context, TypedResults.Problem(title: "Invalid filter", detail: string.Join(" ", parsed.Errors), statusCode: StatusCodes.Status400BadRequest))
            : (context, null);
    }

    private static Csv Header(Csv csv, FilterContext context, string what, int count) => csv
        .Comment($"{context.Reference.Title}: {what} export")
        .Comment($"Filter: {context.Describe()}{(context.Filter.IsEmpty ? "" : " (?" + context.Filter.Query + ")")}")
        .Comment($"{context.Reference.Freshness(context.Filter)}; {count} rows; exported {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

    private static IResult File(Csv csv, string what, FilterContext context, string extension, string contentType) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), contentType + "; charset=utf-8",
            FileName(what, context, extension));

    private static string FileName(string what, FilterContext context, string extension)
    {
        var suffix = context.Filter.IsEmpty ? "" : "-" + new string(context.Filter.Query.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (suffix.Length > 60)
        {
            suffix = suffix[..60];
        }
        return $"coalition-{what}{suffix}.{extension}";
    }
}
