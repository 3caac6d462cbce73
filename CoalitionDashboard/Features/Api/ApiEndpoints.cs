using CoalitionDashboard.Data;

namespace CoalitionDashboard.Features.Api;

/// <summary>The read-only JSON API. Bad codes and filter values are answered with 400/404 problem details, never a 500.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Coalition data");
        if (Infrastructure.PageOutputCache.IsEnabled(app.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            api.CacheOutput(Infrastructure.PageOutputCache.ApiPolicy);
        }

        api.MapGet("/countries", async Task<IResult> (HttpRequest request, ApiQueries queries, TimeProvider time, CancellationToken ct) =>
            ReadKnown(request, time, out var known) is { } error ? error : TypedResults.Ok(await queries.GetCountriesAsync(known, ct)));

        api.MapGet("/countries/{iso3}", async Task<IResult> (string iso3, HttpRequest request, ApiQueries queries, TimeProvider time, CancellationToken ct) =>
        {
            if (ReadKnown(request, time, out var known) is { } error)
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
        });

        api.MapGet("/pledges", async Task<IResult> (string? country, string? category, string? status, HttpRequest request, ApiQueries queries,
            TimeProvider time, CancellationToken ct) =>
        {
            if (ReadKnown(request, time, out var known) is { } error)
            {
                return error;
            }
            var errors = new List<string>();
            var countries = new List<string>();
            if (!string.IsNullOrWhiteSpace(country))
            {
                var codes = await queries.GetCountryCodesAsync(ct);
                foreach (var code in country.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()))
                {
                    if (codes.Contains(code))
                    {
                        countries.Add(code);
                    }
                    else
                    {
                        errors.Add($"country: unknown code '{code}'");
                    }
                }
            }
            var parsedCategory = ParseSlug<PledgeCategory>("category", category, errors);
            var parsedStatus = ParseSlug<PledgeStatus>("status", status, errors);
            if (errors.Count > 0)
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid filter", string.Join("; ", errors));
            }
            return TypedResults.Ok(await queries.GetPledgesAsync(new PledgeFilter(countries, parsedCategory, parsedStatus), known, ct));
        });

        api.MapGet("/events", async Task<IResult> (HttpRequest request, ApiQueries queries, TimeProvider time, CancellationToken ct) =>
            ReadKnown(request, time, out var known) is { } error ? error : TypedResults.Ok(await queries.GetEventsAsync(known, ct)));
        api.MapGet("/quotes", async Task<IResult> (HttpRequest request, ApiQueries queries, TimeProvider time, CancellationToken ct) =>
            ReadKnown(request, time, out var known) is { } error ? error : TypedResults.Ok(await queries.GetQuotesAsync(known, ct)));
        api.MapGet("/sources", async Task<IResult> (HttpRequest request, ApiQueries queries, TimeProvider time, CancellationToken ct) =>
            ReadKnown(request, time, out var known) is { } error ? error : TypedResults.Ok(await queries.GetSourcesAsync(known, ct)));
        // Open issues are the questions open at the end of coverage: they have no date to draw them as of.
        api.MapGet("/open-issues", async Task<IResult> (HttpRequest request, ApiQueries queries, TimeProvider time, CancellationToken ct) =>
            ReadKnown(request, time, out _) is { } error ? error : TypedResults.Ok(await queries.GetOpenIssuesAsync(ct)));

        // Any other address under /api is a JSON 404, not the dashboard's HTML not-found page. Only for GET (and HEAD,
        // answered as GET): another method on an /api address is a 405 naming the allowed ones, in problem details.
        api.MapGet("/{**rest}", (string? rest) =>
            Problem(StatusCodes.Status404NotFound, "Not found", $"There is no API endpoint '/api/{rest}'."));
        return app;
    }

    /// <summary>
    /// Reads <c>asof</c> and <c>minReliability</c> with the pages' own filter parser; a malformed or future date or an
    /// unknown grade is a 400 naming it.
    /// </summary>
    private static IResult? ReadKnown(HttpRequest request, TimeProvider time, out KnownFilter known)
    {
        var query = string.Join('&', new[] { "asof", "minReliability" }
            .Where(request.Query.ContainsKey)
            .Select(key => key + "=" + Uri.EscapeDataString(request.Query[key].LastOrDefault() ?? "")));
        var parsed = Filtering.FilterParser.Parse(query, new HashSet<string>(), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        known = new KnownFilter(parsed.Filter.AsOf, parsed.Filter.MinReliability);
        return parsed.Errors.Count > 0 ? Problem(StatusCodes.Status400BadRequest, "Invalid filter", string.Join(" ", parsed.Errors)) : null;
    }

    private static TEnum? ParseSlug<TEnum>(string name, string? value, List<string> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (Slug.TryParse<TEnum>(value.Trim().ToLowerInvariant(), out var parsed))
        {
            return parsed;
        }
        errors.Add($"{name}: '{value}' is not one of {string.Join(", ", Slug.All<TEnum>())}");
        return null;
    }

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
