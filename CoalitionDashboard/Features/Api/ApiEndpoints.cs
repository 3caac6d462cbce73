using CoalitionDashboard.Data;

namespace CoalitionDashboard.Features.Api;

/// <summary>The read-only JSON API. Bad codes and filter values are answered with 400/404 problem details, never a 500.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps <c>/api/…</c> and returns the group, for the host to add its conventions (the output cache).</summary>
    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Coalition data");

        MapList(api, "/countries", (queries, known, ct) => queries.GetCountriesAsync(known, ct), "The participating and context countries, with their standing on the view's date.");

        api.MapGet("/countries/{iso3}", async Task<IResult> (string iso3, HttpRequest request, ApiQueries queries, ReadModel.Filtering.ReferenceData reference, TimeProvider time, CancellationToken ct) =>
        {
            var (error, known) = await ReadKnownAsync(request, reference, time);
            if (error is not null)
            {
                return error;
            }
            var code = iso3.Trim().ToUpperInvariant();
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid country code", $"'{iso3}' is not an ISO 3166-1 alpha-3 code (three letters, for example FRA).");
            }
            var country = await queries.GetCountryAsync(code, known, ct);
            return country is null
                ? Problem(StatusCodes.Status404NotFound, "Unknown country", $"No country with the code '{code}' is in the data set. GET /api/countries lists them.")
                : TypedResults.Ok(country);
        }).WithSummary("One country: its standing, representative and the records it is bound by.").WithMetadata(new QueryParameters(KnownKeys))
          .Produces<CountryDetailDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        // The pledges honour the whole page filter, read by the pages' own parser: the same URL query gives the same
        // pledges here, on /pledges and in /export/pledges.csv.
        api.MapGet("/pledges", async Task<IResult> (HttpRequest request, ApiQueries queries, ReadModel.Filtering.ReferenceData reference, TimeProvider time, CancellationToken ct) =>
        {
            var (error, filter) = await ReadFilterAsync(request, reference, time, ReadModel.Filtering.DashboardFilter.Keys);
            return error ?? TypedResults.Ok(await queries.GetPledgesAsync(filter, ct));
        }).WithSummary("The pledges and positions under the pages' whole filter.").WithMetadata(new QueryParameters(ReadModel.Filtering.DashboardFilter.Keys))
          .Produces<IReadOnlyList<PledgeDto>>().ProducesProblem(StatusCodes.Status400BadRequest);

        MapList(api, "/events", (queries, known, ct) => queries.GetEventsAsync(known, ct), "The timeline's events, with their status and sources.");
        MapList(api, "/quotes", (queries, known, ct) => queries.GetQuotesAsync(known, ct), "Quotes, with speaker, date, attribution and sources.");
        MapList(api, "/sources", (queries, known, ct) => queries.GetSourcesAsync(known, ct), "Every source, with outlet, date, address and reliability grade.");
        // Open issues are the questions open at the end of coverage: they have no date to draw them as of.
        MapList(api, "/open-issues", (queries, _, ct) => queries.GetOpenIssuesAsync(ct), "The questions still open at the end of coverage.");

        // Any other address under /api is a JSON 404, not the dashboard's HTML not-found page. Only for GET (and HEAD,
        // answered as GET): another method on an /api address is a 405 naming the allowed ones, in problem details.
        api.MapGet("/{**rest}", (string? rest) =>
            Problem(StatusCodes.Status404NotFound, "Not found", $"There is no API endpoint '/api/{rest}'.")).ExcludeFromDescription();
        return api;
    }

    /// <summary>A list that reads only <see cref="KnownKeys"/>: any other parameter or a bad value is a 400.</summary>
    private static void MapList<T>(RouteGroupBuilder api, string path, Func<ApiQueries, KnownFilter, CancellationToken, Task<T>> load, string summary) =>
        api.MapGet(path, async Task<IResult> (HttpRequest request, ApiQueries queries, ReadModel.Filtering.ReferenceData reference, TimeProvider time, CancellationToken ct) =>
        {
            var (error, known) = await ReadKnownAsync(request, reference, time);
            return error ?? TypedResults.Ok(await load(queries, known, ct));
        }).WithSummary(summary).WithMetadata(new QueryParameters(KnownKeys)).Produces<T>().ProducesProblem(StatusCodes.Status400BadRequest);

    /// <summary>What the lists other than the pledges read: the date to draw them as of and the lowest grade.</summary>
    private static readonly string[] KnownKeys = ["asof", "minReliability"];

    private static async Task<(IResult? Error, KnownFilter Known)> ReadKnownAsync(HttpRequest request, ReadModel.Filtering.ReferenceData reference, TimeProvider time)
    {
        var (error, filter) = await ReadFilterAsync(request, reference, time, KnownKeys);
        return (error, new KnownFilter(filter.AsOf, filter.MinReliability));
    }

    /// <summary>
    /// Reads the query with the pages' own filter parser. A parameter the endpoint does not read (a typo such as
    /// <c>countries</c>, or <c>country</c> on a list it cannot narrow) and every bad value are one 400 naming them all:
    /// an API that silently ignored a filter would answer with everything.
    /// </summary>
    private static async Task<(IResult? Error, ReadModel.Filtering.DashboardFilter Filter)> ReadFilterAsync(
        HttpRequest request, ReadModel.Filtering.ReferenceData reference, TimeProvider time, IReadOnlyList<string> allowed)
    {
        var snapshot = await reference.GetAsync();
        var parsed = ReadModel.Filtering.FilterParser.Parse(request.QueryString.Value, snapshot.Codes, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var errors = request.Query.Keys
            .Where(key => !allowed.Contains(key, StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(key => $"'{(key.Length <= 24 ? key : key[..24] + "…")}' is not a parameter of {request.Path} (it reads {string.Join(", ", allowed)}).")
            .Concat(parsed.Errors)
            .ToList();
        return (errors.Count > 0 ? Problem(StatusCodes.Status400BadRequest, "Invalid filter", string.Join(" ", errors)) : null, parsed.Filter);
    }

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
