using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Features.Export;

/// <summary>
/// The whole data set as one download, full or filtered by the same query string: <c>/export/data.zip</c>, a
/// Frictionless Tabular Data Package (https://specs.frictionlessdata.io/tabular-data-package/): a CSV per kind of record,
/// <c>datapackage.json</c> with each file's field schema (type, description, allowed values), the licence, the data's
/// version, its dates and a citation, and a README. Pledges and countries follow the whole filter; the other kinds its
/// <c>asof</c> and <c>minReliability</c>, as their own exports do.
/// </summary>
public static class DataPackage
{
    public static RouteGroupBuilder MapDataPackage(this RouteGroupBuilder export)
    {
        export.MapGet("/data.zip", async (HttpContext http, ReferenceData reference, DashboardQueries queries, Api.ApiQueries api, DataGeneration generation,
            TimeProvider time, CancellationToken ct) =>
        {
            var (context, error) = await ExportEndpoints.ReadFilterAsync(http, reference);
            if (error is not null)
            {
                return error;
            }
            var files = new List<(string Name, string Title, IReadOnlyList<ExportColumn> Columns, Csv Csv)>
            {
                ("countries", "Countries and their standing", ExportColumns.Countries, await ExportEndpoints.CountriesCsvAsync(context, queries, ct)),
                ("organisations", "Organisations and their representatives", ExportColumns.Organisations, await ExportEndpoints.OrganisationsCsvAsync(queries, ct)),
                ("pledges", "Pledges and positions, with their parties and roles", ExportColumns.Pledges, await ExportEndpoints.PledgesCsvAsync(context, queries, ct)),
            };
            foreach (var (name, columns, _, _) in RecordExports.Kinds)
            {
                files.Add((name, name switch { "events" => "Timeline events", "quotes" => "Quotes", "sources" => "Sources", _ => "Open issues" }, columns,
                    await RecordExports.CsvAsync(name, api, context.Filter, ct)));
            }
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var address = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            var citation = Citation.For(context.Reference, context.Filter, $"{address}/export/data.zip{context.QuerySuffix}", today);
            var descriptor = new Dictionary<string, object?>
            {
                ["profile"] = "tabular-data-package",
                ["name"] = "coalition-of-the-willing-paris-2026",
                ["title"] = context.Reference.Title,
                ["version"] = Version(generation.Stamp),
                ["created"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ["licenses"] = new[] { new { name = "CC-BY-4.0", path = Citation.LicenceUrl, title = "Creative Commons Attribution 4.0" } },
                ["dataAsOf"] = Csv.Day(context.Reference.AsOf),
                ["reviewedOn"] = Csv.Day(context.Reference.ReviewedOn),
                ["viewAsOf"] = Csv.Day(context.Reference.ViewDate(context.Filter)),
                ["filter"] = new { query = context.Filter.Query, description = context.Describe() },
                ["citation"] = citation,
                ["resources"] = files.Select(f => new Dictionary<string, object?>
                {
                    ["name"] = f.Name,
                    ["title"] = f.Title,
                    ["path"] = f.Name + ".csv",
                    ["profile"] = "tabular-data-resource",
                    ["format"] = "csv",
                    ["mediatype"] = "text/csv",
                    ["encoding"] = "utf-8",
                    ["dialect"] = new { delimiter = ",", header = true, lineTerminator = "\r\n", quoteChar = "\"", doubleQuote = true },
                    ["schema"] = new
                    {
                        fields = f.Columns.Select(c => new Dictionary<string, object?>
                        {
                            ["name"] = c.Name,
                            ["type"] = c.Type,
                            ["description"] = c.Description,
                            // A list column's allowed values are those of its items, not of the whole field.
                            ["constraints"] = c.Values is { } values && !c.Description.Contains("a list", StringComparison.Ordinal) ? new { @enum = values } : null,
                            ["trueValues"] = c.Type == "boolean" ? new[] { "TRUE" } : null,
                            ["falseValues"] = c.Type == "boolean" ? new[] { "FALSE" } : null,
                        }.Where(kv => kv.Value is not null).ToDictionary()),
                    },
                }).ToList(),
            };
            using var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in files)
                {
                    Add(archive, file.Name + ".csv", file.Csv.ToBytes());
                }
                Add(archive, "datapackage.json", JsonSerializer.SerializeToUtf8Bytes(descriptor, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                Add(archive, "README.md", Encoding.UTF8.GetBytes(Readme(context, files.Select(f => (f.Name, f.Title, f.Csv)).ToList(), citation)));
            }
            return TypedResults.File(zip.ToArray(), "application/zip", ExportEndpoints.FileName("data", context, "zip"));
        }).WithSummary("The whole data set, full or filtered, as a Frictionless Tabular Data Package: a CSV per kind of record, datapackage.json with every field's schema, a README.");
        return export;
    }

    private static void Add(ZipArchive archive, string name, byte[] bytes)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    // The data's version: its content hash (the import's stamp), short.
    private static string Version(string? stamp) => stamp is null ? "unknown" : stamp.Split('@')[0][..Math.Min(12, stamp.Split('@')[0].Length)];

    private static string Readme(FilterContext context, IReadOnlyList<(string Name, string Title, Csv Csv)> files, string citation)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {context.Reference.Title}").AppendLine();
        text.AppendLine("Curated open-source data from the Coalition dashboard: who took part, what each pledged or said, the timeline, quotes,");
        text.AppendLine("open issues and the sources every record rests on, each source graded A (official), B (established news or wire copy)");
        text.AppendLine("or C (secondary, corroboration only). Unknown values are empty; disputed points are in the `contested` columns.").AppendLine();
        text.AppendLine($"- {context.Reference.Freshness(context.Filter)}");
        text.AppendLine($"- Filter: {context.Describe()}{(context.Filter.IsEmpty ? "" : $" (`?{context.Filter.Query}`)")}");
        text.AppendLine($"- Licence: {Citation.LicenceName} ({Citation.LicenceUrl})");
        text.AppendLine($"- Cite as: {citation}").AppendLine();
        text.AppendLine("## Files").AppendLine();
        foreach (var (name, title, _) in files)
        {
            text.AppendLine($"- `{name}.csv`: {title}.");
        }
        text.AppendLine().AppendLine("`datapackage.json` describes every column: its type, meaning and allowed values. The CSV files are RFC 4180 (UTF-8,");
        text.AppendLine("no byte-order mark, header on the first line); booleans are TRUE/FALSE, dates ISO 8601, lists separated by `;`.");
        text.AppendLine("`pandas.read_csv(\"pledges.csv\")` and R's `read.csv(\"pledges.csv\")` read them with no options.");
        return text.ToString();
    }
}
