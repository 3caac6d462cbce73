using System.Globalization;
using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Features.Export;

/// <summary>Downloads of exactly what the grids show under the current filter, with the filter written into the file.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export").WithTags("Exports").WithMetadata(new Api.QueryParameters(DashboardFilter.Keys));

        export.MapGet("/pledges.csv", async (HttpContext http, ReferenceData reference, DashboardQueries queries, CancellationToken ct) =>
        {
            var (context, error) = await ReadFilterAsync(http, reference);
            if (error is not null)
            {
                return error;
            }
            var csv = await PledgesCsvAsync(context, queries, ct);
            return File(http, csv, "pledges", context);
        }).WithSummary("The pledges under the filter as RFC 4180 CSV (its columns in /export/metadata.json).");

        // The records are the API's (/api/pledges), field for field; the file adds what a file needs to stand alone: the
        // data set, its dates, the filter, the licence and a citation.
        export.MapGet("/pledges.json", async (HttpContext http, ReferenceData reference, Api.ApiQueries api, TimeProvider time, CancellationToken ct) =>
        {
            var (context, error) = await ReadFilterAsync(http, reference);
            if (error is not null)
            {
                return error;
            }
            return Json(http, context, time, "pledges", "pledges", (System.Collections.ICollection)await api.GetPledgesAsync(context.Filter, ct));
        }).WithSummary("The pledges under the filter as JSON: the API's records, with the filter, the data's dates, the licence and a citation.");

        export.MapGet("/countries.csv", async (HttpContext http, ReferenceData reference, DashboardQueries queries, CancellationToken ct) =>
        {
            var (context, error) = await ReadFilterAsync(http, reference);
            if (error is not null)
            {
                return error;
            }
            var csv = await CountriesCsvAsync(context, queries, ct);
            return File(http, csv, "countries", context);
        }).WithSummary("The countries with their standing under the filter as RFC 4180 CSV.");

        export.MapGet("/pledges.xlsx", async (HttpContext http, ReferenceData reference, DashboardQueries queries, TimeProvider time, CancellationToken ct) =>
        {
            var (context, error) = await ReadFilterAsync(http, reference);
            return error ?? Workbook(http, context, time, "pledges", ExportColumns.Pledges, await PledgesCsvAsync(context, queries, ct));
        }).WithSummary("The pledges under the filter as an Excel workbook: typed cells, a frozen header, and an About sheet (filter, dates, licence, citation, columns).");
        export.MapGet("/countries.xlsx", async (HttpContext http, ReferenceData reference, DashboardQueries queries, TimeProvider time, CancellationToken ct) =>
        {
            var (context, error) = await ReadFilterAsync(http, reference);
            return error ?? Workbook(http, context, time, "countries", ExportColumns.Countries, await CountriesCsvAsync(context, queries, ct));
        }).WithSummary("The countries with their standing under the filter as an Excel workbook, with an About sheet.");

        export.MapGet("/organisations.csv", async (HttpContext http, ReferenceData reference, DashboardQueries queries, CancellationToken ct) =>
        {
            var (context, error) = await ReadFilterAsync(http, reference, []);
            return error ?? File(http, await OrganisationsCsvAsync(queries, ct), "organisations", context);
        }).WithSummary("The organisations (EU, NATO, G7) and who represented them, as RFC 4180 CSV.").WithMetadata(new Api.QueryParameters([]));

        export.MapRecordExports();
        export.MapDataPackage();

        // What the CSV files are about, beside them: the filter, the data's dates, the licence, how to cite, and every
        // column (name, type, meaning). The CSV responses point here with a Link header.
        export.MapGet("/metadata.json", async (HttpContext http, ReferenceData reference, TimeProvider time) =>
        {
            var (context, error) = await ReadFilterAsync(http, reference);
            if (error is not null)
            {
                return error;
            }
            var suffix = context.QuerySuffix;
            var address = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            return Results.Json(new
            {
                dataset = context.Reference.Title,
                filter = new { query = context.Filter.Query, description = context.Describe() },
                dataAsOf = context.Reference.AsOf,
                reviewedOn = context.Reference.ReviewedOn,
                viewAsOf = context.Reference.ViewDate(context.Filter),
                licence = new { name = Citation.LicenceName, url = Citation.LicenceUrl },
                citation = Citation.For(context.Reference, context.Filter, $"{address}/pledges{suffix}", DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)),
                listSeparator = Csv.ListSeparator.ToString(),
                files = new object[]
                {
                    new { path = $"export/pledges.csv{suffix}", columns = ExportColumns.Pledges },
                    new { path = $"export/countries.csv{suffix}", columns = ExportColumns.Countries },
                    new { path = "export/organisations.csv", columns = ExportColumns.Organisations },
                }.Concat(RecordExports.Kinds.Select(k => (object)new { path = $"export/{k.Name}.csv{Known(context)}", columns = k.Columns })),
            }, Api.ApiJson.Options.Value);
        }).WithSummary("What the CSV files are about: the filter, the data's dates, the licence, a citation and every column.");

        return app;
    }

    internal static async Task<Csv> PledgesCsvAsync(FilterContext context, DashboardQueries queries, CancellationToken ct)
    {
        var rows = await queries.Pledges.GetPledgesAsync(context.Filter, ct);
        var csv = new Csv().Row(ExportColumns.Pledges.Select(c => c.Name));
        foreach (var p in rows)
        {
            var (start, end) = RecordExports.Range(p.DateText);
            csv.Row(p.Id, p.Title, p.Description, Csv.Bool(p.CoalitionWide), Csv.List(p.Countries), Csv.List(p.Countries.Select(context.Reference.NameOf)),
                Csv.List(p.Organisations), Csv.List(p.Parties.Select(x => $"{x.Party}:{Slug.Of(x.Role)}")),
                Csv.List(p.Categories.Select(Slug.Of)), Slug.Of(p.Status), p.StatusNote, p.Troops is { } t ? Slug.Of(t) : null, p.Condition,
                p.Quantity, Csv.Number(p.QuantityValue), p.QuantityUnit, start, end, p.Speaker, p.Contested,
                Csv.List(p.Supersedes), Csv.Bool(p.WeakEvidence), Csv.List(p.Sources.Select(s => s.Id)), Csv.List(p.Sources.Select(s => s.Url ?? "")));
        }
        return csv;
    }

    internal static async Task<Csv> OrganisationsCsvAsync(DashboardQueries queries, CancellationToken ct)
    {
        var csv = new Csv().Row(ExportColumns.Organisations.Select(c => c.Name));
        foreach (var o in await queries.Countries.GetOrganisationsAsync(ct))
        {
            csv.Row(o.Id, o.Name, Csv.Bool(o.Attended), Csv.List(o.Representatives));
        }
        return csv;
    }

    internal static async Task<Csv> CountriesCsvAsync(FilterContext context, DashboardQueries queries, CancellationToken ct)
    {
        var rows = await queries.Countries.GetCountryRowsAsync(context.Filter, ct);
        var csv = new Csv().Row(ExportColumns.Countries.Select(c => c.Name));
        foreach (var c in rows)
        {
            csv.Row(c.Iso3, c.Name, Slug.Of(c.Role), Csv.Bool(c.Eu), Csv.Bool(c.Nato), c.Representative,
                c.Representative is null ? null : Csv.Bool(c.RepresentativeNameConfirmed), c.Office, c.Level is { } l ? Slug.Of(l) : null,
                c.Attendance is { } a ? Slug.Of(a) : null, Csv.Number(c.Pledges),
                c.StrongestStatus is { } s ? Slug.Of(s) : null, c.Standing.ForcesSlug, Csv.Day(c.Standing.AsOf),
                Csv.List(c.Standing.Basis), Csv.List(c.Categories.Select(Slug.Of)), c.Contested);
        }
        return csv;
    }

    // The part of the filter the record exports read (asof, minReliability), as a query.
    internal static string Known(FilterContext context)
    {
        var known = DashboardFilter.None.With(asOf: context.Filter.AsOf, minReliability: context.Filter.MinReliability);
        return known.IsEmpty ? "" : "?" + known.Query;
    }

    internal static async Task<(FilterContext Context, IResult? Error)> ReadFilterAsync(HttpContext http, ReferenceData reference, IReadOnlyList<string>? allowed = null)
    {
        var snapshot = await reference.GetAsync();
        var parsed = FilterParser.Parse(http.Request.QueryString.Value, snapshot.Codes);
        var context = new FilterContext(parsed.Filter, parsed.Errors, snapshot);
        // A parameter the export does not read is refused, as the API does: ignoring it would answer with everything.
        var errors = http.Request.Query.Keys
            .Where(key => !(allowed ?? DashboardFilter.Keys).Contains(key, StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(key => $"'{(key.Length <= 24 ? key : key[..24] + "…")}' is not a parameter of {http.Request.Path} (it reads {string.Join(", ", allowed ?? DashboardFilter.Keys)}).")
            .Concat(parsed.Errors)
            .ToList();
        return errors.Count > 0
            ? (context, TypedResults.Problem(title: "Invalid filter", detail: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest))
            : (context, null);
    }

    // An Excel export: the rows of the CSV, typed by their columns, and an About sheet.
    internal static IResult Workbook(HttpContext http, FilterContext context, TimeProvider time, string what, IReadOnlyList<ExportColumn> columns, Csv csv)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var address = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}{context.QuerySuffix}";
        var about = new List<(string, string)>
        {
            ("Data set", context.Reference.Title),
            ("Records", $"{csv.Rows.Count - 1} {what.Replace('-', ' ')}"),
            ("Filter", context.Describe() + (context.Filter.IsEmpty ? "" : $" (?{context.Filter.Query})")),
            ("Data as of", context.Reference.Freshness(context.Filter)),
            ("Exported", now.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)),
            ("Licence", $"{Citation.LicenceName}, {Citation.LicenceUrl}"),
            ("Cite as", Citation.For(context.Reference, context.Filter, address, DateOnly.FromDateTime(now))),
            ("Sources", "Every record names its sources (source_ids; their outlets, dates, addresses and grades in the sources export): A official, B established news or wire copy, C secondary, corroboration only."),
        };
        var sheet = what switch { "open-issues" => "Open issues", _ => char.ToUpperInvariant(what[0]) + what[1..] };
        return TypedResults.File(Xlsx.Write(sheet, columns, csv, about), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(what, context, "xlsx"));
    }

    // A JSON export: the records (the API's) under their kind's name, with what a file needs to stand alone.
    internal static IResult Json(HttpContext http, FilterContext context, TimeProvider time, string what, string key, System.Collections.ICollection records)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var body = new Dictionary<string, object?>
        {
            ["dataset"] = context.Reference.Title,
            ["dataAsOf"] = context.Reference.AsOf,
            ["reviewedOn"] = context.Reference.ReviewedOn,
            ["viewAsOf"] = context.Reference.ViewDate(context.Filter),
            ["exportedAtUtc"] = now,
            ["filter"] = new { query = context.Filter.Query, description = context.Describe() },
            ["licence"] = new { name = Citation.LicenceName, url = Citation.LicenceUrl },
            ["citation"] = Citation.For(context.Reference, context.Filter,
                $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{(what == "pledges" ? "/pledges" : http.Request.Path.Value)}{context.QuerySuffix}",
                DateOnly.FromDateTime(now)),
            ["count"] = records.Count,
            [key] = records,
        };
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(what, context, "json")}\"";
        return Results.Json(body, Api.ApiJson.Options.Value);
    }

    // The file, and where what it is about is written (the filter's own metadata).
    internal static IResult File(HttpContext http, Csv csv, string what, FilterContext context)
    {
        http.Response.Headers.Link = $"<{http.Request.PathBase}/export/metadata.json{context.QuerySuffix}>; rel=\"describedby\"; type=\"application/json\"";
        return TypedResults.File(csv.ToBytes(), "text/csv; charset=utf-8; header=present", FileName(what, context, "csv"));
    }

    internal static string FileName(string what, FilterContext context, string extension)
    {
        var suffix = context.Filter.IsEmpty ? "" : "-" + new string(context.Filter.Query.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (suffix.Length > 60)
        {
            suffix = suffix[..60];
        }
        return $"coalition-{what}{suffix}.{extension}";
    }
}
