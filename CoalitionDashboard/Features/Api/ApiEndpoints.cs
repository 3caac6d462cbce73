using CoalitionDashboard.Data;

namespace CoalitionDashboard.Features.Api;

/// <summary>The read-only JSON API. Bad codes and filter values are answered with 400/404 problem details, never a 500.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Coalition data");

        api.MapGet("/countries", async (ApiQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.GetCountriesAsync(ct)));

        api.MapGet("/countries/{iso3}", async Task<IResult> (string iso3, ApiQueries queries, CancellationToken ct) =>
        {
            var code = iso3.Trim().ToUpperInvariant();
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid country code", $"'{iso3}' is not an ISO 3166-1 alpha-3 code (three letters, for example FRA).");
            }
            var country = await queries.GetCountryAsync(code, ct);
            return country is null
                ? Problem(StatusCodes.Status404NotFound, "Unknown country", $"No country with the code '{code}' is in the data set. GET /api/countries lists them.")
                : TypedResults.Ok(country);
        });

        api.MapGet("/pledges", async Task<IResult> (string? country, string? category, string? status, ApiQueries queries, CancellationToken ct) =>
        {
            var errors = new List<string>();
            var countries = new List<string>();
            if (!string.IsNullOrWhiteSpace(country))
            {
                var known = await queries.GetCountryCodesAsync(ct);
                foreach (var code in country.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()))
                {
                    if (known.Contains(code))
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
            return TypedResults.Ok(await queries.GetPledgesAsync(new PledgeFilter(countries, parsedCategory, parsedStatus), ct));
        });

        api.MapGet("/events", async (ApiQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetEventsAsync(ct)));
        api.MapGet("/quotes", async (ApiQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetQuotesAsync(ct)));
        api.MapGet("/sources", async (ApiQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetSourcesAsync(ct)));
        api.MapGet("/open-issues", async (ApiQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetOpenIssuesAsync(ct)));

        // Anything else under /api is a JSON 404, not the dashboard's HTML not-found page.
        api.Map("/{**rest}", (string? rest) =>
            Problem(StatusCodes.Status404NotFound, "Not found", $"There is no API endpoint '/api/{rest}'."));
        return app;
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
