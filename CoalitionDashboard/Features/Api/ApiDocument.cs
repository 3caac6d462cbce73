using System.Text.Json.Nodes;
using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel.Filtering;
using Microsoft.OpenApi;

namespace CoalitionDashboard.Features.Api;

/// <summary>The query parameters an API or export endpoint reads (it reads them from the query itself, so the OpenAPI
/// generator cannot see them): named here, described with their allowed values in the document.</summary>
public sealed record QueryParameters(IReadOnlyList<string> Keys);

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (the framework's own generator): every API and export endpoint with
/// the parameters it reads, their types and allowed values. Pages are not in it.
/// </summary>
public static class ApiDocument
{
    public const string Path = "/openapi/v1.json";

    private static readonly Dictionary<string, Func<OpenApiParameter>> Parameters = new()
    {
        ["country"] = () => Parameter("country", "Countries, as comma-separated ISO 3166-1 alpha-3 codes (FRA,DEU); an unknown code is a 400.", pattern: "^[A-Za-z]{3}(,[A-Za-z]{3})*$"),
        ["category"] = () => Parameter("category", "Pledges in this category.", values: Slug.All<PledgeCategory>()),
        ["status"] = () => Parameter("status", "Pledges with this status.", values: Slug.All<PledgeStatus>()),
        ["bloc"] = () => Parameter("bloc", "Countries of this bloc.", values: Enum.GetValues<Bloc>().Select(DashboardFilter.Slug).ToList()),
        ["from"] = () => Parameter("from", "Records dated on or after this day (YYYY-MM-DD).", format: "date"),
        ["to"] = () => Parameter("to", "Records dated on or before this day (YYYY-MM-DD).", format: "date"),
        ["asof"] = () => Parameter("asof", "Draw everything as it stood on this day (YYYY-MM-DD): records dated later are left out, standings are that day's.", format: "date"),
        ["minReliability"] = () => Parameter("minReliability", "Hide records that rest only on sources graded below this (A official; B established outlets; C secondary).", values: ["A", "B", "C"]),
    };

    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        // The API and the exports only: not the theme's stylesheet, nor the benchmark mode's endpoints.
        options.ShouldInclude = description => description.RelativePath is { } path
            && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("export/", StringComparison.Ordinal));
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Coalition dashboard data",
                Version = "v1",
                Description = "Read-only JSON and CSV of the curated data on the Coalition of the Willing (Paris, 6 January 2026, and after). "
                    + "Every answer carries an ETag and Last-Modified from the data; the data is licensed " + ReadModel.Citation.LicenceName + ".",
                License = new OpenApiLicense { Name = ReadModel.Citation.LicenceName, Url = new Uri(ReadModel.Citation.LicenceUrl) },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            // The endpoint's own list where it has one (a group's comes first in the metadata).
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameters>().LastOrDefault() is { } query)
            {
                operation.Parameters ??= [];
                foreach (var key in query.Keys)
                {
                    operation.Parameters.Add(Parameters[key]());
                }
            }
            return Task.CompletedTask;
        });
    });

    private static OpenApiParameter Parameter(string name, string description, IReadOnlyList<string>? values = null, string? format = null, string? pattern = null) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description,
        Required = false,
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Format = format,
            Pattern = pattern,
            Enum = values?.Select(v => (JsonNode)JsonValue.Create(v)!).ToList(),
        },
    };
}
